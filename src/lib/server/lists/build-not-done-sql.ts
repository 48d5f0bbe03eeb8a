import { sql } from 'drizzle-orm';
import type { ViewFilters } from '../../state/url-filters.ts';
import { scopeWhere, type Scope } from '../extracts/scope.ts';
import { keyOf, laoColumns, laoSorts, sortKeys } from './common.ts';
import type { ListSpec } from './spec.ts';
import { and, factVerdict, inList } from './where.ts';

/**
 * not_done: items of accepted progress reports whose status is ไม่สามารถดำเนินการได้. Every view
 * axis applies: province and LAO type of the document, มิติ of the item, the item's fiscal year
 * (the table's when the row has none), the document's verdict.
 */
export function buildNotDoneSql(scope: Scope, filters: ViewFilters) {
	const fiscalYear = sql`coalesce(r.fiscal_year, t.fiscal_year)`;
	return sql`select ${laoColumns}, ${fiscalYear} as fiscal_year, r.dimension, r.item_kind,
			r.name, r.budget::text as budget, r.disbursed::text as disbursed,
			d.id as document_id, r.source_line, (r.is_synthetic or d.is_synthetic) as is_synthetic,
			r.id as row_id
		from report_items r
		join doc_tables t on t.id = r.doc_table_id
		join source_documents d on d.id = r.source_document_id
		left join laos l on l.dla_code = coalesce(r.lao_dla_code, d.lao_dla_code)
		left join provinces p on p.code = coalesce(d.province_code, l.province_code)
		where ${and([
			sql`r.status = 'not_done'`,
			factVerdict(filters),
			scopeWhere(scope, sql`d.province_code`),
			inList(sql`d.province_code`, filters.provinces),
			inList(sql`coalesce(l.type, d.lao_type)`, filters.laoTypes),
			inList(sql`r.dimension`, filters.dimensions),
			inList(fiscalYear, filters.fiscalYears)
		])}`;
}

export const NOT_DONE: ListSpec = {
	name: 'not_done',
	base: buildNotDoneSql,
	sortBy: {
		...laoSorts,
		fiscal_year: [sql`b.fiscal_year`],
		dimension: [sql`b.dimension`],
		item_kind: [sql`b.item_kind collate "C"`],
		name: [sql`b.${keyOf('name')}`, sql`b.name collate "C"`],
		budget: [sql`b.budget::numeric`],
		disbursed: [sql`b.disbursed::numeric`],
		source_line: [sql`b.document_id`, sql`b.source_line`]
	},
	keys: sortKeys(true),
	tieBreak: sql`b.${keyOf('lao')}, b.fiscal_year, b.document_id, b.source_line, b.row_id`
};
