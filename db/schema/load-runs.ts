import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { isOneOf, RUN_KINDS, RUN_STATUSES, type RunKind, type RunStatus } from './values.ts';

const counter = (name: string) => integer(name).notNull().default(0);

/** The run ledger: one row per `etl ingest`, registry import or demo seed. */
export const loadRuns = pgTable(
	'load_runs',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		kind: text('kind').$type<RunKind>().notNull(),
		/** What the run read: a folder, a manifest URL, a register file. */
		source: text('source').notNull(),
		startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
		finishedAt: timestamp('finished_at', { withTimezone: true }),
		status: text('status').$type<RunStatus>().notNull().default('running'),
		seen: counter('seen'),
		loaded: counter('loaded'),
		quarantined: counter('quarantined'),
		duplicate: counter('duplicate'),
		skipped: counter('skipped'),
		/** Manifest entries that could not be fetched (each one a run_events row). */
		failed: counter('failed'),
		error: text('error'),
		isSynthetic: boolean('is_synthetic').notNull().default(false),
		parserVersion: text('parser_version').notNull()
	},
	(t) => [
		check('load_runs_kind_check', isOneOf(t.kind, RUN_KINDS)),
		// The promise of the summary line, kept by the database for every completed run. A failed
		// run may have seen a document it could not write; its counts say how far it got.
		check(
			'load_runs_counts_add_up',
			sql`${t.status} <> 'completed' or ${t.seen} = ${t.loaded} + ${t.quarantined} + ${t.duplicate}`
		),
		check('load_runs_status_check', isOneOf(t.status, RUN_STATUSES))
	]
);
