import type { Database } from '../../../../db/client.ts';
import type { ViewFigures } from '../../overview.ts';
import type { ViewFilters } from '../../state/url-filters.ts';
import { viewKey, without } from '../../state/view-axes.ts';
import { heavy } from '../db/heavy.ts';
import { memoize, type Runner } from './cache.ts';
import { buildBreakdown, buildOverview } from './preaggregates.ts';
import type { Scope } from './scope.ts';

/**
 * What the overview paints first for a view, from fact_cube on the server: each breakdown over
 * the view without its own axis, as the crossfilter computes it after the handover.
 */
export async function buildViewFigures(
	db: Database,
	scope: Scope,
	filters: ViewFilters
): Promise<ViewFigures> {
	const [overview, byDimension, byType, byProvince] = await Promise.all([
		buildOverview(db, scope, '', without(filters, 'fiscalYears')),
		buildBreakdown(db, scope, without(filters, 'dimensions'), 'dimension'),
		buildBreakdown(db, scope, without(filters, 'laoTypes'), 'lao_type'),
		buildBreakdown(db, scope, without(filters, 'provinces'), 'province')
	]);
	return { years: overview.years, byDimension, byType, byProvince, points: null };
}

/**
 * The same, computed once per (scope, data version, view): four statements over fact_cube cost
 * ~1 s on the national demo (2 shared cores, row-level security on), which a reader would wait
 * on every visit; the unfiltered view is computed ahead of the first reader (warm.ts).
 */
export function cachedViewFigures(
	run: Runner,
	scope: Scope,
	filters: ViewFilters
): Promise<ViewFigures> {
	return memoize(run, scope, `figures:${viewKey(filters)}`, () =>
		heavy(scope, () => run((db) => buildViewFigures(db, scope, filters)))
	);
}
