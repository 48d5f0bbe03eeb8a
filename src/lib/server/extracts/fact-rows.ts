import { sql, type SQL } from 'drizzle-orm';
import { EMPTY_FILTERS, type ViewFilters } from '../../state/url-filters.ts';
import { scopeWhere, type Scope } from './scope.ts';

/** `column in ($1, $2)` with the values as parameters; no value on the axis → no clause. */
export function inParams(column: SQL, values: readonly (string | number)[]): SQL | null {
	if (values.length === 0) return null;
	return sql`${column} in (${sql.join(
		values.map((v) => sql`${v}`),
		sql`, `
	)})`;
}

/**
 * The view's filters on fact_cube (aliased `c`, the LAO's register row as `l`): the LAO's
 * province and type, มิติ, fiscal year, verdict. Scope comes first and always, on the document's
 * province as everywhere else. The cube holds accepted documents only (etl/load/fact-cube.ts).
 */
function where(scope: Scope, filters: ViewFilters): SQL {
	const clauses = [
		scopeWhere(scope, sql`c.province_code`),
		inParams(sql`l.province_code`, filters.provinces),
		inParams(sql`l.type`, filters.laoTypes),
		inParams(sql`c.dimension`, filters.dimensions),
		inParams(sql`c.fiscal_year`, filters.fiscalYears),
		inParams(sql`c.verdict`, filters.verdicts)
	].filter((c): c is SQL => c !== null);
	return sql.join(clauses, sql` and `);
}

/**
 * Two CTEs, `plan` and `report`, over fact_cube (the facts of facts_plan — annual tables only —
 * and facts_report, pre-aggregated per LAO × year × มิติ × kind × verdict when each ETL run
 * finishes) within the scope and the view's filters. Each row says its fiscal year (`fy`), LAO
 * (`lao`, DLA code), the LAO's province (`pc`) and type (`lao_type`) from the register, its มิติ
 * (`dim`), whether it is synthetic (`syn`) and how many items it stands for (`n`); plan rows carry
 * `amount` (baht) and `zero` (items at an explicit 0), report rows `done`, `not_done` and
 * `disbursed`. Consumers SUM these, never count rows. Facts whose LAO is not in the register have
 * no province or type: like the DuckDB side (an inner join to dim_lao), a province or type filter
 * leaves them out.
 */
export function factRowsCtes(scope: Scope, filters: ViewFilters = EMPTY_FILTERS): SQL {
	const w = where(scope, filters);
	return sql`plan as (
			select c.fiscal_year as fy, c.lao_dla_code as lao, l.province_code as pc,
				l.type as lao_type, c.dimension as dim, c.plan_items as n, c.planned_baht as amount,
				c.zero_budget_items as zero, c.is_synthetic as syn
			from fact_cube c left join laos l on l.dla_code = c.lao_dla_code
			where c.plan_items > 0 and ${w}
		), report as (
			select c.fiscal_year as fy, c.lao_dla_code as lao, l.province_code as pc,
				l.type as lao_type, c.dimension as dim, c.report_items as n, c.done,
				c.not_done, c.disbursed_baht as disbursed, c.is_synthetic as syn
			from fact_cube c left join laos l on l.dla_code = c.lao_dla_code
			where c.report_items > 0 and ${w}
		)`;
}
