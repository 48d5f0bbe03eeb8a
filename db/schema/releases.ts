import {
	boolean,
	char,
	index,
	integer,
	numeric,
	pgTable,
	smallint,
	text,
	timestamp
} from 'drizzle-orm/pg-core';
import type { DocumentKind, LaoType, Verdict } from '../../etl/parse/common/types.ts';
import { users } from './accounts.ts';

/**
 * A public release: a versioned, immutable snapshot of aggregates that an analyst published.
 * The public pages and extracts read these tables only, never the item tables, so a document
 * ingested after a release is invisible to the public until the next one.
 */
export const releases = pgTable('releases', {
	id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
	/** 1, 2, 3…: what the public URLs say (/releases/3). */
	version: integer('version').notNull().unique(),
	publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
	publishedBy: integer('published_by').references(() => users.id, { onDelete: 'set null' }),
	/** The analyst's note to readers (Thai and/or English), shown on the release page. */
	note: text('note').notNull().default(''),
	/** The data version (src/lib/server/extracts/cache.ts) the snapshot was taken at. */
	dataVersion: text('data_version').notNull(),
	documentCount: integer('document_count').notNull(),
	includesSynthetic: boolean('includes_synthetic').notNull()
});

const baht = (name: string) => numeric(name, { precision: 18, scale: 2 }).notNull();

/**
 * Aggregates per province × LAO type × fiscal year × มิติ (× synthetic), from fact_cube. Province
 * and type are the LAO's, from the register, as the overview groups them; facts whose LAO is not
 * in the register keep null there, so that the release's totals equal the overview's.
 */
export const releaseFigures = pgTable(
	'release_figures',
	{
		releaseId: integer('release_id')
			.notNull()
			.references(() => releases.id, { onDelete: 'cascade' }),
		provinceCode: char('province_code', { length: 2 }),
		laoType: text('lao_type').$type<LaoType>(),
		fiscalYear: integer('fiscal_year').notNull(),
		dimension: smallint('dimension'),
		isSynthetic: boolean('is_synthetic').notNull(),
		planItems: integer('plan_items').notNull(),
		plannedBaht: baht('planned_baht'),
		zeroBudgetItems: integer('zero_budget_items').notNull(),
		reportItems: integer('report_items').notNull(),
		done: integer('done').notNull(),
		notDone: integer('not_done').notNull(),
		inProgress: integer('in_progress').notNull(),
		pending: integer('pending').notNull(),
		disbursedBaht: baht('disbursed_baht')
	},
	(t) => [index('release_figures_release_id_idx').on(t.releaseId, t.provinceCode)]
);

/** Which LAOs had an accepted annual plan and an accepted report, per fiscal year. */
export const releaseLaos = pgTable(
	'release_laos',
	{
		releaseId: integer('release_id')
			.notNull()
			.references(() => releases.id, { onDelete: 'cascade' }),
		laoDlaCode: text('lao_dla_code').notNull(),
		provinceCode: char('province_code', { length: 2 }).notNull(),
		laoType: text('lao_type').$type<LaoType>().notNull(),
		nameTh: text('name_th').notNull(),
		fiscalYear: integer('fiscal_year').notNull(),
		hasAnnualPlan: boolean('has_annual_plan').notNull(),
		hasReport: boolean('has_report').notNull(),
		isSynthetic: boolean('is_synthetic').notNull()
	},
	(t) => [index('release_laos_release_id_idx').on(t.releaseId, t.provinceCode)]
);

/**
 * The documents a release was computed from (accepted ones), as they were when published: what
 * the public may read about them (never the origin, which may name a private folder or URL).
 */
export const releaseDocuments = pgTable(
	'release_documents',
	{
		releaseId: integer('release_id')
			.notNull()
			.references(() => releases.id, { onDelete: 'cascade' }),
		sourceDocumentId: integer('source_document_id').notNull(),
		sha256: char('sha256', { length: 64 }).notNull(),
		kind: text('kind').$type<DocumentKind>().notNull(),
		verdict: text('verdict').$type<Verdict>().notNull(),
		laoDlaCode: text('lao_dla_code'),
		/** The register's name and type of the LAO (the document's own when not in the register). */
		laoNameTh: text('lao_name_th'),
		laoType: text('lao_type').$type<LaoType>(),
		provinceCode: char('province_code', { length: 2 }),
		fiscalYears: integer('fiscal_years').array().notNull(),
		itemCount: integer('item_count').notNull(),
		isSynthetic: boolean('is_synthetic').notNull()
	},
	(t) => [index('release_documents_release_id_idx').on(t.releaseId, t.provinceCode)]
);
