/**
 * A release's figures within the page's view, in SQL over release_figures and release_laos:
 * what the public page paints first, before DuckDB-WASM takes over with the same figures
 * (src/lib/query/build-release-slice-sql.ts; tests/db/releases.suite.ts holds the two equal).
 * The shapes are the overview's (ViewFigures), so the same charts and totals serve both.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../../db/client.ts';
import { queryRows } from '../../../../db/rows.ts';
import { toYear, type Breakdown, type ViewFigures } from '../../overview.ts';
import type { ViewFilters } from '../../state/url-filters.ts';
import { without } from '../../state/view-axes.ts';
import { toBreakdownRow, type BreakdownSqlRow } from '../extracts/preaggregates.ts';
import { releaseWhere } from './where.ts';

/** What a release can be broken down by: columns of both release tables (but มิติ). */
const KEYS = {
	fiscal_year: sql`fiscal_year`,
	dimension: sql`dimension`,
	lao_type: sql`lao_type`,
	province: sql`province_code`
} as const;
type Key = keyof typeof KEYS;

/**
 * LAO counts come from release_laos (an accepted annual plan / report for the year), which has
 * no มิติ: by มิติ they are 0, and a มิติ filter does not narrow them.
 */
function laoCounts(releaseId: number, filters: ViewFilters, key: Key): SQL {
	if (key === 'dimension') {
		return sql`select null::text as key, 0 as laos_covered, 0 as laos_reporting where false`;
	}
	return sql`select ${KEYS[key]}::text as key,
			count(distinct lao_dla_code) filter (where has_annual_plan)::int as laos_covered,
			count(distinct lao_dla_code) filter (where has_report)::int as laos_reporting
		from release_laos where ${releaseWhere('release_laos', releaseId, filters)} group by 1`;
}

async function figuresBy(
	db: Database,
	releaseId: number,
	filters: ViewFilters,
	key: Key
): Promise<Breakdown[]> {
	const rows = await queryRows<BreakdownSqlRow>(
		db,
		sql`with g as (
				select ${KEYS[key]} as key, sum(plan_items)::int as items_planned,
					sum(planned_baht)::text as planned_baht,
					sum(zero_budget_items)::int as zero_budget_items,
					sum(report_items)::int as reported_items, sum(done)::int as done,
					sum(not_done)::int as not_done, sum(disbursed_baht)::text as disbursed_baht,
					bool_or(is_synthetic) as includes_synthetic
				from release_figures
				where ${releaseWhere('release_figures', releaseId, filters)} and ${KEYS[key]} is not null
				group by 1
			), l as (${laoCounts(releaseId, filters, key)})
			select g.*, coalesce(l.laos_covered, 0) as laos_covered,
				coalesce(l.laos_reporting, 0) as laos_reporting
			from g left join l on l.key = g.key::text
			order by g.key`
	);
	return rows.map(toBreakdownRow);
}

/**
 * The view's figures of one release, crossfilter-style: each breakdown over the view without its
 * own axis (years without `fy`…), as the overview does. No LAO points (a release has no map
 * coordinates).
 */
export async function releaseViewFigures(
	db: Database,
	releaseId: number,
	filters: ViewFilters
): Promise<ViewFigures> {
	const years = await figuresBy(db, releaseId, without(filters, 'fiscalYears'), 'fiscal_year');
	const byDimension = await figuresBy(db, releaseId, without(filters, 'dimensions'), 'dimension');
	const byType = await figuresBy(db, releaseId, without(filters, 'laoTypes'), 'lao_type');
	const byProvince = await figuresBy(db, releaseId, without(filters, 'provinces'), 'province');
	return { years: years.map(toYear), byDimension, byType, byProvince, points: null };
}
