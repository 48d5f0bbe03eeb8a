import { sql } from 'drizzle-orm';
import { Bool, Float64, Int16, Int32, Int8 } from 'apache-arrow';
import type { Database } from '../../../../db/client.ts';
import { queryRows } from '../../../../db/rows.ts';
import { ITEM_KINDS, ITEM_STATUSES } from '../../../../db/schema/values.ts';
import { codeOf, type Column } from './arrow.ts';
import { acceptedVerdict, laoKeysCte, toNumber } from './keys.ts';
import { scopeWhere, type Scope } from './scope.ts';

/** The columns both fact extracts share; text stays in the dimensions. */
interface FactRow extends Record<string, unknown> {
	lao_key: number | null;
	doc_key: number;
	fiscal_year: number | null;
	dimension: number | null;
	item_kind: string | null;
	budget: string | null;
	source_line: number;
	is_synthetic: boolean;
}

const common = <R extends FactRow>(): Column<R>[] => [
	{ name: 'lao_key', type: new Int32(), nullable: true, value: (r) => r.lao_key },
	{ name: 'doc_key', type: new Int32(), nullable: false, value: (r) => r.doc_key },
	{ name: 'fiscal_year', type: new Int16(), nullable: true, value: (r) => r.fiscal_year },
	{ name: 'dimension', type: new Int8(), nullable: true, value: (r) => r.dimension },
	{
		name: 'item_kind',
		type: new Int8(),
		nullable: true,
		codes: ITEM_KINDS,
		value: (r) => codeOf(ITEM_KINDS, r.item_kind)
	},
	{ name: 'budget', type: new Float64(), nullable: true, value: (r) => toNumber(r.budget) }
];

const provenance = <R extends FactRow>(): Column<R>[] => [
	{ name: 'is_synthetic', type: new Bool(), nullable: false, value: (r) => r.is_synthetic },
	{ name: 'source_line', type: new Int32(), nullable: false, value: (r) => r.source_line }
];

/**
 * facts_plan: one row per item × fiscal year of the ANNUAL plans only (doc_tables.role =
 * 'annual'): what each LAO committed to for that year. Multi-year plans (and the multi-year
 * excerpts printed inside annual plans) are intentions over five years and would count the same
 * measure several times, so they stay out. budget null = an amount that cannot be assigned to
 * the item alone (a shared cell); zero_budget = an explicit 0 ("-", ไม่ใช้งบประมาณ).
 */
export async function factsPlan(db: Database, scope: Scope) {
	const rows = await queryRows<FactRow>(
		db,
		sql`with ${laoKeysCte}
			select k.lao_key, d.id as doc_key, coalesce(b.fiscal_year, t.fiscal_year) as fiscal_year,
				i.dimension, i.item_kind, b.amount::text as budget, i.source_line,
				(i.is_synthetic or coalesce(b.is_synthetic, false)) as is_synthetic
			from plan_items i
			join doc_tables t on t.id = i.doc_table_id and t.role = 'annual'
			join source_documents d on d.id = i.source_document_id
			left join plan_item_budgets b on b.plan_item_id = i.id
			left join lao_keys k on k.dla_code = coalesce(i.lao_dla_code, d.lao_dla_code)
			where ${acceptedVerdict} and ${scopeWhere(scope, sql`d.province_code`)}
			order by d.id, i.source_line, i.ordinal, b.fiscal_year`
	);
	const columns: Column<FactRow>[] = [
		...common(),
		{
			name: 'zero_budget',
			type: new Bool(),
			nullable: false,
			value: (r) => r.budget !== null && Number(r.budget) === 0
		},
		...provenance()
	];
	return { rows, columns };
}

interface ReportRow extends FactRow {
	status: string | null;
	disbursed: string | null;
}

/** facts_report: one row per item of an E-PlanNACC progress report. */
export async function factsReport(db: Database, scope: Scope) {
	const rows = await queryRows<ReportRow>(
		db,
		sql`with ${laoKeysCte}
			select k.lao_key, d.id as doc_key, coalesce(r.fiscal_year, t.fiscal_year) as fiscal_year,
				r.dimension, r.item_kind, r.status, r.budget::text as budget,
				r.disbursed::text as disbursed, r.source_line, r.is_synthetic
			from report_items r
			join doc_tables t on t.id = r.doc_table_id
			join source_documents d on d.id = r.source_document_id
			left join lao_keys k on k.dla_code = coalesce(r.lao_dla_code, d.lao_dla_code)
			where ${acceptedVerdict} and ${scopeWhere(scope, sql`d.province_code`)}
			order by d.id, r.source_line, r.ordinal`
	);
	const columns: Column<ReportRow>[] = [
		...common(),
		{
			name: 'status',
			type: new Int8(),
			nullable: true,
			codes: ITEM_STATUSES,
			value: (r) => codeOf(ITEM_STATUSES, r.status)
		},
		{ name: 'disbursed', type: new Float64(), nullable: true, value: (r) => toNumber(r.disbursed) },
		...provenance()
	];
	return { rows, columns };
}
