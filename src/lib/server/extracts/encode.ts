import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export const ARROW_STREAM = 'application/vnd.apache.arrow.stream';
export const JSON_TYPE = 'application/json';

/** A response body built once, with the encodings it is served in. */
export interface Payload {
	etag: string;
	contentType: string;
	dataVersion: string;
	identity: Uint8Array<ArrayBuffer>;
	/** Brotli: quality 5 at first for large bodies, swapped for 11 once that is computed. */
	br: Uint8Array<ArrayBuffer>;
	/** Gzip, made on first demand: every browser we serve asks for brotli. */
	gzip(): Promise<Uint8Array<ArrayBuffer>>;
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const brotliAt = (body: Uint8Array, quality: number) =>
	brotli(body, {
		params: {
			[constants.BROTLI_PARAM_QUALITY]: quality,
			[constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength
		}
	}).then((b): Uint8Array<ArrayBuffer> => new Uint8Array(b));

/**
 * Brotli at its best quality (11) costs ~2 s per MB of Arrow here (facts_plan, 21.7 MB: 45 s;
 * quality 10 is not much cheaper: 18 s): the first reader after an ETL run cannot wait for it.
 * Bodies above QUICK_ABOVE bytes are served at quality 5 first (facts_plan: 0.7 s, 1.27 MB
 * instead of 0.91 MB) while quality 11 is computed in the background and swapped in; small
 * bodies get quality 11 at once.
 */
export const QUICK_ABOVE = 512 * 1024;

/**
 * The background upgrades run one at a time: each keeps a core busy for up to a minute, and on a
 * small server several at once (the national facts, the cube and dim_document after every ETL
 * run) would take every core from the readers for minutes.
 */
let upgrades: Promise<unknown> = Promise.resolve();

export async function encode(
	body: Uint8Array,
	meta: Pick<Payload, 'etag' | 'contentType' | 'dataVersion'>
): Promise<Payload> {
	const large = body.byteLength > QUICK_ABOVE;
	const identity = new Uint8Array(body);
	let gz: Promise<Uint8Array<ArrayBuffer>> | null = null;
	const payload: Payload = {
		...meta,
		identity,
		br: await brotliAt(body, large ? 5 : constants.BROTLI_MAX_QUALITY),
		gzip: () =>
			(gz ??= gzipAsync(identity, { level: 6 }).then(
				(b): Uint8Array<ArrayBuffer> => new Uint8Array(b)
			))
	};
	if (large) {
		// Same content, smaller bytes: the ETag (weak) and every header stay as they are.
		upgrades = upgrades.then(() =>
			brotliAt(identity, constants.BROTLI_MAX_QUALITY).then(
				(best) => {
					payload.br = best;
				},
				() => {
					/* keep the quality-5 bytes */
				}
			)
		);
	}
	return payload;
}
