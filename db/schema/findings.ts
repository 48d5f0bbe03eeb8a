import {
	boolean,
	check,
	index,
	integer,
	jsonb,
	numeric,
	pgTable,
	smallint,
	text
} from 'drizzle-orm/pg-core';
import type { Severity } from '../../etl/parse/common/types.ts';
import { provenanceIndexes, provenanceLineOptional } from './provenance.ts';
import { isOneOf, SEVERITIES } from './values.ts';

/**
 * What the parser found, kept for every document whatever its verdict: they explain it.
 * `checks` compares what a document declares with what we compute; `problems` are the rest.
 */
export const checks = pgTable(
	'checks',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		name: text('name').notNull(),
		fiscalYear: integer('fiscal_year'),
		dimension: smallint('dimension'),
		/** Where the two sides came from ("part2 vs part3"). */
		detail: text('detail'),
		/** Both sides as the report gives them; numbers also go to *_num for arithmetic. */
		declared: text('declared'),
		computed: text('computed'),
		declaredNum: numeric('declared_num'),
		computedNum: numeric('computed_num'),
		ok: boolean('ok').notNull(),
		/** Severity when not ok. */
		severity: text('severity').$type<Severity>().notNull(),
		...provenanceLineOptional()
	},
	(t) => [
		check('checks_severity_check', isOneOf(t.severity, SEVERITIES)),
		index('checks_fiscal_year_idx').on(t.fiscalYear),
		...provenanceIndexes('checks', t)
	]
);

export const problems = pgTable(
	'problems',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		code: text('code').notNull(),
		severity: text('severity').$type<Severity>().notNull(),
		message: text('message').notNull(),
		messageTh: text('message_th'),
		expected: jsonb('expected'),
		found: jsonb('found'),
		...provenanceLineOptional()
	},
	(t) => [
		check('problems_severity_check', isOneOf(t.severity, SEVERITIES)),
		index('problems_code_idx').on(t.code),
		...provenanceIndexes('problems', t)
	]
);
