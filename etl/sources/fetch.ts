import http from 'node:http';
import https from 'node:https';
import { pipeline, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import { checkHost, normaliseHost, pinnedLookup, type Resolver } from './host-guard.ts';
import { failed, formatBytes, RANGE_TH } from './messages.ts';
import { badPort, hasCredentials, withoutPassword } from './url-policy.ts';
import {
	DEFAULT_MAX_BYTES,
	DEFAULT_MAX_REDIRECTS,
	DEFAULT_TIMEOUT_MS,
	type SourceFailure
} from './types.ts';

/**
 * Fetches one document over http(s) with the guards an ETL that downloads what a manifest names
 * needs: only http/https; every host resolved and EVERY address checked before connecting, then
 * the socket pinned to the checked addresses; each redirect hop checked again; one deadline for
 * the whole fetch (DNS, hops, body); a body cap enforced while streaming (after gunzip too).
 * Expected failures are returned, never thrown.
 */

export const USER_AGENT = 'Sujarit-ETL/0.1 (+https://github.com/sujarit)';

export interface FetchOptions {
	/** The whole fetch, redirects and body included. Default 20 s. */
	timeoutMs?: number;
	/** Body cap in bytes, compressed and decompressed. Default 20 MiB. */
	maxBytes?: number;
	/** Default 5: a sixth redirect fails with `too_many_redirects`. */
	maxRedirects?: number;
	/** Lifts the address check (`--allow-private`). */
	allowPrivate?: boolean;
	/** Host names (as the URL writes them, lower case) exempt from the address check. */
	allowHosts?: readonly string[];
	/** DNS; the system resolver unless a test injects one. */
	resolver?: Resolver;
}

export type FetchResult =
	| {
			ok: true;
			url: string;
			finalUrl: string;
			status: number;
			contentType: string | null;
			bytes: Uint8Array;
			/** Every hop after the first, in order. */
			redirects: string[];
	  }
	| { ok: false; failure: SourceFailure };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

interface Ctx {
	origin: string;
	timeoutMs: number;
	maxBytes: number;
	maxRedirects: number;
	options: FetchOptions;
	signal: AbortSignal;
}

export async function fetchDocument(url: string, options: FetchOptions = {}): Promise<FetchResult> {
	const controller = new AbortController();
	const ctx: Ctx = {
		// A refused URL with a password is recorded without it.
		origin: withoutPassword(url),
		timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
		maxRedirects: options.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
		options,
		signal: controller.signal
	};
	const timer = setTimeout(() => controller.abort(), ctx.timeoutMs);
	try {
		return await fetchHops(ctx);
	} finally {
		clearTimeout(timer);
	}
}

function fail(failure: SourceFailure): FetchResult {
	return { ok: false, failure };
}

function timedOut(ctx: Ctx): SourceFailure {
	return failed(ctx.origin, 'timeout', { url: ctx.origin, ms: ctx.timeoutMs });
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | 'aborted'> {
	if (signal.aborted) return Promise.resolve('aborted');
	return new Promise((resolve, reject) => {
		const onAbort = () => resolve('aborted');
		signal.addEventListener('abort', onAbort, { once: true });
		promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
	});
}

async function fetchHops(ctx: Ctx): Promise<FetchResult> {
	const { origin, options } = ctx;
	if (!URL.canParse(origin)) return fail(failed(origin, 'invalid_url', { url: origin }));
	let current = new URL(origin);
	const redirects: string[] = [];
	for (;;) {
		const url = current.href;
		if (current.protocol !== 'http:' && current.protocol !== 'https:') {
			return fail(
				redirects.length === 0
					? failed(origin, 'scheme_refused', { url })
					: failed(origin, 'redirect_scheme_refused', {
							url: redirects.at(-2) ?? origin,
							target: url
						})
			);
		}
		// Before any name is resolved: a password would be stored with the document's provenance
		// (and is never sent: requests carry no Authorization), and a bad port speaks another
		// protocol that a crafted request could reach.
		if (hasCredentials(current)) {
			return fail(failed(origin, 'credentials_refused', { url: withoutPassword(url) }));
		}
		const port = badPort(current);
		if (port !== null) return fail(failed(origin, 'port_refused', { url, port }));
		const host = normaliseHost(current.hostname);
		const allowPrivate = options.allowPrivate === true || (options.allowHosts ?? []).includes(host);
		const guard = await untilAborted(
			checkHost(host, { allowPrivate, resolver: options.resolver }),
			ctx.signal
		);
		if (guard === 'aborted') return fail(timedOut(ctx));
		if (!guard.ok && guard.reason === 'dns_failed') {
			return fail(failed(origin, 'connection_failed', { url, detail: `DNS: ${guard.detail}` }));
		}
		if (!guard.ok) {
			const { address, range } = guard;
			const rangeTh = RANGE_TH[range] ?? range;
			return fail(failed(origin, 'address_refused', { url, address, range, rangeTh }));
		}
		let res: http.IncomingMessage;
		try {
			res = await request(current, host, guard.addresses, ctx.signal);
		} catch (e) {
			if (ctx.signal.aborted) return fail(timedOut(ctx));
			return fail(failed(origin, 'connection_failed', { url, detail: errorDetail(e) }));
		}
		const status = res.statusCode ?? 0;
		const location = res.headers.location;
		if (REDIRECTS.has(status) && location) {
			res.destroy();
			if (!URL.canParse(location, current)) {
				return fail(failed(origin, 'invalid_url', { url: location }));
			}
			current = new URL(location, current);
			redirects.push(current.href);
			if (redirects.length > ctx.maxRedirects) {
				return fail(failed(origin, 'too_many_redirects', { url: origin, limit: ctx.maxRedirects }));
			}
			continue;
		}
		if (status < 200 || status > 299) {
			res.destroy();
			const retryable = status >= 500 || status === 408 || status === 429;
			return fail(failed(origin, 'http_status', { url, status }, retryable));
		}
		const body = await readBody(res, url, ctx);
		if (!(body instanceof Uint8Array)) return fail(body);
		const contentType = res.headers['content-type'] ?? null;
		return { ok: true, url: origin, finalUrl: url, status, contentType, bytes: body, redirects };
	}
}

function errorDetail(e: unknown): string {
	const err = e as NodeJS.ErrnoException;
	return err.code ? `${err.code} ${err.message}` : String(err.message ?? e);
}

function request(
	url: URL,
	host: string,
	addresses: Parameters<typeof pinnedLookup>[0],
	signal: AbortSignal
): Promise<http.IncomingMessage> {
	return new Promise((resolve, reject) => {
		const mod = url.protocol === 'https:' ? https : http;
		const req = mod.request(
			{
				protocol: url.protocol,
				hostname: host,
				port: url.port || undefined,
				path: `${url.pathname}${url.search}`,
				method: 'GET',
				headers: { 'user-agent': USER_AGENT, 'accept-encoding': 'gzip', accept: '*/*' },
				// Connect only to the addresses checked above: no second DNS answer can slip in.
				lookup: pinnedLookup(addresses),
				agent: false,
				signal
			},
			resolve
		);
		req.on('error', reject);
		req.end();
	});
}

async function readBody(
	res: http.IncomingMessage,
	url: string,
	ctx: Ctx
): Promise<Uint8Array | SourceFailure> {
	const { origin, maxBytes } = ctx;
	const tooLarge = () => failed(origin, 'too_large_body', { url, limit: formatBytes(maxBytes) });
	const declared = Number(res.headers['content-length']);
	if (Number.isFinite(declared) && declared > maxBytes) {
		res.destroy();
		return tooLarge();
	}
	const encoding = (res.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
	let stream: Readable = res;
	let rawOverCap = false;
	if (encoding === 'gzip' || encoding === 'x-gzip') {
		// Cap the bytes on the wire too: empty deflate blocks make a huge body that inflates to
		// nothing.
		let raw = 0;
		res.on('data', (chunk: Buffer) => {
			raw += chunk.length;
			if (raw > maxBytes && !rawOverCap) {
				rawOverCap = true;
				res.destroy();
			}
		});
		stream = pipeline(res, zlib.createGunzip(), () => {});
	} else if (encoding !== 'identity' && encoding !== '') {
		res.destroy();
		return failed(origin, 'decode_failed', { url, detail: `content-encoding ${encoding}` });
	}
	const chunks: Buffer[] = [];
	let size = 0;
	try {
		for await (const chunk of stream as AsyncIterable<Buffer>) {
			size += chunk.length;
			if (size > maxBytes) {
				res.destroy();
				return tooLarge();
			}
			chunks.push(chunk);
		}
	} catch (e) {
		if (rawOverCap) return tooLarge();
		if (ctx.signal.aborted) return timedOut(ctx);
		const code = (e as NodeJS.ErrnoException).code ?? '';
		if (code.startsWith('Z_')) {
			return failed(origin, 'decode_failed', { url, detail: errorDetail(e) });
		}
		return failed(origin, 'connection_lost', { url, detail: errorDetail(e) });
	}
	if (rawOverCap) return tooLarge();
	return new Uint8Array(Buffer.concat(chunks, size));
}
