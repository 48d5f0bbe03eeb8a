import { writeFilters, type ViewFilters } from '../../state/url-filters.ts';

/**
 * The /risk page's links, as pure functions of the current query: every change of sort or
 * filter goes back to page 1, other parameters (lang, the other filters) are kept.
 */
const TEXTUAL = new Set(['name', 'type', 'province']);

const query = (params: URLSearchParams) => {
	const q = params.toString();
	return q ? `?${q}` : '?';
};

/** The same query with some parameters replaced (null removes) and the page reset. */
export function withParams(
	current: URLSearchParams,
	changes: Record<string, string | null>
): string {
	const params = new URLSearchParams(current);
	params.delete('page');
	for (const [k, v] of Object.entries(changes)) {
		if (v === null) params.delete(k);
		else params.set(k, v);
	}
	return query(params);
}

/** A column header: the same column flips the direction; a new one starts descending (text: ascending). */
export function sortHref(
	current: URLSearchParams,
	table: { sort: string; dir: 'asc' | 'desc' },
	key: string
): string {
	const dir =
		table.sort === key ? (table.dir === 'asc' ? 'desc' : 'asc') : TEXTUAL.has(key) ? 'asc' : 'desc';
	return withParams(current, { sort: key, dir });
}

export function pageHref(current: URLSearchParams, page: number): string {
	const params = new URLSearchParams(current);
	params.set('page', String(page));
	return query(params);
}

/** One select → one axis of the view (single value, '' = all), through the shared URL codec. */
export function filterHref(
	current: URLSearchParams,
	filters: ViewFilters,
	key: 'laoTypes' | 'provinces' | 'fiscalYears',
	value: string
): string {
	const next: ViewFilters = { ...filters };
	if (key === 'fiscalYears') next.fiscalYears = value ? [Number(value)] : [];
	else if (key === 'provinces') next.provinces = value ? [value] : [];
	else next.laoTypes = value ? [value as ViewFilters['laoTypes'][number]] : [];
	const base = new URLSearchParams(current);
	base.delete('page');
	return query(writeFilters(next, base));
}
