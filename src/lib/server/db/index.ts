/**
 * The app's only door into db/: one connection (postgres.js or PGlite) per server process,
 * migrated once on first use. Routes never get the connection itself: they get a transaction in
 * the viewer's scope (`withScope`), run as the role sujarit_app under row-level security.
 */
import { openDb, openPostgres, poolMax, type Database, type Db } from '$db/client';
import type { Runner } from '../extracts/cache.ts';
import { dataVersionText, versionFromRow, type VersionRow } from '../extracts/data-version.ts';
import type { Scope } from '../extracts/scope.ts';
import { quickText } from './quick.ts';
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
 * Connections of the quick lane (PostgreSQL only): the reads a request may make before its own
 * work — a session's check (kept 2 s, auth/session-cache.ts) and a scope's data version (kept
 * 1 s, extracts/cache.ts) — on connections of their own, so that they never queue behind the
 * main pool's page and list queries, and in ONE round trip each (quickRead).
 */
export const QUICK_POOL_MAX = 3;

let quick: Promise<NonNullable<Db['client']>> | null = null;

async function quickClient(url: string): Promise<NonNullable<Db['client']>> {
	quick ??= (async () => {
		await database(); // migrated first
		const { client } = openPostgres(url, { max: QUICK_POOL_MAX });
		return client!;
	})();
	try {
		return await quick;
	} catch (e) {
		quick = null;
		throw e;
	}
}

/**
 * `statement` (one SELECT, as SQL text: it takes no parameters) in `scope`, read-only, as ONE
 * message to PostgreSQL (quick.ts quickText): under load every round trip of a transaction waits
 * for a turn of the event loop, and `withScope` costs four (BEGIN, settings, statement, COMMIT).
 * null on PGlite (one connection, no queue): the caller takes `withScope`.
 */
export async function quickRead<T>(scope: DbScope, statement: string): Promise<T[] | null> {
	const text = quickText(scope, statement);
	const url = process.env.DATABASE_URL;
	if (!url) return null;
	const client = await quickClient(url);
	const results = (await client.unsafe(text).simple()) as unknown as T[][];
	return [...(results[1] ?? [])];
}

/**
 * Closes what the app opened: the main connections (or PGlite, which frees its data folder for
 * `npm run users` and `npm run etl`) and the quick lane's. At shutdown (hooks `init` listens for
 * adapter-node's `sveltekit:shutdown`): idle pooled connections would otherwise keep the process
 * alive after SIGTERM or Ctrl-C, for good. A later request would open them again.
 */
export async function closeDatabase(): Promise<void> {
	const [main, lane] = [handle, quick];
	handle = null;
	quick = null;
	await Promise.allSettled([
		lane?.then((client) => client.end({ timeout: 5 })),
		main?.then((h) => h.close())
	]);
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
	return Object.assign(run, { source: APP_DATABASE, quickVersion });
}

/** The scope's data version in one round trip on the quick lane; null on PGlite. */
async function quickVersion(scope: Scope): Promise<string | null> {
	const rows = await quickRead<VersionRow>(scope, dataVersionText(scope));
	return rows && versionFromRow(rows[0]);
}

export type { Database, DbScope };
export { schema } from './schema';
