import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';

/**
 * Rebuilds fact_cube (db/schema/fact-cube.ts) from the item rows, in one statement pair inside a
 * transaction, so a reader sees the old cube or the new one, never half. Called when a run
 * finishes (etl/load/runs.ts): every write to the facts happens in a run. Measured on the
 * national demo (PostgreSQL, ~1.7M item rows): see bench/results/dashboard.json.
 */
export async function refreshFactCube(db: Database): Promise<void> {
	await db.transaction(async (tx) => {
		await tx.execute(sql`delete from fact_cube`);
		await tx.execute(sql`
			insert into fact_cube (lao_dla_code, province_code, lao_type, fiscal_year, dimension,
				item_kind, verdict, is_synthetic, plan_items, planned_baht, zero_budget_items,
				report_items, done, not_done, in_progress, pending, report_budget_baht, disbursed_baht)
			with facts as (
				select coalesce(i.lao_dla_code, d.lao_dla_code) as lao, d.province_code,
					coalesce(b.fiscal_year, t.fiscal_year) as fy, i.dimension, i.item_kind, d.verdict,
					(i.is_synthetic or coalesce(b.is_synthetic, false)) as syn,
					1 as plan_item, b.amount as planned, (b.amount = 0)::int as zero,
					0 as report_item, null::text as status, null::numeric as budget,
					null::numeric as disbursed
				from plan_items i
				join doc_tables t on t.id = i.doc_table_id and t.role = 'annual'
				join source_documents d on d.id = i.source_document_id
				left join plan_item_budgets b on b.plan_item_id = i.id
				where d.verdict in ('accepted', 'accepted_with_warnings')
				union all
				select coalesce(r.lao_dla_code, d.lao_dla_code), d.province_code,
					coalesce(r.fiscal_year, t.fiscal_year), r.dimension, r.item_kind, d.verdict,
					r.is_synthetic, 0, null, 0, 1, r.status, r.budget, r.disbursed
				from report_items r
				join doc_tables t on t.id = r.doc_table_id
				join source_documents d on d.id = r.source_document_id
				where d.verdict in ('accepted', 'accepted_with_warnings')
			)
			select f.lao, f.province_code, l.type, f.fy, f.dimension, f.item_kind, f.verdict, f.syn,
				sum(f.plan_item)::int, coalesce(sum(f.planned), 0), coalesce(sum(f.zero), 0)::int,
				sum(f.report_item)::int,
				count(*) filter (where f.status = 'done')::int,
				count(*) filter (where f.status = 'not_done')::int,
				count(*) filter (where f.status = 'in_progress')::int,
				count(*) filter (where f.status = 'pending')::int,
				coalesce(sum(f.budget), 0), coalesce(sum(f.disbursed), 0)
			from facts f left join laos l on l.dla_code = f.lao
			where f.fy is not null
			group by f.lao, f.province_code, l.type, f.fy, f.dimension, f.item_kind, f.verdict, f.syn`);
	});
}
