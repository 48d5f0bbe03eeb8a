import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../../db/client.ts';
import { queryRows } from '../../../../db/rows.ts';
import type {
	AnnualEntry,
	ItemStatus,
	LaoDocument,
	LaoHeader,
	LaoTypeName,
	PlanEntry,
	ReportEntry
} from '../../components/lao/types.ts';
import { acceptedVerdict, toNumber } from '../extracts/keys.ts';
import { scopeWhere, type Scope } from '../extracts/scope.ts';

/**
 * The rows of one LAO's page, each query narrowed by the scope (scopeWhere on the province) and,
 * for facts, by the accepted verdicts. The LAO is the document's (source_documents.lao_dla_code).
 */

/** The documents of `code` that count as facts, within the scope: `d` is source_documents. */
const factsOf = (scope: Scope, code: string): SQL =>
	sql`d.lao_dla_code = ${code} and ${acceptedVerdict} and ${scopeWhere(scope, sql`d.province_code`)}`;

/** The prefix documents glue to the register name (Pattaya's and Bangkok's names carry it). */
const TYPE_PREFIX: Record<LaoTypeName, string> = {
	provincial_admin_org: 'องค์การบริหารส่วนจังหวัด',
	city_municipality: 'เทศบาลนคร',
	town_municipality: 'เทศบาลเมือง',
	subdistrict_municipality: 'เทศบาลตำบล',
	subdistrict_admin_org: 'องค์การบริหารส่วนตำบล',
	special_admin_area: '',
	bangkok: ''
};

/** int[] whichever the driver: an array, or the JSON text of one. */
const intArray = (value: unknown): number[] =>
	(Array.isArray(value) ? value : typeof value === 'string' ? JSON.parse(value) : []).map(Number);

export async function laoHeader(
	db: Database,
	scope: Scope,
	code: string
): Promise<LaoHeader | null> {
	const [row] = await queryRows<{
		dla_code: string;
		type: LaoTypeName;
		name_th: string;
		province_code: string;
		province_th: string;
		province_en: string;
		district_th: string | null;
		lat: number | null;
		lon: number | null;
		is_synthetic: boolean;
	}>(
		db,
		sql`select l.dla_code, l.type, l.name_th, l.province_code, p.name_th as province_th,
				p.name_en as province_en, l.district_th, l.lat, l.lon, l.is_synthetic
			from laos l join provinces p on p.code = l.province_code
			where l.dla_code = ${code} and ${scopeWhere(scope, sql`l.province_code`)}`
	);
	if (!row) return null;
	return {
		dlaCode: row.dla_code,
		nameTh: row.name_th,
		fullNameTh: `${TYPE_PREFIX[row.type] ?? ''}${row.name_th}`,
		type: row.type,
		provinceCode: row.province_code,
		provinceTh: row.province_th,
		provinceEn: row.province_en,
		district: row.district_th,
		lat: toNumber(row.lat),
		lon: toNumber(row.lon),
		isSynthetic: row.is_synthetic
	};
}

/** Every document of the LAO whatever its verdict (quarantined ones explain themselves). */
export async function laoDocuments(
	db: Database,
	scope: Scope,
	code: string
): Promise<LaoDocument[]> {
	const rows = await queryRows<{
		id: number;
		kind: LaoDocument['kind'];
		verdict: LaoDocument['verdict'];
		fiscal_years: unknown;
		item_count: number;
		failed_checks: number;
		origin: string;
		is_synthetic: boolean;
	}>(
		db,
		sql`select d.id, d.kind, d.verdict, array_to_json(d.fiscal_years) as fiscal_years,
				d.item_count, d.failed_checks, d.origin, d.is_synthetic
			from source_documents d
			where d.lao_dla_code = ${code} and ${scopeWhere(scope, sql`d.province_code`)}
			order by case d.kind when 'multi_year_plan' then 0 when 'annual_plan' then 1 else 2 end,
				d.fiscal_years[1], d.id`
	);
	return rows.map((r) => ({
		id: Number(r.id),
		kind: r.kind,
		verdict: r.verdict,
		fiscalYears: intArray(r.fiscal_years),
		itemCount: Number(r.item_count),
		failedChecks: Number(r.failed_checks),
		origin: r.origin,
		isSynthetic: r.is_synthetic
	}));
}

/** Fiscal years with an accepted annual plan / report table on file. */
export async function filedYears(
	db: Database,
	scope: Scope,
	code: string
): Promise<{ annual: number[]; report: number[] }> {
	const rows = await queryRows<{ role: string; fiscal_year: number }>(
		db,
		sql`select distinct t.role, t.fiscal_year
			from doc_tables t join source_documents d on d.id = t.source_document_id
			where ${factsOf(scope, code)} and t.role in ('annual', 'report')
				and t.fiscal_year is not null
			order by 2`
	);
	const of = (role: string) =>
		rows.filter((r) => r.role === role).map((r) => Number(r.fiscal_year));
	return { annual: of('annual'), report: of('report') };
}

/** Items of the multi-year plan(s), in document order, with their budget per fiscal year. */
export async function planEntries(db: Database, scope: Scope, code: string): Promise<PlanEntry[]> {
	const rows = await queryRows<{
		id: number;
		dimension: number | null;
		name: string;
		document_id: number;
		line: number;
		is_synthetic: boolean;
		fiscal_year: number | null;
		amount: string | null;
		amount_line: number | null;
	}>(
		db,
		sql`select i.id, i.dimension, i.name, i.source_document_id as document_id,
				i.source_line as line, i.is_synthetic, b.fiscal_year, b.amount::text as amount,
				b.source_line as amount_line
			from plan_items i
			join doc_tables t on t.id = i.doc_table_id and t.role = 'multi_year'
			join source_documents d on d.id = i.source_document_id
			left join plan_item_budgets b on b.plan_item_id = i.id
			where ${factsOf(scope, code)}
			order by i.source_document_id, i.source_line, i.id, b.fiscal_year`
	);
	const byId = new Map<number, PlanEntry>();
	for (const r of rows) {
		const id = Number(r.id);
		let entry = byId.get(id);
		if (!entry) {
			entry = {
				id,
				dimension: r.dimension === null ? null : Number(r.dimension),
				name: r.name,
				documentId: Number(r.document_id),
				line: Number(r.line),
				isSynthetic: r.is_synthetic,
				budgets: []
			};
			byId.set(id, entry);
		}
		if (r.fiscal_year !== null) {
			entry.budgets.push({
				fiscalYear: Number(r.fiscal_year),
				amount: toNumber(r.amount),
				line: Number(r.amount_line ?? r.line)
			});
		}
	}
	return [...byId.values()];
}

/** Items of the annual plans, with the year's budget and the line it was read from. */
export async function annualEntries(
	db: Database,
	scope: Scope,
	code: string
): Promise<AnnualEntry[]> {
	const rows = await queryRows<{
		id: number;
		dimension: number | null;
		name: string;
		document_id: number;
		line: number;
		is_synthetic: boolean;
		fiscal_year: number;
		amount: string | null;
		amount_line: number;
	}>(
		db,
		sql`select i.id, i.dimension, i.name, i.source_document_id as document_id,
				i.source_line as line, i.is_synthetic,
				coalesce(b.fiscal_year, t.fiscal_year) as fiscal_year, b.amount::text as amount,
				coalesce(b.source_line, i.source_line) as amount_line
			from plan_items i
			join doc_tables t on t.id = i.doc_table_id and t.role = 'annual'
			join source_documents d on d.id = i.source_document_id
			left join plan_item_budgets b on b.plan_item_id = i.id
			where ${factsOf(scope, code)} and coalesce(b.fiscal_year, t.fiscal_year) is not null
			order by 7, i.source_document_id, i.source_line, i.id`
	);
	return rows.map((r) => ({
		id: Number(r.id),
		fiscalYear: Number(r.fiscal_year),
		dimension: r.dimension === null ? null : Number(r.dimension),
		name: r.name,
		documentId: Number(r.document_id),
		line: Number(r.line),
		isSynthetic: r.is_synthetic,
		amount: toNumber(r.amount),
		amountLine: Number(r.amount_line)
	}));
}

/** Items of the progress reports: budget, disbursed and status, all read from one line. */
export async function reportEntries(
	db: Database,
	scope: Scope,
	code: string
): Promise<ReportEntry[]> {
	const rows = await queryRows<{
		id: number;
		dimension: number | null;
		name: string;
		document_id: number;
		line: number;
		is_synthetic: boolean;
		fiscal_year: number;
		budget: string | null;
		disbursed: string | null;
		status: ItemStatus | null;
	}>(
		db,
		sql`select r.id, r.dimension, r.name, r.source_document_id as document_id,
				r.source_line as line, r.is_synthetic,
				coalesce(r.fiscal_year, t.fiscal_year) as fiscal_year, r.budget::text as budget,
				r.disbursed::text as disbursed, r.status
			from report_items r
			join doc_tables t on t.id = r.doc_table_id
			join source_documents d on d.id = r.source_document_id
			where ${factsOf(scope, code)} and coalesce(r.fiscal_year, t.fiscal_year) is not null
			order by 7, r.source_document_id, r.source_line, r.id`
	);
	return rows.map((r) => ({
		id: Number(r.id),
		fiscalYear: Number(r.fiscal_year),
		dimension: r.dimension === null ? null : Number(r.dimension),
		name: r.name,
		documentId: Number(r.document_id),
		line: Number(r.line),
		isSynthetic: r.is_synthetic,
		budget: toNumber(r.budget),
		disbursed: toNumber(r.disbursed),
		status: r.status
	}));
}
