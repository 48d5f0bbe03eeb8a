import { check, index, integer, jsonb, pgTable, text, unique } from 'drizzle-orm/pg-core';
import type { TableRole } from '../../etl/parse/common/types.ts';
import { provenance, provenanceIndexes } from './provenance.ts';
import { isOneOf, TABLE_ROLES } from './values.ts';

/** One row per table of a document (a file may hold several: one annual table per year). */
export const docTables = pgTable(
	'doc_tables',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		/** 0-based position in report.tables. */
		tableIndex: integer('table_index').notNull(),
		role: text('role').$type<TableRole>().notNull(),
		fiscalYear: integer('fiscal_year'),
		lineStart: integer('line_start').notNull(),
		lineEnd: integer('line_end').notNull(),
		/** What the table declares itself: totals per year, tick counts, counts per dimension. */
		declared: jsonb('declared').$type<Record<string, unknown>>().notNull(),
		/** source_line = line_start. */
		...provenance()
	},
	(t) => [
		check('doc_tables_role_check', isOneOf(t.role, TABLE_ROLES)),
		unique('doc_tables_document_index_key').on(t.sourceDocumentId, t.tableIndex),
		index('doc_tables_fiscal_year_idx').on(t.fiscalYear),
		...provenanceIndexes('doc_tables', t)
	]
);
