import type { SQL } from 'drizzle-orm';
import type { Database } from './client.ts';

/**
 * Rows of a raw query whichever the driver: postgres.js returns the rows as an array, PGlite an
 * object with `rows`. Prefer the query builder; this is for SQL it cannot express.
 */
export async function queryRows<T extends Record<string, unknown>>(
	db: Database,
	query: SQL
): Promise<T[]> {
	const result: unknown = await db.execute(query);
	if (Array.isArray(result)) return result as T[];
	if (result && typeof result === 'object' && Array.isArray((result as { rows?: unknown }).rows)) {
		return (result as { rows: T[] }).rows;
	}
	throw new TypeError('queryRows: the driver returned neither an array nor { rows }');
}
