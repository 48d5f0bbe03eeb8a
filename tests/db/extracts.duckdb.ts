/**
 * DuckDB-WASM in Node, the way the dashboard will use it in the browser: the extracts' Arrow IPC
 * bytes go in with insertArrowFromIPCStream. The blocking Node bundle runs the wasm in process
 * (no worker); the bundle table names both builds and DuckDB picks the one this Node supports.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

type Blocking = typeof import('@duckdb/duckdb-wasm/blocking');
type Connection = ReturnType<Awaited<ReturnType<Blocking['createDuckDB']>>['connect']>;

const require = createRequire(import.meta.url);

export interface DuckDb {
	load(table: string, ipc: Uint8Array): void;
	rows(query: string): Record<string, unknown>[];
	close(): void;
}

export async function openDuckDb(): Promise<DuckDb> {
	const duckdb = require('@duckdb/duckdb-wasm/blocking') as Blocking;
	const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'));
	const bundles = {
		mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
		eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: '' }
	};
	const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
	await db.instantiate();
	const conn: Connection = db.connect();
	return {
		load: (table, ipc) => conn.insertArrowFromIPCStream(ipc, { name: table }),
		// BIGINT comes back as bigint: numbers here, for toEqual against PostgreSQL's.
		rows: (query) =>
			conn
				.query(query)
				.toArray()
				.map((row: { toJSON(): Record<string, unknown> }) =>
					Object.fromEntries(
						Object.entries(row.toJSON()).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])
					)
				),
		close: () => conn.close()
	};
}
