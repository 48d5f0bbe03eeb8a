import { boolean, char, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { loadRuns } from './load-runs.ts';
import { sourceDocuments } from './source-documents.ts';

/**
 * Why a document was quarantined: one row per error (a problem or a failed check), in words a
 * reviewer can act on without opening the report. The document's facts are not loaded.
 */
export const quarantine = pgTable(
	'quarantine',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		sourceDocumentId: integer('source_document_id')
			.notNull()
			.references(() => sourceDocuments.id, { onDelete: 'cascade' }),
		loadRunId: integer('load_run_id')
			.notNull()
			.references(() => loadRuns.id),
		origin: text('origin').notNull(),
		sha256: char('sha256', { length: 64 }).notNull(),
		sourceLine: integer('source_line'),
		/** The problem's code or the check's name. */
		rule: text('rule').notNull(),
		expected: text('expected'),
		found: text('found'),
		message: text('message').notNull(),
		isSynthetic: boolean('is_synthetic').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('quarantine_source_document_id_idx').on(t.sourceDocumentId),
		index('quarantine_load_run_id_idx').on(t.loadRunId),
		index('quarantine_rule_idx').on(t.rule)
	]
);
