/**
 * The lists of a release page: which LAOs had a plan and a report (per province, and one by one
 * for the provinces the reader picked) and which documents the release was computed from.
 * Release tables only (scope 'public').
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../../../db/client.ts';
import { queryRows } from '../../../../db/rows.ts';
import type {
	Capped,
	DocumentCounts,
	ProvinceLaoCount,
	ReleaseDocument,
	ReleaseLao
} from '../../releases/types.ts';
import type { ViewFilters } from '../../state/url-filters.ts';
import { inParams } from '../extracts/fact-rows.ts';
import { thaiKey } from '../lists/thai-sort.ts';
import { releaseWhere } from './where.ts';

/** At most this many rows of a list travel in a page; the counts say how many there are. */
export const LIST_LIMIT = 500;

/** Per province (within the view but its province axis): LAOs with a plan, LAOs reporting. */
export async function provinceLaoCounts(
	db: Database,
	releaseId: number,
	filters: ViewFilters
): Promise<ProvinceLaoCount[]> {
	const rows = await queryRows<{ province_code: string; with_plan: number; reporting: number }>(
		db,
		sql`select province_code,
				count(distinct lao_dla_code) filter (where has_annual_plan)::int as with_plan,
				count(distinct lao_dla_code) filter (where has_report)::int as reporting
			from release_laos where ${releaseWhere('release_laos', releaseId, { ...filters, provinces: [] })}
			group by 1 order by 1`
	);
	return rows.map((r) => ({
		provinceCode: r.province_code,
		laosWithPlan: r.with_plan,
		laosReporting: r.reporting
	}));
}

interface LaoRow extends Record<string, unknown> {
	lao_dla_code: string;
	name_th: string;
	lao_type: ReleaseLao['laoType'];
	province_code: string;
	plan_years: number[] | null;
	report_years: number[] | null;
	is_synthetic: boolean;
	total: number;
}

/** The LAOs of a release within the view (no มิติ: the table has none), by province and name. */
export async function releaseLaoList(
	db: Database,
	releaseId: number,
	filters: ViewFilters,
	limit = LIST_LIMIT
): Promise<Capped<ReleaseLao>> {
	const rows = await queryRows<LaoRow>(
		db,
		sql`select lao_dla_code, name_th, lao_type, province_code,
				array_agg(fiscal_year order by fiscal_year) filter (where has_annual_plan) as plan_years,
				array_agg(fiscal_year order by fiscal_year) filter (where has_report) as report_years,
				bool_or(is_synthetic) as is_synthetic, (count(*) over ())::int as total
			from release_laos where ${releaseWhere('release_laos', releaseId, filters)}
			group by 1, 2, 3, 4
			order by province_code, ${thaiKey(sql`name_th`)}, lao_dla_code
			limit ${limit}`
	);
	return {
		total: rows[0]?.total ?? 0,
		rows: rows.map((r) => ({
			dlaCode: r.lao_dla_code,
			nameTh: r.name_th,
			laoType: r.lao_type,
			provinceCode: r.province_code,
			planYears: r.plan_years ?? [],
			reportYears: r.report_years ?? [],
			isSynthetic: r.is_synthetic
		}))
	};
}

/** How many documents of each kind a release was computed from. */
export async function releaseDocumentCounts(
	db: Database,
	releaseId: number
): Promise<DocumentCounts> {
	const [row] = await queryRows<{
		total: number;
		annual: number;
		reports: number;
		plans: number;
		synthetic: number;
	}>(
		db,
		sql`select count(*)::int as total,
				count(*) filter (where kind = 'annual_plan')::int as annual,
				count(*) filter (where kind = 'progress_report')::int as reports,
				count(*) filter (where kind = 'multi_year_plan')::int as plans,
				count(*) filter (where is_synthetic)::int as synthetic
			from release_documents where release_id = ${releaseId}`
	);
	return {
		total: row?.total ?? 0,
		annualPlans: row?.annual ?? 0,
		reports: row?.reports ?? 0,
		multiYearPlans: row?.plans ?? 0,
		synthetic: row?.synthetic ?? 0
	};
}

/** A document row of release_documents (or of the snapshot's DOCUMENTS_SELECT). */
export interface DocumentRow extends Record<string, unknown> {
	kind: ReleaseDocument['kind'];
	verdict: ReleaseDocument['verdict'];
	lao_dla_code: string | null;
	lao_name_th: string | null;
	lao_type: ReleaseDocument['laoType'];
	province_code: string | null;
	fiscal_years: number[];
	item_count: number;
	sha256: string;
	is_synthetic: boolean;
	total?: number;
}

/**
 * The documents of a release within the view's provinces, LAO types and fiscal years (a document
 * covers a year when its fiscal_years holds it), by province, LAO and kind.
 */
export async function releaseDocumentList(
	db: Database,
	releaseId: number,
	filters: ViewFilters,
	limit = LIST_LIMIT
): Promise<Capped<ReleaseDocument>> {
	const clauses = [
		sql`release_id = ${releaseId}`,
		inParams(sql`province_code`, filters.provinces),
		inParams(sql`lao_type`, filters.laoTypes),
		filters.fiscalYears.length > 0
			? sql`fiscal_years && array[${sql.join(
					filters.fiscalYears.map((y) => sql`${y}::int`),
					sql`, `
				)}]`
			: null
	].filter((c) => c !== null);
	const rows = await queryRows<DocumentRow>(
		db,
		sql`select kind, verdict, lao_dla_code, lao_name_th, lao_type, province_code, fiscal_years,
				item_count, sha256, is_synthetic, (count(*) over ())::int as total
			from release_documents where ${sql.join(clauses, sql` and `)}
			order by province_code nulls last, ${thaiKey(sql`lao_name_th`)}, kind, fiscal_years,
				sha256
			limit ${limit}`
	);
	return {
		total: rows[0]?.total ?? 0,
		rows: rows.map(toReleaseDocument)
	};
}

/** What a page shows of a document (a short SHA-256: enough to find the file again). */
export function toReleaseDocument(r: DocumentRow): ReleaseDocument {
	return {
		kind: r.kind,
		verdict: r.verdict,
		laoDlaCode: r.lao_dla_code,
		laoNameTh: r.lao_name_th,
		laoType: r.lao_type,
		provinceCode: r.province_code,
		fiscalYears: r.fiscal_years,
		itemCount: r.item_count,
		sha256: r.sha256.slice(0, 12),
		isSynthetic: r.is_synthetic
	};
}
