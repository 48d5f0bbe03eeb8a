import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { ExtractName } from './codes.ts';
import { QueryError } from './query-error.ts';
import { plainRows, type Row } from './rows.ts';
import { ident } from './sql.ts';

/** An extract loaded as a table: how many rows and bytes, and how long it took. */
export interface LoadedExtract {
	/** The table it became (an ExtractName for /api/extracts, a release's for its page). */
	name: string;
	rows: number;
	bytes: number;
	ms: number;
	/** The server's data version (X-Data-Version), to tell whether a reload changed anything. */
	dataVersion: string | null;
}

/**
 * The one door to the query engine (Mosaic's Connector): the dashboard asks for extracts and
 * rows, never for DuckDB. Another engine (a REST endpoint, Node DuckDB in tests) fits behind it.
 */
export interface Connector {
	/** Fetches /api/extracts/<name> and (re)creates the table `<name>` from it. */
	loadExtract(name: ExtractName): Promise<LoadedExtract>;
	/** Fetches Arrow IPC from `path` (same site) and (re)creates the table `<name>` from it. */
	loadTable(name: string, path: string): Promise<LoadedExtract>;
	/** Runs one statement; rows as plain objects (BIGINT → number where exact). */
	query<T extends object = Row>(sql: string): Promise<T[]>;
	close(): Promise<void>;
}

export interface WasmConnectorOptions {
	/** Where /api lives; the page's origin by default. */
	base?: string;
	fetch?: typeof fetch;
}

/**
 * A Connector over DuckDB-WASM. `db` may still be instantiating: extracts are fetched at once and
 * wait for the engine only to be inserted, so the download overlaps the wasm's start. Extracts are
 * fetched with the browser's HTTP cache in its default
 * mode: the server answers `Cache-Control: private, no-cache` with an ETag, so a reload sends
 * If-None-Match and a 304 reuses the cached bytes.
 */
export function wasmConnector(
	db: AsyncDuckDB | Promise<AsyncDuckDB>,
	options: WasmConnectorOptions = {}
): Connector {
	const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
	let conn: Promise<AsyncDuckDBConnection> | null = null;
	const connection = () => (conn ??= Promise.resolve(db).then((d) => d.connect()));

	async function run<T extends object>(sql: string): Promise<T[]> {
		try {
			return plainRows<T>(await (await connection()).query(sql));
		} catch (cause) {
			throw new QueryError('query_failed', { sql }, { cause });
		}
	}

	async function loadTable(name: string, path: string): Promise<LoadedExtract> {
		const t0 = performance.now();
		const url = new URL(path, options.base ?? location.href);
		let bytes: Uint8Array;
		let dataVersion: string | null;
		try {
			const response = await doFetch(url);
			if (!response.ok) throw new Error(`HTTP ${response.status} for ${url.pathname}`);
			dataVersion = response.headers.get('x-data-version');
			bytes = new Uint8Array(await response.arrayBuffer());
		} catch (cause) {
			throw new QueryError('fetch_failed', { extract: name }, { cause });
		}
		const size = bytes.byteLength;
		performance.measure(`sujarit:fetch:${name}`, { start: t0 });
		const c = await connection();
		const drop = `drop table if exists ${ident(name)}`;
		const t1 = performance.now();
		try {
			await c.query(drop);
			// The buffer is transferred to the worker: `bytes` is unusable afterwards.
			await c.insertArrowFromIPCStream(bytes, { name, create: true });
		} catch (cause) {
			throw new QueryError('load_failed', { extract: name, sql: drop }, { cause });
		}
		const [count] = await run<{ n: number }>(`select count(*) as n from ${ident(name)}`);
		// For bench/dashboard.ts: the download, then DuckDB's own part (from the engine ready).
		performance.measure(`sujarit:insert:${name}`, { start: t1 });
		return {
			name,
			rows: count?.n ?? 0,
			bytes: size,
			ms: Math.round(performance.now() - t0),
			dataVersion
		};
	}

	return {
		loadExtract: (name) => loadTable(name, `/api/extracts/${encodeURIComponent(name)}`),
		loadTable,
		query: run,
		async close() {
			if (conn) await (await conn).close();
			conn = null;
		}
	};
}
