import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { queryRows } from '../../../db/rows.ts';
import type { DocumentDetail, DocumentSummary } from '../documents.ts';
import * as schema from '../../../db/schema/index.ts';
import { scopeWhere, type Scope } from './extracts/scope.ts';

const s = schema;

export interface DocumentFilter {
	verdict?: string | null;
	kind?: string | null;
	/** Two-digit province code ('52'). */
	province?: string | null;
}

const summaryColumns = {
	id: s.sourceDocuments.id,
	origin: s.sourceDocuments.origin,
	kind: s.sourceDocuments.kind,
	verdict: s.sourceDocuments.verdict,
	laoName: s.sourceDocuments.laoNameAsWritten,
	laoDlaCode: s.sourceDocuments.laoDlaCode,
	laoResolution: s.sourceDocuments.laoResolution,
	provinceCode: s.sourceDocuments.provinceCode,
	provinceName: s.provinces.nameTh,
	fiscalYears: s.sourceDocuments.fiscalYears,
	asOf: s.sourceDocuments.asOf,
	itemCount: s.sourceDocuments.itemCount,
	failedChecks: s.sourceDocuments.failedChecks,
	errorCount: s.sourceDocuments.errorCount,
	warningCount: s.sourceDocuments.warningCount,
	isSynthetic: s.sourceDocuments.isSynthetic
};

/** The documents of a province in scope: a document with no province is national-only. */
const inScope = (scope: Scope) => scopeWhere(scope, sql`${s.sourceDocuments.provinceCode}`);

/** Rows per page of the documents list: a national database holds about 82,000 documents. */
export const DOCUMENTS_PAGE_SIZE = 200;

export interface DocumentPage {
	documents: DocumentSummary[];
	/** Documents the filter matches (all pages). */
	matching: number;
	/** Documents in scope, unfiltered. */
	total: number;
	/** 1-based, clamped to the last page. */
	page: number;
	pageCount: number;
}

/**
 * One page of the documents in scope, by province, LAO name, newest first; the filter narrows by
 * verdict, kind and province.
 */
export async function listDocuments(
	db: Database,
	scope: Scope,
	filter: DocumentFilter = {},
	page = 1,
	pageSize = DOCUMENTS_PAGE_SIZE
): Promise<DocumentPage> {
	const where: SQL[] = [inScope(scope)];
	if (filter.verdict)
		where.push(eq(s.sourceDocuments.verdict, filter.verdict as DocumentSummary['verdict']));
	if (filter.kind)
		where.push(
			eq(s.sourceDocuments.kind, filter.kind as NonNullable<DocumentSummary['kind']> as never)
		);
	if (filter.province) where.push(eq(s.sourceDocuments.provinceCode, filter.province));
	const [{ matching } = { matching: 0 }] = await db
		.select({ matching: count() })
		.from(s.sourceDocuments)
		.where(and(...where));
	const [{ total } = { total: 0 }] =
		where.length === 1
			? [{ total: matching }]
			: await db.select({ total: count() }).from(s.sourceDocuments).where(inScope(scope));
	const pageCount = Math.max(1, Math.ceil(matching / pageSize));
	const current = Math.min(Math.max(1, Math.trunc(page) || 1), pageCount);
	const rows = await db
		.select(summaryColumns)
		.from(s.sourceDocuments)
		.leftJoin(s.provinces, eq(s.provinces.code, s.sourceDocuments.provinceCode))
		.where(and(...where))
		.orderBy(
			asc(s.provinces.nameTh),
			asc(s.sourceDocuments.laoNameAsWritten),
			desc(s.sourceDocuments.id)
		)
		.limit(pageSize)
		.offset((current - 1) * pageSize);
	return { documents: rows as DocumentSummary[], matching, total, page: current, pageCount };
}

/** One document in scope with its report, text and the number of fact rows it loaded. */
export async function getDocument(
	db: Database,
	scope: Scope,
	id: number
): Promise<DocumentDetail | null> {
	const [row] = await db
		.select({
			...summaryColumns,
			sha256: s.sourceDocuments.sha256,
			byteSize: s.sourceDocuments.byteSize,
			title: s.sourceDocuments.title,
			report: s.sourceDocuments.report,
			content: s.sourceDocuments.content
		})
		.from(s.sourceDocuments)
		.leftJoin(s.provinces, eq(s.provinces.code, s.sourceDocuments.provinceCode))
		.where(and(eq(s.sourceDocuments.id, id), inScope(scope)));
	if (!row) return null;
	const [facts] = await queryRows<{ n: number | string }>(
		db,
		sql`select (select count(*) from plan_items where source_document_id = ${id})
		         + (select count(*) from report_items where source_document_id = ${id}) as n`
	);
	const { report, content, ...summary } = row;
	return {
		...(summary as DocumentSummary & { sha256: string; byteSize: number; title: string | null }),
		lineCount: report.lineCount,
		tables: report.tables,
		checks: report.checks,
		problems: report.problems,
		lao: report.lao,
		lines: content === null ? null : content.split('\n'),
		loadedRows: Number(facts?.n ?? 0)
	};
}
