import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';

/**
 * Each data table as one row of JSON per database row: surrogate ids, load_run_id and timestamps
 * (which legitimately differ between two loads of the same files) are dropped, and foreign keys
 * to surrogate ids are replaced by natural ones: the document's sha256, the table's index, the
 * item's ordinal and line. The run ledger (load_runs) is left out.
 */
const ROWS: Record<string, string> = {
	provinces: `select to_jsonb(t) as r from provinces t`,
	laos: `select to_jsonb(t) - '{load_run_id,updated_at}'::text[] as r from laos t`,
	source_documents: `select to_jsonb(t) - '{id,load_run_id,created_at}'::text[] as r
		from source_documents t`,
	doc_tables: `select to_jsonb(t) - '{id,load_run_id,source_document_id}'::text[]
			|| jsonb_build_object('document', d.sha256) as r
		from doc_tables t join source_documents d on d.id = t.source_document_id`,
	plan_items: itemLike('plan_items'),
	report_items: itemLike('report_items'),
	unassigned_amounts: itemLike('unassigned_amounts'),
	plan_item_budgets: `select to_jsonb(t) - '{id,load_run_id,source_document_id,plan_item_id}'::text[]
			|| jsonb_build_object('document', d.sha256, 'table_index', dt.table_index,
				'item_ordinal', i.ordinal, 'item_line', i.source_line) as r
		from plan_item_budgets t join plan_items i on i.id = t.plan_item_id
		join doc_tables dt on dt.id = i.doc_table_id
		join source_documents d on d.id = t.source_document_id`,
	checks: documentLike('checks'),
	problems: documentLike('problems'),
	quarantine: `select to_jsonb(t) - '{id,load_run_id,source_document_id,created_at}'::text[] as r
		from quarantine t`
};

function itemLike(table: string): string {
	return `select to_jsonb(t) - '{id,load_run_id,source_document_id,doc_table_id}'::text[]
			|| jsonb_build_object('document', d.sha256, 'table_index', dt.table_index) as r
		from ${table} t join doc_tables dt on dt.id = t.doc_table_id
		join source_documents d on d.id = t.source_document_id`;
}

function documentLike(table: string): string {
	return `select to_jsonb(t) - '{id,load_run_id,source_document_id}'::text[]
			|| jsonb_build_object('document', d.sha256) as r
		from ${table} t join source_documents d on d.id = t.source_document_id`;
}

export const CHECKSUM_TABLES = Object.keys(ROWS);

/**
 * Derived tables, on request: fact_cube is rebuilt from the item rows whenever a run finishes
 * (or is closed as aborted), so after a run it must agree too. It has no id, run or time column.
 */
const DERIVED_ROWS: Record<string, string> = {
	fact_cube: `select to_jsonb(t) as r from fact_cube t`
};

/**
 * md5 of every data table's rows, ordered by their text (collation "C", so that PGlite and
 * PostgreSQL order alike). Loading the same files twice must leave every checksum unchanged.
 * `derived: true` adds fact_cube.
 */
export async function tableChecksums(
	db: Database,
	options: { derived?: boolean } = {}
): Promise<Record<string, string>> {
	const tables = options.derived ? { ...ROWS, ...DERIVED_ROWS } : ROWS;
	const parts = Object.entries(tables).map(
		([table, rows]) =>
			`select '${table}' as table_name, md5(coalesce(string_agg(x.r::text, E'\\n' order by x.r::text collate "C"), '')) as md5 from (${rows}) x`
	);
	const result = await queryRows<{ table_name: string; md5: string }>(
		db,
		sql.raw(parts.join('\nunion all\n'))
	);
	return Object.fromEntries(result.map((r) => [r.table_name, r.md5]));
}

/** The tables whose rows belong to one document, and how each row names it. */
const DOCUMENT_ROWS = Object.entries(ROWS)
	.filter(([table]) => table !== 'provinces' && table !== 'laos')
	.map(([table, rows]) => {
		const doc = table === 'source_documents' || table === 'quarantine' ? 'sha256' : 'document';
		return `select '${table}' as table_name, x.r->>'${doc}' as sha256, x.r from (${rows}) x`;
	});

/**
 * One md5 per document (by sha256) over all of its rows in every table, ids replaced as in
 * tableChecksums. A document is whole when its md5 equals the one a clean load gives it: the
 * crash tests check every document present after a kill that way (never a partial one).
 */
export async function documentChecksums(db: Database): Promise<Record<string, string>> {
	const result = await queryRows<{ sha256: string; md5: string }>(
		db,
		sql.raw(
			`select y.sha256, md5(string_agg(y.table_name || ' ' || y.r::text, E'\n'
					order by y.table_name collate "C", y.r::text collate "C")) as md5
				from (${DOCUMENT_ROWS.join('\nunion all\n')}) y
				group by y.sha256`
		)
	);
	return Object.fromEntries(result.map((r) => [r.sha256.trim(), r.md5]));
}
