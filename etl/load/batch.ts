/**
 * Rows per INSERT. 500 rows × the widest table's 14 columns = 7,000 parameters, far below
 * PostgreSQL's 65,535, and few enough round trips that a document loads in a handful of them.
 */
export const BATCH_SIZE = 500;

export function* chunks<T>(rows: readonly T[], size = BATCH_SIZE): Generator<T[]> {
	for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}
