import {
	boolean,
	char,
	check,
	date,
	index,
	integer,
	jsonb,
	pgTable,
	text,
	timestamp
} from 'drizzle-orm/pg-core';
import type {
	DocumentKind,
	LaoType,
	ParseReport,
	Resolution,
	Verdict
} from '../../etl/parse/common/types.ts';
import { laos } from './laos.ts';
import { loadRuns } from './load-runs.ts';
import { provinces } from './provinces.ts';
import {
	DOCUMENT_KINDS,
	isOneOf,
	LAO_TYPES,
	ORIGIN_KINDS,
	RESOLUTIONS,
	VERDICTS,
	type OriginKind
} from './values.ts';

/**
 * One row per distinct file (identity = sha256), whatever its verdict: unrecognised and
 * quarantined documents are kept too, with the report that explains why.
 */
export const sourceDocuments = pgTable(
	'source_documents',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		sha256: char('sha256', { length: 64 }).notNull().unique(),
		/** Where the bytes came from: a path relative to the ingest root, or a URL. */
		origin: text('origin').notNull(),
		originKind: text('origin_kind').$type<OriginKind>().notNull(),
		byteSize: integer('byte_size').notNull(),
		/** null: the parser did not recognise the document. */
		kind: text('kind').$type<DocumentKind>(),
		verdict: text('verdict').$type<Verdict>().notNull(),
		laoNameAsWritten: text('lao_name_as_written'),
		laoType: text('lao_type').$type<LaoType>(),
		laoDlaCode: text('lao_dla_code').references(() => laos.dlaCode),
		laoResolution: text('lao_resolution').$type<Resolution>(),
		provinceCode: char('province_code', { length: 2 }).references(() => provinces.code),
		/** Buddhist Era. */
		fiscalYears: integer('fiscal_years').array().notNull().default([]),
		asOf: date('as_of', { mode: 'string' }),
		title: text('title'),
		/** Items over all the document's tables. */
		itemCount: integer('item_count').notNull(),
		/** Checks that are not ok, whatever their severity. */
		failedChecks: integer('failed_checks').notNull(),
		/** Problems by severity (failed checks are counted in failed_checks, not here). */
		errorCount: integer('error_count').notNull(),
		warningCount: integer('warning_count').notNull(),
		report: jsonb('report').$type<ParseReport>().notNull(),
		/** The decoded text, for the provenance viewer; null when the bytes could not be decoded. */
		content: text('content'),
		loadRunId: integer('load_run_id')
			.notNull()
			.references(() => loadRuns.id),
		isSynthetic: boolean('is_synthetic').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		check('source_documents_origin_kind_check', isOneOf(t.originKind, ORIGIN_KINDS)),
		check('source_documents_kind_check', isOneOf(t.kind, DOCUMENT_KINDS)),
		check('source_documents_verdict_check', isOneOf(t.verdict, VERDICTS)),
		check('source_documents_lao_type_check', isOneOf(t.laoType, LAO_TYPES)),
		check('source_documents_lao_resolution_check', isOneOf(t.laoResolution, RESOLUTIONS)),
		index('source_documents_lao_dla_code_idx').on(t.laoDlaCode),
		index('source_documents_province_code_idx').on(t.provinceCode),
		index('source_documents_load_run_id_idx').on(t.loadRunId),
		index('source_documents_verdict_idx').on(t.verdict)
	]
);
