/**
 * What a release copies from the live tables, as SELECTs: publishing inserts them into the
 * release tables, previewing compares them with the latest release. Run in national scope (row
 * level security shows the whole country and nothing else).
 *
 *  - figures: fact_cube (accepted documents only; annual tables for plans) summed per province ×
 *    LAO type × fiscal year × มิติ × synthetic flag, the province and type being the LAO's from
 *    the register, as the overview groups them (src/lib/server/extracts/fact-rows.ts): the
 *    release's totals are the overview's at the time of publishing.
 *  - laos: per register LAO × fiscal year, whether it had an accepted annual plan and an accepted
 *    progress report (from source_documents.fiscal_years).
 *  - documents: every accepted document, with what the public may read about it.
 */
import { sql, type SQL } from 'drizzle-orm';

const ACCEPTED = sql`d.verdict in ('accepted', 'accepted_with_warnings')`;

/** Columns: province_code, lao_type, fiscal_year, dimension, is_synthetic, then the measures. */
export const FIGURES_SELECT: SQL = sql`
	select l.province_code, l.type as lao_type, c.fiscal_year, c.dimension, c.is_synthetic,
		sum(c.plan_items)::int as plan_items, sum(c.planned_baht) as planned_baht,
		sum(c.zero_budget_items)::int as zero_budget_items, sum(c.report_items)::int as report_items,
		sum(c.done)::int as done, sum(c.not_done)::int as not_done,
		sum(c.in_progress)::int as in_progress, sum(c.pending)::int as pending,
		sum(c.disbursed_baht) as disbursed_baht
	from fact_cube c left join laos l on l.dla_code = c.lao_dla_code
	group by 1, 2, 3, 4, 5`;

/** Columns: lao_dla_code, province_code, lao_type, name_th, fiscal_year, has_*, is_synthetic. */
export const LAOS_SELECT: SQL = sql`
	select l.dla_code as lao_dla_code, l.province_code, l.type as lao_type, l.name_th,
		y.fiscal_year,
		bool_or(d.kind = 'annual_plan') as has_annual_plan,
		bool_or(d.kind = 'progress_report') as has_report,
		bool_or(l.is_synthetic or d.is_synthetic) as is_synthetic
	from source_documents d
	join laos l on l.dla_code = d.lao_dla_code
	cross join lateral unnest(d.fiscal_years) as y(fiscal_year)
	where ${ACCEPTED} and d.kind in ('annual_plan', 'progress_report')
	group by 1, 2, 3, 4, 5`;

/** Columns as release_documents has them, but release_id. */
export const DOCUMENTS_SELECT: SQL = sql`
	select d.id as source_document_id, d.sha256, d.kind, d.verdict, d.lao_dla_code,
		coalesce(l.name_th, d.lao_name_as_written) as lao_name_th,
		coalesce(l.type, d.lao_type) as lao_type, d.province_code, d.fiscal_years,
		d.item_count, d.is_synthetic
	from source_documents d left join laos l on l.dla_code = d.lao_dla_code
	where ${ACCEPTED} and d.kind is not null`;
