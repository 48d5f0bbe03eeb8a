import { sql } from 'drizzle-orm';
import type { Database } from '../../../../db/client.ts';
import { queryRows } from '../../../../db/rows.ts';
import { acceptedVerdict, toNumber } from './keys.ts';
import { scopeKey, scopeWhere, type Scope } from './scope.ts';

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

interface Row extends Record<string, unknown> {
	fiscal_year: number;
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

/** The overview per fiscal year, computed in SQL over the same rows as facts_plan/facts_report. */
export async function buildOverview(
	db: Database,
	scope: Scope,
	dataVersion = ''
): Promise<Overview> {
	const inScope = sql`${acceptedVerdict} and ${scopeWhere(scope, sql`d.province_code`)}`;
	const rows = await queryRows<Row>(
		db,
		sql`with plan as (
				select coalesce(b.fiscal_year, t.fiscal_year) as fy,
					coalesce(i.lao_dla_code, d.lao_dla_code) as lao, b.amount,
					(i.is_synthetic or coalesce(b.is_synthetic, false)) as syn
				from plan_items i
				join doc_tables t on t.id = i.doc_table_id and t.role = 'annual'
				join source_documents d on d.id = i.source_document_id
				left join plan_item_budgets b on b.plan_item_id = i.id
				where ${inScope}
			), report as (
				select coalesce(r.fiscal_year, t.fiscal_year) as fy,
					coalesce(r.lao_dla_code, d.lao_dla_code) as lao, r.status, r.disbursed,
					r.is_synthetic as syn
				from report_items r
				join doc_tables t on t.id = r.doc_table_id
				join source_documents d on d.id = r.source_document_id
				where ${inScope}
			), p as (
				select fy, count(distinct lao)::int as laos, count(*)::int as items,
					coalesce(sum(amount), 0)::text as baht,
					count(*) filter (where amount = 0)::int as zero, bool_or(syn) as syn
				from plan where fy is not null group by fy
			), r as (
				select fy, count(distinct lao)::int as laos, count(*)::int as items,
					count(*) filter (where status = 'done')::int as done,
					count(*) filter (where status = 'not_done')::int as not_done,
					coalesce(sum(disbursed), 0)::text as disbursed, bool_or(syn) as syn
				from report where fy is not null group by fy
			)
			select coalesce(p.fy, r.fy) as fiscal_year,
				coalesce(p.laos, 0) as laos_covered, coalesce(r.laos, 0) as laos_reporting,
				coalesce(p.items, 0) as items_planned, coalesce(p.baht, '0') as planned_baht,
				coalesce(p.zero, 0) as zero_budget_items, coalesce(r.items, 0) as reported_items,
				coalesce(r.done, 0) as done, coalesce(r.not_done, 0) as not_done,
				coalesce(r.disbursed, '0') as disbursed_baht,
				(coalesce(p.syn, false) or coalesce(r.syn, false)) as includes_synthetic
			from p full join r on r.fy = p.fy
			order by 1`
	);
	return {
		scope: scopeKey(scope),
		dataVersion,
		years: rows.map((r) => ({
			fiscalYear: r.fiscal_year,
			laosCovered: r.laos_covered,
			laosReporting: r.laos_reporting,
			itemsPlanned: r.items_planned,
			plannedBaht: toNumber(r.planned_baht) ?? 0,
			reportedItems: r.reported_items,
			done: r.done,
			notDone: r.not_done,
			completionRate: r.reported_items ? r.done / r.reported_items : null,
			zeroBudgetShare: r.items_planned ? r.zero_budget_items / r.items_planned : null,
			disbursedBaht: toNumber(r.disbursed_baht) ?? 0,
			includesSynthetic: r.includes_synthetic
		}))
	};
}
