/**
 * Where a test app keeps its data: a PGlite folder (a path: the default, and all the older suites
 * pass) or a PostgreSQL database. The app, the ETL and the users CLI all read the same two
 * variables (db/client.ts), so a store is nothing but their values.
 */
export interface PostgresStore {
	/** The app's SUJARIT_DATA_DIR all the same (a scratch folder; PGlite is not opened). */
	dataDir: string;
	databaseUrl: string;
}

export type Store = string | PostgresStore;

/** The environment a child process (app, ETL, users CLI) gets for this store. */
export function storeEnv(store: Store): { SUJARIT_DATA_DIR: string; DATABASE_URL: string } {
	return typeof store === 'string'
		? { SUJARIT_DATA_DIR: store, DATABASE_URL: '' }
		: { SUJARIT_DATA_DIR: store.dataDir, DATABASE_URL: store.databaseUrl };
}
