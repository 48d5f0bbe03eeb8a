import { sql } from 'drizzle-orm';
import type { Database } from '../../../../db/client.ts';
import { queryRows } from '../../../../db/rows.ts';
import { acceptedVerdict, toNumber } from './keys.ts';
import { scopeWhere, type Scope } from './scope.ts';

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
 * Per province and fiscal year, over the same rows as facts_plan (annual tables) and
 * facts_report, accepted documents only, within the scope.
 */
export async function buildProvinceSummary(db: Database, scope: Scope): Promise<ProvinceYear[]> {
	const inScope = sql`${acceptedVerdict} and ${scopeWhere(scope, sql`d.province_code`)}
		and d.province_code is not null`;
	const rows = await queryRows<Row>(
		db,
		sql`with p as (
				select d.province_code as pc, coalesce(b.fiscal_year, t.fiscal_year) as fy,
					count(*)::int as items, count(*) filter (where b.amount = 0)::int as zero,
					coalesce(sum(b.amount), 0)::text as baht
				from plan_items i
				join doc_tables t on t.id = i.doc_table_id and t.role = 'annual'
				join source_documents d on d.id = i.source_document_id
				left join plan_item_budgets b on b.plan_item_id = i.id
				where ${inScope}
				group by 1, 2
			), r as (
				select d.province_code as pc, coalesce(r.fiscal_year, t.fiscal_year) as fy,
					count(distinct coalesce(r.lao_dla_code, d.lao_dla_code))::int as laos,
					count(*)::int as items,
					count(*) filter (where r.status = 'done')::int as done,
					count(*) filter (where r.status = 'not_done')::int as not_done,
					coalesce(sum(r.disbursed), 0)::text as disbursed
				from report_items r
				join doc_tables t on t.id = r.doc_table_id
				join source_documents d on d.id = r.source_document_id
				where ${inScope}
				group by 1, 2
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
