import {
	boolean,
	char,
	index,
	integer,
	numeric,
	pgTable,
	smallint,
	text
} from 'drizzle-orm/pg-core';
import type { LaoType, Verdict } from '../../etl/parse/common/types.ts';
import type { ItemKind } from './values.ts';

/**
 * The facts pre-aggregated to one row per LAO × fiscal year × มิติ × item kind × verdict ×
 * synthetic flag, rebuilt from plan_items / plan_item_budgets / report_items at the end of every
 * ETL run (etl/load/fact-cube.ts). The dashboard's first paint (overview, map) reads this, never
 * the item tables: ~300k rows nationally instead of ~2M. Derived data only; no provenance of its
 * own (every figure is re-derivable from the item rows, which carry it).
 * Same rules as the extracts: annual-plan tables only for plans, accepted documents only.
 */
export const factCube = pgTable(
	'fact_cube',
	{
		laoDlaCode: text('lao_dla_code'),
		provinceCode: char('province_code', { length: 2 }),
		laoType: text('lao_type').$type<LaoType>(),
		fiscalYear: integer('fiscal_year').notNull(),
		dimension: smallint('dimension'),
		itemKind: text('item_kind').$type<ItemKind>(),
		verdict: text('verdict').$type<Verdict>().notNull(),
		isSynthetic: boolean('is_synthetic').notNull(),
		planItems: integer('plan_items').notNull(),
		plannedBaht: numeric('planned_baht', { precision: 18, scale: 2 }).notNull(),
		zeroBudgetItems: integer('zero_budget_items').notNull(),
		reportItems: integer('report_items').notNull(),
		done: integer('done').notNull(),
		notDone: integer('not_done').notNull(),
		inProgress: integer('in_progress').notNull(),
		pending: integer('pending').notNull(),
		reportBudgetBaht: numeric('report_budget_baht', { precision: 18, scale: 2 }).notNull(),
		disbursedBaht: numeric('disbursed_baht', { precision: 18, scale: 2 }).notNull()
	},
	(t) => [
		index('fact_cube_fiscal_year_idx').on(t.fiscalYear),
		index('fact_cube_province_code_idx').on(t.provinceCode),
		index('fact_cube_lao_dla_code_idx').on(t.laoDlaCode)
	]
);
