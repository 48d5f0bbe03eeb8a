import { sql } from 'drizzle-orm';
import type { ViewFilters } from '../../state/url-filters.ts';
import { scopeWhere, type Scope } from '../extracts/scope.ts';
import { keyOf, laoColumns, laoSorts, sortKeys } from './common.ts';
import type { ListSpec } from './spec.ts';
import { and, factVerdict, inList } from './where.ts';

/**
 * zero_budget: items of accepted ANNUAL plans (doc_tables.role = 'annual') whose budget for the
 * year is an explicit 0 ("-", ไม่ใช้งบประมาณ). A null amount (a shared cell that cannot be
 * assigned to one item) is not a zero and is not listed; multi-year plans are intentions and
 * stay out, as in facts_plan. One row per item × fiscal year.
 */
export function buildZeroBudgetSql(scope: Scope, filters: ViewFilters) {
	return sql`select ${laoColumns}, bu.fiscal_year, i.dimension, i.item_kind, i.name,
			d.id as document_id, i.source_line,
			(i.is_synthetic or bu.is_synthetic or d.is_synthetic) as is_synthetic, bu.id as row_id
		from plan_items i
		join doc_tables t on t.id = i.doc_table_id and t.role = 'annual'
		join plan_item_budgets bu on bu.plan_item_id = i.id and bu.amount = 0
		join source_documents d on d.id = i.source_document_id
		left join laos l on l.dla_code = coalesce(i.lao_dla_code, d.lao_dla_code)
		left join provinces p on p.code = coalesce(d.province_code, l.province_code)
		where ${and([
			factVerdict(filters),
			scopeWhere(scope, sql`d.province_code`),
			inList(sql`d.province_code`, filters.provinces),
			inList(sql`coalesce(l.type, d.lao_type)`, filters.laoTypes),
			inList(sql`i.dimension`, filters.dimensions),
			inList(sql`bu.fiscal_year`, filters.fiscalYears)
		])}`;
}

export const ZERO_BUDGET: ListSpec = {
	name: 'zero_budget',
	base: buildZeroBudgetSql,
	sortBy: {
		...laoSorts,
		fiscal_year: [sql`b.fiscal_year`],
		dimension: [sql`b.dimension`],
		item_kind: [sql`b.item_kind collate "C"`],
		name: [sql`b.${keyOf('name')}`, sql`b.name collate "C"`],
		source_line: [sql`b.document_id`, sql`b.source_line`]
	},
	keys: sortKeys(true),
	tieBreak: sql`b.${keyOf('lao')}, b.fiscal_year, b.document_id, b.source_line, b.row_id`
};
