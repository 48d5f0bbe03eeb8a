import { boolean, check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { loadRuns } from './load-runs.ts';
import { isOneOf } from './values.ts';

export const RUN_EVENT_TYPES = ['skipped', 'failed'] as const;

/**
 * What a run met that was not a document: a file skipped (not a supported document, outside the
 * root, too large…) or a manifest URL that could not be fetched. Nothing a source yields is
 * dropped without a row here or in source_documents.
 */
export const runEvents = pgTable(
	'run_events',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		loadRunId: integer('load_run_id')
			.notNull()
			.references(() => loadRuns.id),
		type: text('type').$type<(typeof RUN_EVENT_TYPES)[number]>().notNull(),
		origin: text('origin').notNull(),
		code: text('code').notNull(),
		message: text('message').notNull(),
		/** For failed fetches: worth trying again later (timeout, 5xx) or not (404, refused). */
		retryable: boolean('retryable'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		check('run_events_type_check', isOneOf(t.type, RUN_EVENT_TYPES)),
		index('run_events_load_run_id_idx').on(t.loadRunId)
	]
);
