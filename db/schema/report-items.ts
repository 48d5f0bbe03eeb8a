import { sql } from 'drizzle-orm';
import { check, index, integer, numeric, pgTable, smallint, text } from 'drizzle-orm/pg-core';
import type { ItemStatus } from '../../etl/parse/common/types.ts';
import { docTables } from './doc-tables.ts';
import { provenance, provenanceIndexes } from './provenance.ts';
import { isOneOf, ITEM_KINDS, ITEM_STATUSES, type ItemKind } from './values.ts';

/** An item of an E-PlanNACC progress report: budget, disbursed (เบิกจ่าย) and status. */
export const reportItems = pgTable(
	'report_items',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		docTableId: integer('doc_table_id')
			.notNull()
			.references(() => docTables.id, { onDelete: 'cascade' }),
		ordinal: integer('ordinal').notNull(),
		dimension: smallint('dimension'),
		name: text('name').notNull(),
		itemKind: text('item_kind').$type<ItemKind>(),
		fiscalYear: integer('fiscal_year'),
		budget: numeric('budget', { precision: 16, scale: 2 }),
		disbursed: numeric('disbursed', { precision: 16, scale: 2 }),
		status: text('status').$type<ItemStatus>(),
		remark: text('remark'),
		otherLines: integer('other_lines').array().notNull().default([]),
		laoDlaCode: text('lao_dla_code'),
		...provenance()
	},
	(t) => [
		check('report_items_dimension_check', sql`${t.dimension} between 1 and 4`),
		check('report_items_item_kind_check', isOneOf(t.itemKind, ITEM_KINDS)),
		check('report_items_status_check', isOneOf(t.status, ITEM_STATUSES)),
		index('report_items_doc_table_id_idx').on(t.docTableId),
		index('report_items_lao_dla_code_idx').on(t.laoDlaCode),
		index('report_items_fiscal_year_idx').on(t.fiscalYear),
		...provenanceIndexes('report_items', t)
	]
);
