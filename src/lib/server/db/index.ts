/**
 * The app's only door into db/: one connection (postgres.js or PGlite) per server process,
 * migrated once on first use. Routes never get the connection itself: they get a transaction in
 * the viewer's scope (`withScope`), run as the role sujarit_app under row-level security.
 */
import { openDb, poolMax, type Database, type Db } from '$db/client';
import type { Runner } from '../extracts/cache.ts';
import type { Scope } from '../extracts/scope.ts';
import { inScope, type DbScope, type ScopeOptions } from './scoped.ts';

let handle: Promise<Db> | null = null;

async function database(): Promise<Database> {
	handle ??= (async () => {
		const h = await openDb();
		await h.migrate();
		return h;
	})();
	try {
		return (await handle).db;
	} catch (e) {
		handle = null;
		throw e;
	}
}

/**
 * The database settings read from the environment, checked when the server starts (hooks `init`)
 * rather than on the first reader's request: a bad DATABASE_POOL_MAX stops the start, named.
 */
export function checkDatabaseSettings(): void {
	if (process.env.DATABASE_URL) poolMax();
}

/** `fn` in one transaction that sees what `scope` allows, and nothing else. */
export async function withScope<T>(
	scope: DbScope,
	fn: (db: Database) => Promise<T>,
	options: ScopeOptions = {}
): Promise<T> {
	return inScope(await database(), scope, fn, options);
}

/** The app's database, as the caches know it (extracts/cache.ts: versions kept a second). */
const APP_DATABASE = Object.freeze({ name: 'app' });

/**
 * What a GET reads cached values through: each use one read-only transaction in `scope`. Its
 * `source` lets the caches keep the scope's data version for a second (VERSION_TTL_MS), so a
 * cached answer asks the database nothing.
 */
export function readerOf(scope: Scope): Runner {
	const run = <T>(fn: (db: Database) => Promise<T>) => withScope(scope, fn, { readOnly: true });
	return Object.assign(run, { source: APP_DATABASE });
}

export type { Database, DbScope };
export { schema } from './schema';
