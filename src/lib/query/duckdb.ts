/**
 * DuckDB-WASM, loaded once per page and only when asked: import this module with `import()`
 * from an event or effect, never at the top of a page, so that ~35 MB of wasm stays off the path
 * to the first paint.
 *
 * Self-hosted: Vite's `?url` copies the wasm and the worker scripts out of node_modules into
 * /_app/immutable/assets/ (content-hashed, so cached for good); no CDN, and the engine is told not
 * to fetch extensions (it would ask extensions.duckdb.org). The worker is started from its own
 * same-origin URL rather than a blob:, so a CSP needs `worker-src 'self'` and, for the wasm,
 * `script-src 'wasm-unsafe-eval'`.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { QueryError } from './query-error.ts';

/** Absolute URLs: the worker resolves the wasm URL against its own location, not the page's. */
const absolute = (url: string) => new URL(url, globalThis.location?.href).href;

/** The bundles we ship. No `coi` (threads): it needs a cross-origin isolated page. */
export const BUNDLES: duckdb.DuckDBBundles = {
	mvp: { mainModule: absolute(mvpWasm), mainWorker: absolute(mvpWorker) },
	eh: { mainModule: absolute(ehWasm), mainWorker: absolute(ehWorker) }
};

/** What the last instantiation took and chose, for diagnostics (/dev/duckdb, the e2e test). */
export interface EngineInfo {
	bundle: 'mvp' | 'eh';
	mainModule: string;
	mainWorker: string;
	version: string;
	instantiateMs: number;
}

/** performance.measure() name of the instantiation (bench/dashboard.ts reads it). */
export const INSTANTIATE_MEASURE = 'sujarit:duckdb-instantiate';

let engine: Promise<{ db: duckdb.AsyncDuckDB; info: EngineInfo }> | null = null;

async function start(): Promise<{ db: duckdb.AsyncDuckDB; info: EngineInfo }> {
	const t0 = performance.now();
	const bundle = await duckdb.selectBundle(BUNDLES);
	if (!bundle.mainWorker) throw new QueryError('engine_failed', { message: 'no worker bundle' });
	const worker = new Worker(bundle.mainWorker);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	try {
		await db.instantiate(bundle.mainModule);
		await db.open({ query: { castBigIntToDouble: false } });
		const conn = await db.connect();
		try {
			// DuckDBConfig has no field for these (1.32.0): they are SQL settings. Verified on
			// 1.4.3 that autoinstall starts false in WASM and autoload starts true.
			await conn.query('set global autoinstall_known_extensions = false');
			await conn.query('set global autoload_known_extensions = false');
		} finally {
			await conn.close();
		}
		const version = await db.getVersion();
		const info: EngineInfo = {
			bundle: bundle.mainModule === BUNDLES.eh?.mainModule ? 'eh' : 'mvp',
			mainModule: bundle.mainModule,
			mainWorker: bundle.mainWorker,
			version,
			instantiateMs: Math.round(performance.now() - t0)
		};
		performance.measure(INSTANTIATE_MEASURE, { start: t0 });
		return { db, info };
	} catch (cause) {
		worker.terminate();
		throw new QueryError('engine_failed', {}, { cause });
	}
}

/** The page's one DuckDB-WASM; a failed start is forgotten so that a retry starts again. */
function engineOnce() {
	engine ??= start().catch((error: unknown) => {
		engine = null;
		throw error;
	});
	return engine;
}

export async function getDuckDB(): Promise<duckdb.AsyncDuckDB> {
	return (await engineOnce()).db;
}

export async function engineInfo(): Promise<EngineInfo> {
	return (await engineOnce()).info;
}
