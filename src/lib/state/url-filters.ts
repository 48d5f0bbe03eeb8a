import { LAO_TYPES } from '../query/codes.ts';

/**
 * The dashboard's view, as it travels in the URL: every page that slices (overview, lists, risk)
 * reads and writes the same parameters, so a copied link reopens the exact view.
 *
 *   ?province=15,52&type=subdistrict_admin_org&dim=1,2&fy=2567,2568&verdict=accepted
 *
 * Values are the stable text codes of the database (LAO type names, verdicts), not the extracts'
 * integer codes, so a link survives a change of extract layout. Unknown values are dropped and
 * reported in `rejected`, never guessed at.
 */
export const VIEW_VERDICTS = ['accepted', 'accepted_with_warnings'] as const;
export type ViewVerdict = (typeof VIEW_VERDICTS)[number];
export type LaoTypeName = (typeof LAO_TYPES)[number];

export interface ViewFilters {
	/** Two-digit province codes ('15'), as dim_province.code. */
	provinces: string[];
	laoTypes: LaoTypeName[];
	/** มิติ 1–4. */
	dimensions: number[];
	/** Fiscal years, Buddhist era (2568 = FY2025). */
	fiscalYears: number[];
	/** Facts come from accepted documents only; this narrows to clean or warned ones. */
	verdicts: ViewVerdict[];
}

export const PARAMS = {
	provinces: 'province',
	laoTypes: 'type',
	dimensions: 'dim',
	fiscalYears: 'fy',
	verdicts: 'verdict'
} as const satisfies Record<keyof ViewFilters, string>;

export const EMPTY_FILTERS: ViewFilters = {
	provinces: [],
	laoTypes: [],
	dimensions: [],
	fiscalYears: [],
	verdicts: []
};

const isProvince = (v: string) => /^\d{2}$/.test(v);
const isLaoType = (v: string): v is LaoTypeName => (LAO_TYPES as readonly string[]).includes(v);
const isVerdict = (v: string): v is ViewVerdict => (VIEW_VERDICTS as readonly string[]).includes(v);
const asInt = (v: string, min: number, max: number) =>
	/^\d{1,4}$/.test(v) && Number(v) >= min && Number(v) <= max ? Number(v) : null;

/** Caps what one parameter may carry (77 provinces is the longest honest list). */
const MAX_VALUES = 100;

function values(params: URLSearchParams, name: string): string[] {
	return params
		.getAll(name)
		.flatMap((v) => v.split(','))
		.map((v) => v.trim())
		.filter((v) => v !== '')
		.slice(0, MAX_VALUES);
}

const unique = <T extends string | number>(list: T[]): T[] =>
	[...new Set(list)].sort((a, b) =>
		typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b))
	);

export interface ParsedFilters {
	filters: ViewFilters;
	/** `param=value` pairs that were not understood, for a visible notice. */
	rejected: string[];
}

/** Reads the view from a query string; order and duplicates do not matter. */
export function parseFilters(params: URLSearchParams): ParsedFilters {
	const rejected: string[] = [];
	function pick<T>(name: string, accept: (v: string) => T | null): T[] {
		const out: T[] = [];
		for (const v of values(params, name)) {
			const value = accept(v);
			if (value === null) rejected.push(`${name}=${v}`);
			else out.push(value);
		}
		return out;
	}
	return {
		filters: {
			provinces: unique(pick(PARAMS.provinces, (v) => (isProvince(v) ? v : null))),
			laoTypes: unique(pick(PARAMS.laoTypes, (v) => (isLaoType(v) ? v : null))),
			dimensions: unique(pick(PARAMS.dimensions, (v) => asInt(v, 1, 4))),
			fiscalYears: unique(pick(PARAMS.fiscalYears, (v) => asInt(v, 2500, 2700))),
			verdicts: unique(pick(PARAMS.verdicts, (v) => (isVerdict(v) ? v : null)))
		},
		rejected
	};
}

/**
 * Writes the view into `base` (other parameters, such as lang or sort, are kept), in a fixed
 * order so that equal views give equal URLs. Empty axes leave no parameter.
 */
export function writeFilters(filters: ViewFilters, base = new URLSearchParams()): URLSearchParams {
	const out = new URLSearchParams(base);
	for (const key of Object.keys(PARAMS) as (keyof ViewFilters)[]) {
		const name = PARAMS[key];
		out.delete(name);
		const list = unique([...filters[key]] as (string | number)[]);
		if (list.length > 0) out.set(name, list.join(','));
	}
	return out;
}

/** Adds or removes one value on one axis (a click on a bar or a province). */
export function toggle<K extends keyof ViewFilters>(
	filters: ViewFilters,
	key: K,
	value: ViewFilters[K][number]
): ViewFilters {
	const list = filters[key] as (string | number)[];
	const next = list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
	return { ...filters, [key]: unique(next) };
}

export const isEmpty = (filters: ViewFilters): boolean =>
	Object.values(filters).every((list: unknown[]) => list.length === 0);
