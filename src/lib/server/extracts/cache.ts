import { createHash } from 'node:crypto';
import { tableToIPC } from 'apache-arrow';
import type { Database } from '../../../../db/client.ts';
import { rootOf } from '../db/scoped.ts';
import { dataVersion } from './data-version.ts';
import { buildExtract, isExtractName, UnknownExtractError } from './build.ts';
import { ARROW_STREAM, encode, JSON_TYPE, type Payload } from './encode.ts';
import { buildOverview } from './preaggregates.ts';
import { keep, RefreshedByKey } from '../kept-reads.ts';
import { scopeKey, type Scope } from './scope.ts';

export { ARROW_STREAM, JSON_TYPE, type Payload } from './encode.ts';
export { dataVersion };

/** Bump when an extract's schema or the overview's shape changes: it changes every ETag. */
export const FORMAT_VERSION = '1';

/** Weak ETag (the bytes differ by Content-Encoding): hash of format, name, scope and version. */
export function etagOf(name: string, scope: Scope, version: string): string {
	const hash = createHash('sha256')
		.update([FORMAT_VERSION, name, scopeKey(scope), version].join('\n'))
		.digest('base64url')
		.slice(0, 27);
	return `W/"${hash}"`;
}

/** What one scope has cached for one data version: encoded bodies, and computed values. */
interface Store {
	version: string;
	payloads: Map<string, Promise<Payload>>;
	values: Map<string, Promise<unknown>>;
	/** Larger values (a risk ranking, a view's rendered charts), each kind with its own bound. */
	buckets: Map<string, Map<string, Promise<unknown>>>;
}

/** A kind of larger value and how many of it one scope keeps (most recently used). */
export interface Bucket {
	name: string;
	max: number;
}

/** Bodies per scope (the extracts and the overview: 7), values (one per view asked: figures). */
const MAX_PAYLOADS = 16;
const MAX_VALUES = 256;
/** Scopes kept at once: national, and the province sets of the users seen lately. */
const MAX_SCOPES = 32;

/**
 * Per database (tests open several), then per scope, each with its own data version (scopes may
 * see different versions: see dataVersion); a scope's entries of an older version are dropped.
 */
const stores = new WeakMap<object, Map<string, Store>>();

/** The scope's store for the version the database gives now, kept under `root`. */
async function storeFor(db: Database, scope: Scope, root: object = rootOf(db)): Promise<Store> {
	return storeAt(root, scope, await dataVersion(db, scope));
}

/** The scope's store for `version` (a new, empty one when the version moved). */
function storeAt(root: object, scope: Scope, version: string): Store {
	let byScope = stores.get(root);
	if (!byScope) {
		byScope = new Map();
		stores.set(root, byScope);
	}
	const key = scopeKey(scope);
	let store = byScope.get(key);
	if (!store || store.version !== version) {
		store = { version, payloads: new Map(), values: new Map(), buckets: new Map() };
	}
	// Most recently used last: the first key is the one to evict.
	byScope.delete(key);
	byScope.set(key, store);
	const oldest = byScope.keys().next().value;
	if (byScope.size > MAX_SCOPES && oldest !== undefined) byScope.delete(oldest);
	return store;
}

/**
 * How cached values reach the database: `fn` in a transaction of the scope, one per use. The
 * routes' runner (db/index.ts `readerOf`) names the app's database as its `source`: the data
 * version it reads is then kept VERSION_TTL_MS for every request of the scope, so that a cached
 * extract, list page or figure costs no round trip at all. Tests pass `direct(db)`, which has
 * no source and reads the version every time.
 */
export type Runner = (<T>(fn: (db: Database) => Promise<T>) => Promise<T>) & {
	readonly source?: object;
	/**
	 * The scope's data version read in one round trip on the app's quick lane (db/index.ts
	 * quickRead), so that it never queues behind page queries; null where there is none (PGlite):
	 * the version is then read through the runner.
	 */
	readonly quickVersion?: (scope: Scope) => Promise<string | null>;
};

/** `fn(db)` in the caller's own transaction (tests, the ETL's checks). */
export const direct =
	(db: Database): Runner =>
	(fn) =>
		fn(db);

/**
 * How long a scope's data version, once read, stands for the requests that follow. A run that
 * finishes is seen at most this much later; readers of one scope in that second share one read.
 */
export const VERSION_TTL_MS = 1_000;
/**
 * From this age on, a kept version still stands and is read again in the background: readers
 * of a busy scope never wait for the read, and none uses a version read more than
 * VERSION_TTL_MS before. Only the first reader after a quiet second waits.
 */
export const VERSION_REFRESH_AFTER_MS = VERSION_TTL_MS / 2;

/** Per source (the app's database): each scope's store, Refreshed from VERSION_REFRESH_AFTER_MS on. */
const recent = new WeakMap<object, RefreshedByKey<Store>>();

/** The scope's store for the current data version, asked of the database at most once a second. */
function storeOf(run: Runner, scope: Scope): Promise<Store> {
	const source = run.source;
	if (!source) return run((db) => storeFor(db, scope));
	let byScope = recent.get(source);
	if (!byScope) {
		byScope = new RefreshedByKey<Store>(VERSION_TTL_MS, MAX_SCOPES);
		recent.set(source, byScope);
	}
	return byScope.get(scopeKey(scope), async () => {
		const version = run.quickVersion ? await run.quickVersion(scope) : null;
		if (version !== null) return storeAt(source, scope, version);
		return run((db) => storeFor(db, scope, source));
	});
}

/** The scope's current data version (read at most once a second per scope, as the caches do). */
export async function versionOf(run: Runner, scope: Scope): Promise<string> {
	return (await storeOf(run, scope)).version;
}

function valuesOf(store: Store, bucket?: Bucket): [Map<string, Promise<unknown>>, number] {
	if (!bucket) return [store.values, MAX_VALUES];
	let values = store.buckets.get(bucket.name);
	if (!values) {
		values = new Map();
		store.buckets.set(bucket.name, values);
	}
	return [values, bucket.max];
}

/**
 * A value computed once per (scope, data version, key), e.g. the overview's figures for one view.
 * Concurrent callers share one computation; a failed one is forgotten so that the next retries.
 * A value much larger than a view's figures goes in a `bucket` of its own, bounded apart.
 *
 * The data version is read in a transaction of its own, and `compute` opens one (through `run`)
 * only if it needs the database, so that a reader waiting for a value another reader is
 * computing holds no connection. Computed inside the caller's transaction, every waiter held
 * its own: readers opening a cold /risk or list held the pool's ten connections for the seconds
 * of one computation, and every other request queued behind them (bench/load.ts).
 */
export async function memoize<T>(
	run: Runner,
	scope: Scope,
	key: string,
	compute: (version: string) => Promise<T>,
	bucket?: Bucket
): Promise<T> {
	const store = await storeOf(run, scope);
	const [values, max] = valuesOf(store, bucket);
	return keep(values, key, max, () => compute(store.version)) as Promise<T>;
}

async function cached(
	run: Runner,
	name: string,
	scope: Scope,
	build: (db: Database, version: string) => Promise<{ body: Uint8Array; contentType: string }>
): Promise<Payload> {
	const store = await storeOf(run, scope);
	return keep(store.payloads, name, MAX_PAYLOADS, async () => {
		const { body, contentType } = await run((db) => build(db, store.version));
		return encode(body, {
			etag: etagOf(name, scope, store.version),
			contentType,
			dataVersion: store.version
		});
	});
}

/** What a scope has cached for the current data version (tests, diagnostics). */
export async function cachedKeys(
	run: Runner,
	scope: Scope
): Promise<{ payloads: string[]; values: string[] }> {
	const store = await storeOf(run, scope);
	return { payloads: [...store.payloads.keys()], values: [...store.values.keys()] };
}

/** An extract as Arrow IPC stream bytes, cached per (name, scope, data version). */
export async function cachedExtract(run: Runner, name: string, scope: Scope): Promise<Payload> {
	if (!isExtractName(name)) throw new UnknownExtractError(name);
	return cached(run, name, scope, async (db, version) => ({
		body: tableToIPC(await buildExtract(db, name, scope, version), 'stream'),
		contentType: ARROW_STREAM
	}));
}

/** The overview pre-aggregate as JSON bytes, cached like the extracts. */
export async function cachedOverview(run: Runner, scope: Scope): Promise<Payload> {
	return cached(run, 'overview', scope, async (db, version) => ({
		body: new TextEncoder().encode(JSON.stringify(await buildOverview(db, scope, version))),
		contentType: `${JSON_TYPE}; charset=utf-8`
	}));
}
