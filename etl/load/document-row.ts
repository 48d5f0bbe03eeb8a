import { sql } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import * as schema from '../../db/schema/index.ts';
import { PROVINCES } from '../../db/seed/provinces.ts';
import type { ParseReport } from '../parse/common/types.ts';
import { nameKey } from '../text/canonical.ts';

export type OriginKind = 'file' | 'url';

export interface DocumentInput {
	runId: number;
	report: ParseReport;
	/** A path relative to the ingest root, or a URL. */
	origin: string;
	originKind: OriginKind;
	byteSize: number;
	/** The decoded text; null when the bytes could not be decoded. */
	content: string | null;
	isSynthetic: boolean;
}

const PROVINCE_BY_NAME = new Map(PROVINCES.map((p) => [nameKey(p.nameTh), p.code]));
// Documents write Bangkok both ways (as etl/registry/resolve.ts also knows).
PROVINCE_BY_NAME.set(nameKey('กรุงเทพฯ'), '10');

/** "จังหวัดลำปาง", "จ.ลำปาง" or "ลำปาง" → '52'. */
export function provinceCodeOf(name: string | null | undefined): string | null {
	if (!name) return null;
	return PROVINCE_BY_NAME.get(nameKey(name.trim().replace(/^(?:จังหวัด|จ\.)\s*/, ''))) ?? null;
}

export function documentRow(input: DocumentInput): PgInsertValue<typeof schema.sourceDocuments> {
	const { report } = input;
	const lao = report.lao;
	const named = provinceCodeOf(lao?.province);
	// The register knows the province of a resolved LAO better than the document's wording does.
	const provinceCode = lao?.dlaCode
		? sql`coalesce((select ${schema.laos.provinceCode} from ${schema.laos} where ${schema.laos.dlaCode} = ${lao.dlaCode}), ${named})`
		: named;
	return {
		sha256: report.sha256,
		origin: input.origin,
		originKind: input.originKind,
		byteSize: input.byteSize,
		kind: report.kind,
		verdict: report.verdict,
		laoNameAsWritten: lao?.nameAsWritten ?? null,
		laoType: lao?.type ?? null,
		laoDlaCode: lao?.dlaCode ?? null,
		laoResolution: lao?.resolution ?? null,
		provinceCode,
		fiscalYears: report.fiscalYears,
		asOf: report.asOf,
		title: report.title,
		itemCount: report.tables.reduce((n, t) => n + t.items.length, 0),
		failedChecks: report.checks.filter((c) => !c.ok).length,
		errorCount: report.problems.filter((p) => p.severity === 'error').length,
		warningCount: report.problems.filter((p) => p.severity === 'warning').length,
		report,
		content: input.content,
		loadRunId: input.runId,
		isSynthetic: input.isSynthetic
	};
}
