import { sql, type SQL } from 'drizzle-orm';
import type { ViewFilters } from '../../state/url-filters.ts';
import { acceptedVerdict } from '../extracts/keys.ts';
import { scopeWhere, type Scope } from '../extracts/scope.ts';

/** `column in ($1, $2)`, or `true` when the list is empty (no narrowing on that axis). */
function inList(column: SQL, values: readonly (string | number)[]): SQL {
	if (values.length === 0) return sql`true`;
	return sql`${column} in (${sql.join(
		values.map((v) => sql`${v}`),
		sql`, `
	)})`;
}

/** `array && array[$1, $2]::int[]`, or `true` when no fiscal year is chosen. */
function overlapsYears(column: SQL, years: readonly number[]): SQL {
	if (years.length === 0) return sql`true`;
	return sql`${column} && array[${sql.join(
		years.map((y) => sql`${y}`),
		sql`, `
	)}]::int[]`;
}

/**
 * Per-LAO raw counts of the five components in ONE statement: one grouped pass per fact table
 * (annual-plan items, report items, documents), full-joined on the LAO, then joined to the
 * register. Nothing is per LAO: the national demo (7,850 LAOs × 5 years) is three aggregates.
 *
 * What narrows what:
 * - the scope: every pass, through `scopeWhere` on the document's province (the one door);
 * - province and LAO type: the LAO (register row), hence the peers;
 * - fiscal year: the item's year (plan, report) and the document's years (documents pass);
 * - มิติ (dimension) and verdict: the ITEM components only (1–3). Components 4–5 are about the
 *   documents themselves, quarantined ones included, so a verdict filter cannot hide them.
 *
 * Facts (components 1–3, and a year "with an annual plan") come from accepted documents only.
 * A year counts as reported when a progress report of that year exists, whatever its verdict:
 * a report whose totals fail is counted once, in failing_documents, not twice.
 */
export function buildRiskSql(scope: Scope, filters: ViewFilters): SQL {
	const inScope = scopeWhere(scope, sql`d.province_code`);
	const facts = sql`${acceptedVerdict} and ${inScope} and ${inList(sql`d.verdict`, filters.verdicts)}`;
	const planYear = sql`coalesce(b.fiscal_year, t.fiscal_year)`;
	const reportYear = sql`coalesce(r.fiscal_year, t.fiscal_year)`;
	return sql`with plan as (
			select coalesce(i.lao_dla_code, d.lao_dla_code) collate "C" as lao, count(*)::int as plan_items,
				count(*) filter (where b.amount = 0)::int as zero_budget_items,
				bool_or(i.is_synthetic or coalesce(b.is_synthetic, false)) as syn
			from plan_items i
			join doc_tables t on t.id = i.doc_table_id and t.role = 'annual'
			join source_documents d on d.id = i.source_document_id
			left join plan_item_budgets b on b.plan_item_id = i.id
			where ${facts} and ${inList(planYear, filters.fiscalYears)}
				and ${inList(sql`i.dimension`, filters.dimensions)}
			group by 1
		), report as (
			select coalesce(r.lao_dla_code, d.lao_dla_code) collate "C" as lao, count(*)::int as report_items,
				count(*) filter (where r.status = 'not_done')::int as not_done_items,
				coalesce(sum(r.budget) filter (where r.budget > 0), 0)::text as budget,
				coalesce(sum(coalesce(r.disbursed, 0)) filter (where r.budget > 0), 0)::text as disbursed,
				bool_or(r.is_synthetic) as syn
			from report_items r
			join doc_tables t on t.id = r.doc_table_id
			join source_documents d on d.id = r.source_document_id
			where ${facts} and ${inList(reportYear, filters.fiscalYears)}
				and ${inList(sql`r.dimension`, filters.dimensions)}
			group by 1
		), docs as (
			select d.lao_dla_code collate "C" as lao, d.id, d.kind, d.verdict, d.fiscal_years, d.is_synthetic,
				(d.verdict = 'quarantined' or d.failed_checks > 0) as failing
			from source_documents d
			where d.lao_dla_code is not null and ${inScope}
				and ${overlapsYears(sql`d.fiscal_years`, filters.fiscalYears)}
		), years as (
			select lao, y,
				bool_or(kind = 'annual_plan' and verdict in ('accepted', 'accepted_with_warnings')) as planned,
				bool_or(kind = 'progress_report') as reported
			from docs cross join lateral unnest(docs.fiscal_years) as u(y)
			where kind in ('annual_plan', 'progress_report') and ${inList(sql`y`, filters.fiscalYears)}
			group by lao, y
		), year_agg as (
			select lao, count(*) filter (where planned)::int as plan_years,
				count(*) filter (where planned and not reported)::int as missing_years,
				coalesce(array_agg(y order by y) filter (where planned and not reported), '{}') as missing_list
			from years group by lao
		), doc_agg as (
			select lao, count(*)::int as documents, count(*) filter (where failing)::int as failing,
				coalesce(array_agg(id order by id) filter (where failing), '{}') as failing_ids,
				bool_or(is_synthetic) as syn
			from docs group by lao
		), keys as (
			select lao from plan union select lao from report union select lao from doc_agg
		), per_lao as (
			-- Left joins from the union of keys, not chained full joins: the planner's estimate stays
			-- linear in the LAOs (chained full joins made PostgreSQL estimate millions of rows and
			-- spend 1.7 s compiling the query with JIT for 400 LAOs).
			select k.lao,
				coalesce(p.plan_items, 0) as plan_items, coalesce(p.zero_budget_items, 0) as zero_budget_items,
				coalesce(r.report_items, 0) as report_items, coalesce(r.not_done_items, 0) as not_done_items,
				coalesce(r.budget, '0') as budget, coalesce(r.disbursed, '0') as disbursed,
				coalesce(g.documents, 0) as documents, coalesce(g.failing, 0) as failing,
				coalesce(g.failing_ids, '{}') as failing_ids,
				(coalesce(p.syn, false) or coalesce(r.syn, false) or coalesce(g.syn, false)) as syn
			from keys k
			left join plan p on p.lao = k.lao
			left join report r on r.lao = k.lao
			left join doc_agg g on g.lao = k.lao
			where k.lao is not null
		)
		select l.dla_code, l.name_th, l.type, l.province_code, pr.name_th as province_th,
			pr.name_en as province_en, x.plan_items, x.zero_budget_items, x.report_items,
			x.not_done_items, x.budget, x.disbursed, x.documents, x.failing, x.failing_ids,
			coalesce(y.plan_years, 0) as plan_years, coalesce(y.missing_years, 0) as missing_years,
			coalesce(y.missing_list, '{}') as missing_list, (x.syn or l.is_synthetic) as is_synthetic
		from per_lao x
		join laos l on l.dla_code = x.lao
		join provinces pr on pr.code = l.province_code
		left join year_agg y on y.lao = x.lao
		where ${inList(sql`l.province_code`, filters.provinces)}
			and ${inList(sql`l.type`, filters.laoTypes)}
		order by l.dla_code`;
}

/** Fiscal years that the documents in scope cover, for the year select. */
export function buildYearsSql(scope: Scope): SQL {
	return sql`select distinct y::int as fiscal_year
		from source_documents d cross join lateral unnest(d.fiscal_years) as u(y)
		where ${scopeWhere(scope, sql`d.province_code`)} order by 1`;
}
