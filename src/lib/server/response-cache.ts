/**
 * Drawn pages kept per viewer, address, preferences and data version, so that a page read again
 * is not drawn again. Drawing a page (server-side rendering, its data serialised, its ETag) costs
 * the server's one core 10–70 ms (bench/probe: /overview 12–18 ms, /lists 20–36, /lao/[code] up
 * to 72 for 356 KB); under the load campaign (bench/load.ts) pages were 40 % of requests and most
 * of the CPU, and everything else waited behind them.
 *
 * What a kept page depends on, and so what its key holds:
 * - the viewer: account id, name, role, provinces and an admin's view-as (the header shows the
 *   name; the scope follows from the rest). Anonymous readers never reach a kept route;
 * - the request as sent: path and query of the raw URL (a client navigation's `__data.json` and
 *   its `x-sveltekit-invalidated` are part of it), and whether it is HTML or data;
 * - the lang and digits cookies (the layout reads them);
 * - the scope's data version, read before drawing (extracts/cache.ts, at most 1 s old: what every
 *   other cache of the facts already allows).
 * Only routes whose pages depend on nothing else are kept (KEPT_ROUTES: no clock, no users table,
 * no releases). Only a 200 without Set-Cookie is kept, and a request that changes a cookie (a
 * renewed session, ?lang=) is drawn as before. The CSP is in hash mode (svelte.config.js), so a
 * page carries no per-request nonce. Hits still pass through every hook before this one (session,
 * access rules) and the headers after it; SvelteKit still answers a matching If-None-Match 304.
 *
 * Bounded by bytes (least recently used first out): SUJARIT_RESPONSE_CACHE_MB, 96 by default;
 * 0 turns it off.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { effectiveRole } from './access/viewer.ts';
import { scopeFor, scopeKey } from './extracts/scope.ts';

/** Routes whose pages depend only on the viewer, the request, the preferences and the data. */
export const KEPT_ROUTES: ReadonlySet<string> = new Set([
	'/(app)/overview',
	'/(app)/lists',
	'/(app)/lao/[code]',
	'/(app)/documents',
	'/(app)/documents/[id]',
	'/(app)/risk'
]);

export interface KeptResponse {
	status: number;
	headers: [string, string][];
	body: Uint8Array<ArrayBuffer>;
}

/** A least-recently-used map bounded by the bytes of its bodies. */
export class ResponseCache {
	private readonly entries = new Map<string, KeptResponse>();
	private size = 0;
	hits = 0;
	misses = 0;

	constructor(readonly maxBytes: number) {}

	get bytes(): number {
		return this.size;
	}

	get count(): number {
		return this.entries.size;
	}

	get(key: string): KeptResponse | undefined {
		const kept = this.entries.get(key);
		if (!kept) {
			this.misses++;
			return undefined;
		}
		this.hits++;
		this.entries.delete(key);
		this.entries.set(key, kept);
		return kept;
	}

	set(key: string, kept: KeptResponse): void {
		const cost = costOf(key, kept);
		if (cost > this.maxBytes / 2) return;
		const old = this.entries.get(key);
		if (old) {
			this.size -= costOf(key, old);
			this.entries.delete(key);
		}
		this.entries.set(key, kept);
		this.size += cost;
		for (const [k, v] of this.entries) {
			if (this.size <= this.maxBytes) break;
			this.entries.delete(k);
			this.size -= costOf(k, v);
		}
	}

	clear(): void {
		this.entries.clear();
		this.size = 0;
	}
}

const costOf = (key: string, kept: KeptResponse) =>
	kept.body.byteLength +
	key.length * 2 +
	kept.headers.reduce((n, [k, v]) => n + k.length + v.length, 64);

/** Whether a response may be kept: a whole 200 that sets no cookie. */
export function keepable(response: Response): boolean {
	return (
		response.status === 200 &&
		!response.headers.has('set-cookie') &&
		!(response.headers.get('content-type') ?? '').startsWith('text/event-stream')
	);
}

/** Reads a response once into what is kept, and a fresh Response for the caller. */
export async function keep(response: Response): Promise<KeptResponse> {
	const body = new Uint8Array(await response.arrayBuffer());
	return { status: response.status, headers: [...response.headers], body };
}

export const answer = (kept: KeptResponse): Response =>
	new Response(kept.body, { status: kept.status, headers: kept.headers });

/**
 * The public pages of releases, kept for readers without an account (journalists, the public):
 * they depend on the published releases (immutable; a new one raises the latest version), the
 * request and the preferences, and on nothing about the reader. A signed-in reader's public page
 * names the account in its header and is drawn.
 */
export const PUBLIC_KEPT_ROUTES: ReadonlySet<string> = new Set([
	'/',
	'/(public)/releases',
	'/(public)/releases/[version]'
]);

/**
 * Which version a kept request's key needs: 'scope' (an account on a data page: the scope's data
 * version), 'releases' (the public on a release page: the latest published release), or null
 * when the route is not kept for this reader.
 */
export function keptBy(event: KeyEvent): 'scope' | 'releases' | null {
	const route = event.route.id;
	if (responses.maxBytes <= 0 || route === null) return null;
	if (event.locals.viewer.kind === 'account') return KEPT_ROUTES.has(route) ? 'scope' : null;
	return PUBLIC_KEPT_ROUTES.has(route) ? 'releases' : null;
}

/** Whether `event` asks for a kept route as an account (the data version is then worth reading). */
export const isKept = (event: KeyEvent): boolean => keptBy(event) === 'scope';

/**
 * The key of a request's page, or null when it must be drawn (a route not kept for this reader,
 * a cookie being set by this request, a preference in the query). `version` is what keptBy
 * names: the scope's data version, or the latest release's.
 */
export type KeyEvent = Pick<RequestEvent, 'request' | 'route' | 'locals' | 'cookies' | 'url'>;

export function keyOf(event: KeyEvent, kind: 'page' | 'data', version: string): string | null {
	const by = keptBy(event);
	if (by === null || event.locals.sessionRenewed) return null;
	if (event.url.searchParams.has('lang') || event.url.searchParams.has('digits')) return null;
	const viewer = event.locals.viewer;
	const raw = new URL(event.request.url);
	const prefs = `${event.cookies.get('lang') ?? ''}|${event.cookies.get('digits') ?? ''}`;
	const where = `${prefs}|${raw.pathname}${raw.search}`;
	if (viewer.kind !== 'account') return `${kind}|releases:${version}|public|${where}`;
	const { account, viewAs } = viewer;
	const who = JSON.stringify([
		account.id,
		account.username,
		account.displayName,
		account.role,
		account.provinces,
		viewAs,
		effectiveRole(viewer)
	]);
	return `${kind}|${version}|${scopeKey(scopeFor(event.locals))}|${who}|${where}`;
}

const MAX_MB = Number(process.env.SUJARIT_RESPONSE_CACHE_MB ?? 96);
export const responses = new ResponseCache(
	Number.isFinite(MAX_MB) && MAX_MB > 0 ? MAX_MB * 1024 * 1024 : 0
);
