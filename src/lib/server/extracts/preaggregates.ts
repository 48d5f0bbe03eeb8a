import { sql } from 'drizzle-orm';
import type { Database } from '../../../../db/client.ts';
import { queryRows } from '../../../../db/rows.ts';
import { EMPTY_FILTERS, type ViewFilters } from '../../state/url-filters.ts';
import { factRowsCtes } from './fact-rows.ts';
import { toYear } from '../../overview.ts';
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

/** What the overview can be broken down by, as a column of the `plan`/`report` CTEs. */
const KEYS = {
	fiscal_year: sql`fy`,
	dimension: sql`dim`,
	lao_type: sql`lao_type`,
	province: sql`pc`
} as const;
export type BreakdownKey = keyof typeof KEYS;

/** The figures of one group (a fiscal year, a มิติ, an LAO type, a province). */
async function figuresBy(
	db: Database,
	scope: Scope,
	filters: ViewFilters,
	by: BreakdownKey
): Promise<BreakdownSqlRow[]> {
	const key = KEYS[by];
	return queryRows<BreakdownSqlRow>(
		db,
		sql`with ${factRowsCtes(scope, filters)}, p as (
				select ${key} as key, count(distinct lao)::int as laos, coalesce(sum(n), 0)::int as items,
					coalesce(sum(amount), 0)::text as baht,
					coalesce(sum(zero), 0)::int as zero, bool_or(syn) as syn
				from plan where ${key} is not null group by 1
			), r as (
				select ${key} as key, count(distinct lao)::int as laos, coalesce(sum(n), 0)::int as items,
					coalesce(sum(done), 0)::int as done,
					coalesce(sum(not_done), 0)::int as not_done,
					coalesce(sum(disbursed), 0)::text as disbursed, bool_or(syn) as syn
				from report where ${key} is not null group by 1
			)
			select coalesce(p.key, r.key) as key,
				coalesce(p.laos, 0) as laos_covered, coalesce(r.laos, 0) as laos_reporting,
				coalesce(p.items, 0) as items_planned, coalesce(p.baht, '0') as planned_baht,
				coalesce(p.zero, 0) as zero_budget_items, coalesce(r.items, 0) as reported_items,
				coalesce(r.done, 0) as done, coalesce(r.not_done, 0) as not_done,
				coalesce(r.disbursed, '0') as disbursed_baht,
				(coalesce(p.syn, false) or coalesce(r.syn, false)) as includes_synthetic
			from p full join r on r.key = p.key
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
