import { sql, type SQL } from 'drizzle-orm';
import { EMPTY_FILTERS, type ViewFilters } from '../../state/url-filters.ts';
import { acceptedVerdict } from './keys.ts';
import { scopeWhere, type Scope } from './scope.ts';

/** `column in ($1, $2)` with the values as parameters; no value on the axis → no clause. */
function inParams(column: SQL, values: readonly (string | number)[]): SQL | null {
	if (values.length === 0) return null;
	return sql`${column} in (${sql.join(
		values.map((v) => sql`${v}`),
		sql`, `
	)})`;
}

/**
 * The view's filters on one fact table, aliased as the CTEs below alias it: the LAO's province
 * and type through `l` (laos), มิติ on the item, the fiscal year as the facts compute it, the
 * verdict on `d` (source_documents). Scope comes first and always.
 */
function where(scope: Scope, filters: ViewFilters, dimension: SQL, fiscalYear: SQL): SQL {
	const clauses = [
		acceptedVerdict,
		scopeWhere(scope, sql`d.province_code`),
		inParams(sql`l.province_code`, filters.provinces),
		inParams(sql`l.type`, filters.laoTypes),
		inParams(dimension, filters.dimensions),
		inParams(fiscalYear, filters.fiscalYears),
		inParams(sql`d.verdict`, filters.verdicts)
	].filter((c): c is SQL => c !== null);
	return sql.join(clauses, sql` and `);
}

/**
 * Two CTEs, `plan` and `report`, over the same rows as facts_plan (annual tables only) and
 * facts_report, within the scope and the view's filters. Each row says its fiscal year (`fy`),
 * LAO (`lao`, DLA code), the LAO's province (`pc`) and type (`lao_type`) from the register, its
 * มิติ (`dim`) and whether it is synthetic (`syn`); plan rows carry `amount`, report rows
 * `status` and `disbursed`. Facts whose LAO is not in the register have no province or type:
 * like the DuckDB side (an inner join to dim_lao), a province or type filter leaves them out.
 */
export function factRowsCtes(scope: Scope, filters: ViewFilters = EMPTY_FILTERS): SQL {
	const planFy = sql`coalesce(b.fiscal_year, t.fiscal_year)`;
	const reportFy = sql`coalesce(r.fiscal_year, t.fiscal_year)`;
	return sql`plan as (
			select ${planFy} as fy, coalesce(i.lao_dla_code, d.lao_dla_code) as lao,
				l.province_code as pc, l.type as lao_type, i.dimension as dim, b.amount,
				(i.is_synthetic or coalesce(b.is_synthetic, false)) as syn
			from plan_items i
			join doc_tables t on t.id = i.doc_table_id and t.role = 'annual'
			join source_documents d on d.id = i.source_document_id
			left join plan_item_budgets b on b.plan_item_id = i.id
			left join laos l on l.dla_code = coalesce(i.lao_dla_code, d.lao_dla_code)
			where ${where(scope, filters, sql`i.dimension`, planFy)}
		), report as (
			select ${reportFy} as fy, coalesce(r.lao_dla_code, d.lao_dla_code) as lao,
				l.province_code as pc, l.type as lao_type, r.dimension as dim, r.status, r.disbursed,
				r.is_synthetic as syn
			from report_items r
			join doc_tables t on t.id = r.doc_table_id
			join source_documents d on d.id = r.source_document_id
			left join laos l on l.dla_code = coalesce(r.lao_dla_code, d.lao_dla_code)
			where ${where(scope, filters, sql`r.dimension`, reportFy)}
		)`;
}
