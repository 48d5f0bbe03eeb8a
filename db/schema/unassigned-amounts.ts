import { check, index, integer, numeric, pgTable, text } from 'drizzle-orm/pg-core';
import { docTables } from './doc-tables.ts';
import { provenance, provenanceIndexes } from './provenance.ts';
import { isOneOf, UNASSIGNED_REASONS, type UnassignedReason } from './values.ts';

/**
 * An amount in a budget column that cannot be tied to exactly one item without guessing
 * (CONTEXT.md: one cell holding several projects' amounts, a row with amounts and no project).
 */
export const unassignedAmounts = pgTable(
	'unassigned_amounts',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		docTableId: integer('doc_table_id')
			.notNull()
			.references(() => docTables.id, { onDelete: 'cascade' }),
		fiscalYear: integer('fiscal_year').notNull(),
		amount: numeric('amount', { precision: 16, scale: 2 }).notNull(),
		reason: text('reason').$type<UnassignedReason>().notNull(),
		/** Ordinals of the items sharing the cell; empty when the row names no item. */
		itemOrdinals: integer('item_ordinals').array().notNull(),
		...provenance()
	},
	(t) => [
		check('unassigned_amounts_reason_check', isOneOf(t.reason, UNASSIGNED_REASONS)),
		index('unassigned_amounts_doc_table_id_idx').on(t.docTableId),
		index('unassigned_amounts_fiscal_year_idx').on(t.fiscalYear),
		...provenanceIndexes('unassigned_amounts', t)
	]
);
