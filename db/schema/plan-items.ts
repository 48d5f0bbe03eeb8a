import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	index,
	integer,
	numeric,
	pgTable,
	smallint,
	text,
	unique
} from 'drizzle-orm/pg-core';
import { docTables } from './doc-tables.ts';
import { provenance, provenanceIndexes } from './provenance.ts';
import { isOneOf, ITEM_KINDS, type ItemKind } from './values.ts';

/** A project / activity / measure of a plan table (roles multi_year, multi_year_excerpt, annual). */
export const planItems = pgTable(
	'plan_items',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		docTableId: integer('doc_table_id')
			.notNull()
			.references(() => docTables.id, { onDelete: 'cascade' }),
		ordinal: integer('ordinal').notNull(),
		/** มิติ 1–4. */
		dimension: smallint('dimension'),
		name: text('name').notNull(),
		itemKind: text('item_kind').$type<ItemKind>(),
		/** Q1–Q4 ticks of an annual plan (Q1 = Oct–Dec); null when the table has no quarters. */
		quarters: boolean('quarters').array(),
		remark: text('remark'),
		/** Other lines the item was read from (a budget on the next row, a Part 3 page...). */
		otherLines: integer('other_lines').array().notNull().default([]),
		/** The document's LAO, copied so that items filter without a join. */
		laoDlaCode: text('lao_dla_code'),
		...provenance()
	},
	(t) => [
		check('plan_items_dimension_check', sql`${t.dimension} between 1 and 4`),
		check('plan_items_item_kind_check', isOneOf(t.itemKind, ITEM_KINDS)),
		check('plan_items_quarters_check', sql`cardinality(${t.quarters}) = 4`),
		index('plan_items_doc_table_id_idx').on(t.docTableId),
		index('plan_items_lao_dla_code_idx').on(t.laoDlaCode),
		...provenanceIndexes('plan_items', t)
	]
);

/** An item's budget for one fiscal year (BE). */
export const planItemBudgets = pgTable(
	'plan_item_budgets',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		planItemId: integer('plan_item_id')
			.notNull()
			.references(() => planItems.id, { onDelete: 'cascade' }),
		fiscalYear: integer('fiscal_year').notNull(),
		/** Baht. null = the document gives an amount that cannot be assigned to this item alone. */
		amount: numeric('amount', { precision: 16, scale: 2 }),
		...provenance()
	},
	(t) => [
		unique('plan_item_budgets_item_year_key').on(t.planItemId, t.fiscalYear),
		index('plan_item_budgets_fiscal_year_idx').on(t.fiscalYear),
		...provenanceIndexes('plan_item_budgets', t)
	]
);
