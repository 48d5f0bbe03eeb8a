import { boolean, index, integer } from 'drizzle-orm/pg-core';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { loadRuns } from './load-runs.ts';
import { sourceDocuments } from './source-documents.ts';

/**
 * Provenance is schema (STYLE habit 13, dlt's `_dlt_load_id`): every fact row says which run
 * loaded it, from which document and which line, and whether it is demo data.
 * `is_synthetic` has no default on purpose: a loader that forgets it fails instead of passing
 * demo rows off as real ones.
 * Each call returns fresh column builders, so a table never shares one with another.
 */
function columns<L>(sourceLine: L) {
	return {
		loadRunId: integer('load_run_id')
			.notNull()
			.references(() => loadRuns.id),
		sourceDocumentId: integer('source_document_id')
			.notNull()
			.references(() => sourceDocuments.id, { onDelete: 'cascade' }),
		sourceLine,
		isSynthetic: boolean('is_synthetic').notNull()
	};
}

/** Provenance for a row read from one line of the document (1-based, blank lines counted). */
export function provenance() {
	return columns(integer('source_line').notNull());
}

/** Provenance for a row that may have no single line (a check over a whole table). */
export function provenanceLineOptional() {
	return columns(integer('source_line'));
}

/** Indexes on the provenance foreign keys, named `<table>_<column>_idx`. */
export function provenanceIndexes(
	table: string,
	t: { loadRunId: AnyPgColumn; sourceDocumentId: AnyPgColumn }
) {
	return [
		index(`${table}_load_run_id_idx`).on(t.loadRunId),
		index(`${table}_source_document_id_idx`).on(t.sourceDocumentId)
	];
}
