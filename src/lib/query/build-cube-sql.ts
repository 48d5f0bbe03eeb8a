import type { Filters } from './filters.ts';
import { column, ident } from './sql.ts';

/** The measures every cube row carries, plan and report side by side. */
export const MEASURES = [
	'plan_items',
	'zero',
	'baht',
	'report_items',
	'done',
	'not_done',
	'disbursed'
] as const;

/** The axes a cube may keep besides the LAO (whose province and type ride along). */
export type CubeAxis = 'fiscal_year' | 'dimension' | 'verdict';

/**
 * The cubes the crossfilter slices, finest first. Every one keeps the LAO (counts of distinct
 * LAOs need it, and its province and type are filters); they differ in which of fiscal year,
 * มิติ and verdict they keep. A slice reads the coarsest that has its key and its filters
 * (`cubeFor`). National demo: `cube` and `cube_fd` 156,147 rows, `cube_fy` 39,101, `cube_dim`
 * 31,400, `cube_lao` 7,850. Only a verdict filter needs `cube`.
 */
export const CUBES = [
	{ table: 'cube', axes: ['fiscal_year', 'dimension', 'verdict'] },
	{ table: 'cube_fd', axes: ['fiscal_year', 'dimension'] },
	{ table: 'cube_fy', axes: ['fiscal_year'] },
	{ table: 'cube_dim', axes: ['dimension'] },
	{ table: 'cube_lao', axes: [] }
] as const satisfies readonly { table: string; axes: readonly CubeAxis[] }[];
export type Cube = (typeof CUBES)[number];

const LAO = ['lao_key', 'province_code', 'lao_type'];

/**
 * Counts stay 32-bit when summed: DuckDB widens a sum of integers to a 128-bit HUGEINT, slower to
 * sum again in every slice. Baht stay doubles.
 */
export const CAST: Record<(typeof MEASURES)[number], string> = {
	plan_items: '::integer',
	zero: '::integer',
	baht: '',
	report_items: '::integer',
	done: '::integer',
	not_done: '::integer',
	disbursed: ''
};

/**
 * The statements that build the cubes, in order. The first makes `cube` from the facts_cube
 * extract (the server's fact_cube summed per LAO × year × มิติ × verdict), not from the raw
 * facts: the crossfilter starts without fetching or scanning 1.7M fact rows. Plans and reports
 * share its rows, so one scan serves both sides of a figure. dim_lao is left-joined: a fact
 * without a registered LAO stays in (province and type null) as it does on the server, and drops
 * out of a province or type filter. The others sum `cube` over what they drop; sums over every
 * มิติ include the facts without one, as the unfiltered figures do.
 */
export function buildCubeSql(): string[] {
	const f = (name: string) => column('f', name);
	const base = [
		`create or replace table ${ident('cube')} as`,
		`select ${f('lao_key')}, ${column('l', 'province_code')}, ${column('l', 'type')} as ${ident('lao_type')}, ${f('verdict')}, ${f('fiscal_year')}, ${f('dimension')},`,
		`\t${f('is_synthetic')} as ${ident('synthetic')}, ${f('plan_items')}, ${f('zero_budget_items')} as ${ident('zero')}, ${f('planned_baht')} as ${ident('baht')},`,
		`\t${f('report_items')}, ${f('done')}, ${f('not_done')}, ${f('disbursed_baht')} as ${ident('disbursed')}`,
		`from ${ident('facts_cube')} as ${ident('f')}`,
		`\tleft join ${ident('dim_lao')} as ${ident('l')} on ${column('l', 'lao_key')} = ${f('lao_key')}`
	].join('\n');
	const rollups = CUBES.slice(1).map(({ table, axes }) => {
		const keep = [...LAO, ...axes].map(ident).join(', ');
		const sums = MEASURES.map((m) => `sum(${ident(m)})${CAST[m]} as ${ident(m)}`).join(', ');
		return [
			`create or replace table ${ident(table)} as`,
			`select ${keep}, bool_or(${ident('synthetic')}) as ${ident('synthetic')}, ${sums}`,
			`from ${ident('cube')} group by all`
		].join('\n');
	});
	return [base, ...rollups];
}

/** The values `filters` keeps on a cube axis (none: no filter on it). */
function kept(filters: Filters, axis: CubeAxis): readonly (string | number)[] {
	if (axis === 'fiscal_year') return filters.fiscalYears ?? [];
	if (axis === 'dimension') return filters.dimensions ?? [];
	return filters.verdicts ?? [];
}

/** The coarsest cube with `key` and every axis `filters` narrows. */
export function cubeFor(key: string, filters: Filters): Cube {
	const needs = (['fiscal_year', 'dimension', 'verdict'] as const).filter(
		(axis) => axis === key || kept(filters, axis).length > 0
	);
	const fits = CUBES.filter((c) => needs.every((a) => (c.axes as readonly string[]).includes(a)));
	return fits.at(-1)!;
}

/**
 * Whether each row of `cube` within `filters` is one LAO in one group of `key`: every axis the
 * cube keeps is the key or held to a single value. Then a slice counts LAOs by counting rows,
 * without first summing per (key, LAO): on the national demo that per-LAO step was most of a
 * slice's time (39k groups for the years over cube_fy).
 */
export function onePerLao(cube: Cube, key: string, filters: Filters): boolean {
	return cube.axes.every((axis) => axis === key || new Set(kept(filters, axis)).size === 1);
}
