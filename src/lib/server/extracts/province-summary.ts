import { sql } from 'drizzle-orm';
import type { Database } from '../../../../db/client.ts';
import { queryRows } from '../../../../db/rows.ts';
import { EMPTY_FILTERS, type ViewFilters } from '../../state/url-filters.ts';
import { factRowsCtes } from './fact-rows.ts';
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
		sql`with ${factRowsCtes(scope, filters)}, p as (
				select pc, fy, coalesce(sum(n), 0)::int as items, coalesce(sum(zero), 0)::int as zero,
					coalesce(sum(amount), 0)::text as baht
				from plan where pc is not null group by 1, 2
			), r as (
				select pc, fy, count(distinct lao)::int as laos, coalesce(sum(n), 0)::int as items,
					coalesce(sum(done), 0)::int as done,
					coalesce(sum(not_done), 0)::int as not_done,
					coalesce(sum(disbursed), 0)::text as disbursed
				from report where pc is not null group by 1, 2
			)
			select coalesce(p.pc, r.pc) as province_code, coalesce(p.fy, r.fy) as fiscal_year,
				coalesce(r.laos, 0) as laos_reporting, coalesce(r.items, 0) as reported_items,
				coalesce(r.done, 0) as done, coalesce(r.not_done, 0) as not_done,
				coalesce(p.items, 0) as items_planned, coalesce(p.zero, 0) as zero_budget_items,
				coalesce(p.baht, '0') as planned_baht, coalesce(r.disbursed, '0') as disbursed_baht
			from p full join r on r.pc = p.pc and r.fy = p.fy
			where coalesce(p.fy, r.fy) is not null
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
