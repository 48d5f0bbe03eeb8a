import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { tableToIPC } from 'apache-arrow';
import type { Database } from '../../../../db/client.ts';
import { rootOf } from '../db/scoped.ts';
import { dataVersion } from './data-version.ts';
import { buildExtract, isExtractName, UnknownExtractError } from './build.ts';
import { buildOverview } from './preaggregates.ts';
import { scopeKey, type Scope } from './scope.ts';

export { dataVersion };

/** Bump when an extract's schema or the overview's shape changes: it changes every ETag. */
export const FORMAT_VERSION = '1';

export const ARROW_STREAM = 'application/vnd.apache.arrow.stream';
export const JSON_TYPE = 'application/json';

/** A response body built once and kept in its three encodings. */
export interface Payload {
	etag: string;
	contentType: string;
	dataVersion: string;
	identity: Uint8Array<ArrayBuffer>;
	br: Uint8Array<ArrayBuffer>;
	gzip: Uint8Array<ArrayBuffer>;
}

/** Weak ETag (the bytes differ by Content-Encoding): hash of format, name, scope and version. */
export function etagOf(name: string, scope: Scope, version: string): string {
	const hash = createHash('sha256')
		.update([FORMAT_VERSION, name, scopeKey(scope), version].join('\n'))
		.digest('base64url')
		.slice(0, 27);
	return `W/"${hash}"`;
}

const MAX_ENTRIES = 64;
/** Per database (tests open several), then per key; entries of an older version are dropped. */
const stores = new WeakMap<Database, { version: string; entries: Map<string, Promise<Payload>> }>();

async function cached(
	db: Database,
	name: string,
	scope: Scope,
	build: (version: string) => Promise<{ body: Uint8Array; contentType: string }>
): Promise<Payload> {
	const version = await dataVersion(db);
	let store = stores.get(rootOf(db));
	if (!store || store.version !== version) {
		store = { version, entries: new Map() };
		stores.set(rootOf(db), store);
	}
	const key = `${name}|${scopeKey(scope)}`;
	let entry = store.entries.get(key);
	if (!entry) {
		entry = encode(name, scope, version, build);
		const entries = store.entries;
		entries.set(key, entry);
		entry.catch(() => entries.delete(key));
		const oldest = entries.keys().next().value;
		if (entries.size > MAX_ENTRIES && oldest !== undefined) entries.delete(oldest);
	}
	return entry;
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Brotli at its best quality (11) costs ~3 s per MB: the national facts (≈ 12 MB of Arrow) would
 * keep the first reader after an ETL run waiting ~40 s. Bodies above QUICK_ABOVE bytes are
 * therefore served at quality 5 first (≈ 0.5 s, ~30 % larger) while quality 11 is computed in
 * the background and swapped in; small bodies get quality 11 at once. gzip stays at level 6.
 */
const QUICK_ABOVE = 512 * 1024;

const brotliAt = (body: Uint8Array, quality: number) =>
	brotli(body, {
		params: {
			[constants.BROTLI_PARAM_QUALITY]: quality,
			[constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength
		}
	}).then((b): Uint8Array<ArrayBuffer> => new Uint8Array(b));

async function encode(
	name: string,
	scope: Scope,
	version: string,
	build: (version: string) => Promise<{ body: Uint8Array; contentType: string }>
): Promise<Payload> {
	const { body, contentType } = await build(version);
	return compressPayload(body, {
		contentType,
		etag: etagOf(name, scope, version),
		dataVersion: version
	});
}

/** A body in its three encodings, under the given ETag (weak: the bytes differ by encoding). */
export async function compressPayload(
	body: Uint8Array,
	meta: { contentType: string; etag: string; dataVersion: string }
): Promise<Payload> {
	const large = body.byteLength > QUICK_ABOVE;
	const [br, gz] = await Promise.all([
		brotliAt(body, large ? 5 : constants.BROTLI_MAX_QUALITY),
		gzipAsync(body, { level: 6 })
	]);
	const payload: Payload = {
		...meta,
		identity: new Uint8Array(body),
		br,
		gzip: new Uint8Array(gz)
	};
	if (large) {
		// Same content, smaller bytes: the ETag (weak) and every header stay as they are.
		brotliAt(body, constants.BROTLI_MAX_QUALITY).then(
			(best) => {
				payload.br = best;
			},
			() => {
				/* keep the quality-5 bytes */
			}
		);
	}
	return payload;
}

/** An extract as Arrow IPC stream bytes, cached per (name, scope, data version). */
export async function cachedExtract(db: Database, name: string, scope: Scope): Promise<Payload> {
	if (!isExtractName(name)) throw new UnknownExtractError(name);
	return cached(db, name, scope, async (version) => ({
		body: tableToIPC(await buildExtract(db, name, scope, version), 'stream'),
		contentType: ARROW_STREAM
	}));
}

/** The overview pre-aggregate as JSON bytes, cached like the extracts. */
export async function cachedOverview(db: Database, scope: Scope): Promise<Payload> {
	return cached(db, 'overview', scope, async (version) => ({
		body: new TextEncoder().encode(JSON.stringify(await buildOverview(db, scope, version))),
		contentType: `${JSON_TYPE}; charset=utf-8`
	}));
}
