import { COMPONENTS, type Component } from './score.ts';
import type { RiskRow } from './ranking.ts';

/**
 * The table's own URL parameters (the view filters are url-filters.ts'): `sort`, `dir`, `page`.
 * A value that is not one of these is an expected failure with a reason (→ 400), never guessed.
 */
export const SORT_KEYS = ['score', 'name', 'type', 'province', 'peers', ...COMPONENTS] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';
export const PAGE_SIZE = 50;

export interface TableParams {
	sort: SortKey;
	dir: SortDir;
	page: number;
}

export type ParsedTableParams =
	{ ok: true; params: TableParams } | { ok: false; param: string; value: string; reason: string };

const isSortKey = (v: string): v is SortKey => (SORT_KEYS as readonly string[]).includes(v);

/** `?sort=not_done_share&dir=asc&page=2`; absent parameters take the defaults (score, desc, 1). */
export function parseTableParams(params: URLSearchParams): ParsedTableParams {
	const sort = params.get('sort') ?? 'score';
	if (!isSortKey(sort)) {
		return { ok: false, param: 'sort', value: sort, reason: `one of ${SORT_KEYS.join(', ')}` };
	}
	const defaultDir: SortDir =
		sort === 'name' || sort === 'type' || sort === 'province' ? 'asc' : 'desc';
	const dir = params.get('dir') ?? defaultDir;
	if (dir !== 'asc' && dir !== 'desc') {
		return { ok: false, param: 'dir', value: dir, reason: 'asc or desc' };
	}
	const page = params.get('page') ?? '1';
	if (!/^[1-9]\d{0,5}$/.test(page)) {
		return { ok: false, param: 'page', value: page, reason: 'a whole number from 1 to 999999' };
	}
	return { ok: true, params: { sort, dir, page: Number(page) } };
}

const thai = new Intl.Collator('th');

function key(row: RiskRow, sort: SortKey): number | string | null {
	switch (sort) {
		case 'score':
			return row.rank === null ? null : row.score;
		case 'name':
			return row.nameTh;
		case 'type':
			return row.type;
		case 'province':
			return row.provinceTh;
		case 'peers':
			return row.peerSize;
		default:
			return row.components[sort as Component].value;
	}
}

/**
 * Sorted copy: nulls (not ranked, or a missing component) always last whatever the direction;
 * ties by Thai name then DLA code, so the order is total and pages are stable.
 */
export function sortRows(rows: readonly RiskRow[], sort: SortKey, dir: SortDir): RiskRow[] {
	const sign = dir === 'asc' ? 1 : -1;
	return [...rows].sort((a, b) => {
		const ka = key(a, sort);
		const kb = key(b, sort);
		if (ka === null || kb === null) {
			if (ka !== kb) return ka === null ? 1 : -1;
		} else if (ka !== kb) {
			const c =
				typeof ka === 'string' && typeof kb === 'string'
					? thai.compare(ka, kb)
					: (ka as number) - (kb as number);
			if (c !== 0) return sign * c;
		}
		return thai.compare(a.nameTh, b.nameTh) || a.dlaCode.localeCompare(b.dlaCode);
	});
}

export interface Page<T> {
	items: T[];
	page: number;
	pageCount: number;
	total: number;
}

/** One page; `null` when the page is past the last (→ 404). An empty list has one empty page. */
export function pageOf<T>(items: readonly T[], page: number, size = PAGE_SIZE): Page<T> | null {
	const pageCount = Math.max(1, Math.ceil(items.length / size));
	if (page > pageCount) return null;
	return {
		items: items.slice((page - 1) * size, page * size),
		page,
		pageCount,
		total: items.length
	};
}
