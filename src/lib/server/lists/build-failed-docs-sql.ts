import { sql } from 'drizzle-orm';
import type { ViewFilters } from '../../state/url-filters.ts';
import { scopeWhere, type Scope } from '../extracts/scope.ts';
import { laoColumns, laoSorts, sortKeys } from './common.ts';
import type { ListSpec } from './spec.ts';
import { and, inList, overlapsYears } from './where.ts';

/**
 * failed_docs: documents that failed their own checks: every quarantined document, and every
 * accepted one with at least one failed check (source_documents.failed_checks > 0). The first
 * failure is the first failed check by line (then id); a quarantined document with no failed
 * check shows its first quarantine reason instead (a problem such as an unreadable table).
 * Axes: province, LAO type, fiscal year (the document covers any of them), verdict (a verdict
 * filter keeps accepted documents only, since it names accepted verdicts). มิติ does not apply.
 */
export function buildFailedDocsSql(scope: Scope, filters: ViewFilters) {
	return sql`select ${laoColumns}, d.id as document_id, d.kind, d.fiscal_years[1] as fiscal_year_from,
			d.fiscal_years[cardinality(d.fiscal_years)] as fiscal_year_to, d.verdict, d.failed_checks,
			coalesce(fc.name, fq.rule) as first_failure,
			case when fc.name is not null then fc.source_line else fq.source_line end as first_failure_line,
			case when fc.name is not null then fc.declared else fq.expected end as expected,
			case when fc.name is not null then fc.computed else fq.found end as found,
			d.is_synthetic, d.id as row_id
		from source_documents d
		left join laos l on l.dla_code = d.lao_dla_code
		left join provinces p on p.code = coalesce(d.province_code, l.province_code)
		left join lateral (
			select c.name, c.source_line, c.declared, c.computed from checks c
			where c.source_document_id = d.id and not c.ok
			order by c.source_line nulls last, c.id limit 1
		) fc on true
		left join lateral (
			select q.rule, q.source_line, q.expected, q.found from quarantine q
			where q.source_document_id = d.id
			order by q.source_line nulls last, q.id limit 1
		) fq on true
		where ${and([
			sql`(d.verdict = 'quarantined' or d.failed_checks > 0)`,
			inList(sql`d.verdict`, filters.verdicts),
			scopeWhere(scope, sql`d.province_code`),
			inList(sql`d.province_code`, filters.provinces),
			inList(sql`coalesce(l.type, d.lao_type)`, filters.laoTypes),
			overlapsYears(sql`d.fiscal_years`, filters.fiscalYears)
		])}`;
}

export const FAILED_DOCS: ListSpec = {
	name: 'failed_docs',
	base: buildFailedDocsSql,
	sortBy: {
		...laoSorts,
		document_id: [sql`b.document_id`],
		kind: [sql`b.kind collate "C"`],
		fiscal_year_from: [sql`b.fiscal_year_from`],
		verdict: [sql`b.verdict collate "C"`],
		failed_checks: [sql`b.failed_checks`],
		first_failure: [sql`b.first_failure collate "C"`]
	},
	keys: sortKeys(false),
	tieBreak: sql`b.document_id`
};
