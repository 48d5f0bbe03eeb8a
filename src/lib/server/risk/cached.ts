import type { ViewFilters } from '../../state/url-filters.ts';
import { viewKey } from '../../state/view-axes.ts';
import { heavy } from '../db/heavy.ts';
import { memoize, type Bucket, type Runner } from '../extracts/cache.ts';
import type { Scope } from '../extracts/scope.ts';
import { buildRanking, type Ranking, type RiskRow } from './ranking.ts';
import { sortRows, type SortDir, type SortKey } from './table-params.ts';

/**
 * The ranking of a view, kept per scope and data version: its passes over the national facts take
 * 7–14 s under row-level security on the national demo (2 shared cores), which /risk paid on
 * every request and every page of its table. A national ranking holds ~7,850 rows: a few views
 * per scope are kept, and each order of them (the Thai collation over 7,850 names is ~0.1 s of
 * the event loop) as an array of the same rows.
 */
const RANKINGS: Bucket = { name: 'risk', max: 8 };
const ORDERS: Bucket = { name: 'risk-order', max: 32 };

export function cachedRanking(run: Runner, scope: Scope, filters: ViewFilters): Promise<Ranking> {
	return memoize(
		run,
		scope,
		viewKey(filters),
		() => heavy(scope, () => run((db) => buildRanking(db, scope, filters))),
		RANKINGS
	);
}

/** The ranking and its rows in one order (a new array; the rows are the ranking's own). */
export async function cachedSortedRanking(
	run: Runner,
	scope: Scope,
	filters: ViewFilters,
	sort: SortKey,
	dir: SortDir
): Promise<{ ranking: Ranking; sorted: readonly RiskRow[] }> {
	const ranking = await cachedRanking(run, scope, filters);
	const sorted = await memoize(
		run,
		scope,
		viewKey(filters, `${sort}:${dir}`),
		async () => sortRows(ranking.rows, sort, dir),
		ORDERS
	);
	return { ranking, sorted };
}
