/**
 * The app's only door into db/: one connection (postgres.js or PGlite) per server process,
 * migrated once on first use. Routes never get the connection itself: they get a transaction in
 * the viewer's scope (`withScope`), run as the role sujarit_app under row-level security.
 */
import { openDb, type Database, type Db } from '$db/client';
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

/** `fn` in one transaction that sees what `scope` allows, and nothing else. */
export async function withScope<T>(
	scope: DbScope,
	fn: (db: Database) => Promise<T>,
	options: ScopeOptions = {}
): Promise<T> {
	return inScope(await database(), scope, fn, options);
}

export type { Database, DbScope };
export { schema } from './schema';
