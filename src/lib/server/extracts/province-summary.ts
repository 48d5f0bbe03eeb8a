import { sql } from 'drizzle-orm';
import type { Database } from '../../../../db/client.ts';
import { queryRows } from '../../../../db/rows.ts';
import { EMPTY_FILTERS, type ViewFilters } from '../../state/url-filters.ts';
import { perLaoCte } from './fact-rows.ts';
import { toNumber } from './keys.ts';
import type { Scope } from './scope.ts';

/** One province × fiscal year: what colours the map before DuckDB-WASM is ready. */
export interface ProvinceYear {
	provinceCode: string;
	fiscalYear: number;
	laosReporting: number;
	reportedItems: number;
	done: number;
	notDone: number;
	itemsPlanned: number;
	zeroBudgetItems: number;
	plannedBaht: number;
	disbursedBaht: number;
}

interface Row extends Record<string, unknown> {
	province_code: string;
	fiscal_year: number;
	laos_reporting: number;
	reported_items: number;
	done: number;
	not_done: number;
	items_planned: number;
	zero_budget_items: number;
	planned_baht: string;
	disbursed_baht: string;
}

/**
 * Per province (the LAO's, from the register) and fiscal year, over the same rows as facts_plan
 * (annual tables) and facts_report, accepted documents only, within the scope and the view's
 * filters.
 */
export async function buildProvinceSummary(
	db: Database,
	scope: Scope,
	filters: ViewFilters = EMPTY_FILTERS
): Promise<ProvinceYear[]> {
	const rows = await queryRows<Row>(
		db,
		sql`with ${perLaoCte(scope, filters, ['province', 'fiscal_year'])}
			select k1 as province_code, k2 as fiscal_year,
				(count(lao) filter (where report_n > 0))::int as laos_reporting,
				sum(report_n)::int as reported_items, sum(done)::int as done,
				sum(not_done)::int as not_done, sum(plan_n)::int as items_planned,
				sum(zero)::int as zero_budget_items, coalesce(sum(amount), 0)::text as planned_baht,
				coalesce(sum(disbursed), 0)::text as disbursed_baht
			from per_lao group by 1, 2
			order by 1, 2`
	);
	return rows.map((r) => ({
		provinceCode: r.province_code,
		fiscalYear: r.fiscal_year,
		laosReporting: r.laos_reporting,
		reportedItems: r.reported_items,
		done: r.done,
		notDone: r.not_done,
		itemsPlanned: r.items_planned,
		zeroBudgetItems: r.zero_budget_items,
		plannedBaht: toNumber(r.planned_baht) ?? 0,
		disbursedBaht: toNumber(r.disbursed_baht) ?? 0
	}));
}
