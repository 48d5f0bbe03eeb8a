/**
 * The app's only door into db/: one connection (postgres.js or PGlite) per server process,
 * migrated once on first use.
 */
import { openDb, type Database, type Db } from '$db/client';

let handle: Promise<Db> | null = null;

export async function getDb(): Promise<Database> {
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

export { schema } from './schema';
