import { sql } from 'drizzle-orm';
import type { Database } from '../../../../db/client.ts';
import { queryRows } from '../../../../db/rows.ts';
import { EMPTY_FILTERS, type ViewFilters } from '../../state/url-filters.ts';
import { toYear } from '../../overview.ts';
import { perLaoCte, type GroupKey } from './fact-rows.ts';
import { toNumber } from './keys.ts';
import { scopeKey, type Scope } from './scope.ts';

/** One fiscal year (BE) of the overview: what paints the first chart before DuckDB-WASM loads. */
export interface OverviewYear {
	fiscalYear: number;
	/** LAOs with an annual plan for the year (facts_plan: annual tables only). */
	laosCovered: number;
	/** LAOs with at least one report item for the year. */
	laosReporting: number;
	itemsPlanned: number;
	plannedBaht: number;
	reportedItems: number;
	done: number;
	notDone: number;
	/** done / reported items; null when nothing was reported. */
	completionRate: number | null;
	/** Planned items with an explicit zero budget / planned items; null when none is planned. */
	zeroBudgetShare: number | null;
	disbursedBaht: number;
	/** Whether demo rows went into these figures. */
	includesSynthetic: boolean;
}

export interface Overview {
	scope: string;
	dataVersion: string;
	years: OverviewYear[];
}

/** A breakdown row as the SQL returns it (snake_case; money as numeric text). */
export interface BreakdownSqlRow extends Record<string, unknown> {
	key: number | string;
	laos_covered: number;
	laos_reporting: number;
	items_planned: number;
	planned_baht: string;
	zero_budget_items: number;
	reported_items: number;
	done: number;
	not_done: number;
	disbursed_baht: string;
	includes_synthetic: boolean;
}

export type BreakdownKey = GroupKey;

/** The figures of one group (a fiscal year, a มิติ, an LAO type, a province). */
async function figuresBy(
	db: Database,
	scope: Scope,
	filters: ViewFilters,
	by: BreakdownKey
): Promise<BreakdownSqlRow[]> {
	return queryRows<BreakdownSqlRow>(
		db,
		sql`with ${perLaoCte(scope, filters, [by])}
			select k1 as key,
				(count(lao) filter (where plan_n > 0))::int as laos_covered,
				(count(lao) filter (where report_n > 0))::int as laos_reporting,
				sum(plan_n)::int as items_planned, coalesce(sum(amount), 0)::text as planned_baht,
				sum(zero)::int as zero_budget_items, sum(report_n)::int as reported_items,
				sum(done)::int as done, sum(not_done)::int as not_done,
				coalesce(sum(disbursed), 0)::text as disbursed_baht, bool_or(syn) as includes_synthetic
			from per_lao group by 1
			order by 1`
	);
}

/**
 * The overview per fiscal year, computed in SQL over the same rows as facts_plan/facts_report,
 * within the scope and the view's filters (all of them: a caller drawing a chart by year passes
 * the view without its fiscal years, see view-axes.ts `without`).
 */
export async function buildOverview(
	db: Database,
	scope: Scope,
	dataVersion = '',
	filters: ViewFilters = EMPTY_FILTERS
): Promise<Overview> {
	const rows = await figuresBy(db, scope, filters, 'fiscal_year');
	return {
		scope: scopeKey(scope),
		dataVersion,
		years: rows.map((r) => toYear(toBreakdownRow(r)))
	};
}

/** One group of a breakdown: sums, so groups add up (LAO counts are per group). */
export interface BreakdownRow {
	/** The group's code as text: '1'–'4' for มิติ, an LAO type name, a province code, a year. */
	key: string;
	laosCovered: number;
	laosReporting: number;
	itemsPlanned: number;
	zeroBudgetItems: number;
	plannedBaht: number;
	reportedItems: number;
	done: number;
	notDone: number;
	disbursedBaht: number;
	includesSynthetic: boolean;
}

/** The view's figures grouped by มิติ, LAO type or province (groups without facts are absent). */
export async function buildBreakdown(
	db: Database,
	scope: Scope,
	filters: ViewFilters,
	by: BreakdownKey
): Promise<BreakdownRow[]> {
	return (await figuresBy(db, scope, filters, by)).map(toBreakdownRow);
}

/** A breakdown row of the SQL in the page's shape (camelCase, money as numbers). */
export function toBreakdownRow(r: BreakdownSqlRow): BreakdownRow {
	return {
		key: String(r.key),
		laosCovered: r.laos_covered,
		laosReporting: r.laos_reporting,
		itemsPlanned: r.items_planned,
		zeroBudgetItems: r.zero_budget_items,
		plannedBaht: toNumber(r.planned_baht) ?? 0,
		reportedItems: r.reported_items,
		done: r.done,
		notDone: r.not_done,
		disbursedBaht: toNumber(r.disbursed_baht) ?? 0,
		includesSynthetic: r.includes_synthetic
	};
}
