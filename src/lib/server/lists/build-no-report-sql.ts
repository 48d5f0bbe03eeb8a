import { sql } from 'drizzle-orm';
import type { ViewFilters } from '../../state/url-filters.ts';
import { scopeWhere, type Scope } from '../extracts/scope.ts';
import { laoSorts, sortKeys } from './common.ts';
import type { ListSpec } from './spec.ts';
import { and, inList } from './where.ts';

/** Why an LAO is on the no_report list; the order is the default sort (worst known first). */
export const NO_REPORT_REASONS = ['annual_plan', 'no_annual_plan'] as const;

const accepted = sql`d.verdict in ('accepted', 'accepted_with_warnings')`;

/**
 * no_report, the rule (also stated on the page):
 *   For each fiscal year of the view (the `fy` filter, or else every year for which an accepted
 *   annual plan or progress report exists in the scope and the view's provinces and types), every LAO of the register in the view
 *   (province, type) that has NO accepted progress report covering that year.
 *   reason 'annual_plan': it has an accepted annual plan for the year (it planned, and did not
 *   report); 'no_annual_plan': it has neither. `documents` counts every document of the LAO that
 *   covers the year, any kind and verdict: 0 = no document at all for that year.
 *   `quarantined_reports` counts reports we received but could not accept.
 * Register LAOs are listed even with no document: silence is what an oversight body needs to
 * see. The view's มิติ and verdict do not apply (an LAO has neither).
 */
export function buildNoReportSql(scope: Scope, filters: ViewFilters) {
	const years =
		filters.fiscalYears.length > 0
			? sql`select y::int as fiscal_year from (values ${sql.join(
					filters.fiscalYears.map((y) => sql`(${y}::int)`),
					sql`, `
				)}) as v(y)`
			: sql`select distinct t.fiscal_year from doc_tables t
				join source_documents d on d.id = t.source_document_id
				where t.role in ('annual', 'report') and t.fiscal_year is not null and ${accepted}
					and ${scopeWhere(scope, sql`d.province_code`)}
					and ${inList(sql`d.province_code`, filters.provinces)}
					and ${inList(sql`d.lao_type`, filters.laoTypes)}`;
	return sql`with years as (${years}),
		plans as (
			select d.lao_dla_code as dla_code, t.fiscal_year, min(d.id) as plan_document_id
			from doc_tables t join source_documents d on d.id = t.source_document_id
			where t.role = 'annual' and d.lao_dla_code is not null and ${accepted}
			group by 1, 2
		),
		reports as (
			select d.lao_dla_code as dla_code, y.fiscal_year,
				bool_or(${accepted}) as accepted, count(*) filter (where not ${accepted}) as quarantined
			from source_documents d cross join lateral unnest(d.fiscal_years) as y(fiscal_year)
			where d.kind = 'progress_report' and d.lao_dla_code is not null
			group by 1, 2
		),
		docs as (
			select d.lao_dla_code as dla_code, y.fiscal_year, count(*) as n
			from source_documents d cross join lateral unnest(d.fiscal_years) as y(fiscal_year)
			where d.lao_dla_code is not null
			group by 1, 2
		)
		select l.dla_code, l.name_th as lao_name_th, l.type as lao_type,
			null::text as lao_name_written, l.name_th as lao_sort, l.province_code,
			p.name_th as province_th, p.name_en as province_en, y.fiscal_year,
			case when pl.dla_code is null then 'no_annual_plan' else 'annual_plan' end as reason,
			pl.plan_document_id, coalesce(dc.n, 0)::int as documents,
			coalesce(r.quarantined, 0)::int as quarantined_reports, l.is_synthetic,
			l.dla_code || ':' || y.fiscal_year as row_id
		from laos l
		cross join years y
		join provinces p on p.code = l.province_code
		left join plans pl on pl.dla_code = l.dla_code and pl.fiscal_year = y.fiscal_year
		left join reports r on r.dla_code = l.dla_code and r.fiscal_year = y.fiscal_year
		left join docs dc on dc.dla_code = l.dla_code and dc.fiscal_year = y.fiscal_year
		where ${and([
			sql`coalesce(r.accepted, false) = false`,
			scopeWhere(scope, sql`l.province_code`),
			inList(sql`l.province_code`, filters.provinces),
			inList(sql`l.type`, filters.laoTypes)
		])}`;
}

export const NO_REPORT: ListSpec = {
	name: 'no_report',
	base: buildNoReportSql,
	sortBy: {
		...laoSorts,
		lao_type: [sql`b.lao_type collate "C"`],
		fiscal_year: [sql`b.fiscal_year`],
		// 'annual_plan' < 'no_annual_plan' in byte order: planned-but-silent first.
		reason: [sql`b.reason collate "C"`],
		plan_document_id: [sql`b.plan_document_id`],
		documents: [sql`b.documents`],
		quarantined_reports: [sql`b.quarantined_reports`]
	},
	keys: sortKeys(false),
	tieBreak: sql`b.fiscal_year desc, ${sql.join([...laoSorts.province, ...laoSorts.lao_name], sql`, `)}, b.row_id collate "C"`
};
