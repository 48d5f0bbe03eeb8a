/**
 * One probe: a principal sends one request; the body is decoded and searched for canaries, and
 * the answer is held against six oracles: (1) no canary of a province outside the principal's
 * scope, none at all without a scope; (2) the route table (ROUTE_ACCESS) refuses exactly whom it
 * should, and nothing answers 5xx; (3) a scoped extract or list carries row keys (province, LAO,
 * document) of its scope only; (4) totals served as data add up to the scope's documents
 * (figures.ts); (5) a scoped answer is no-store; (6) no redirect leaves the site. A probe returns its failures (never throws for them), so that the
 * matrix reports all of them and fast-check can shrink one.
 */
import { ROUTE_ACCESS, type Access } from '../../../src/lib/server/access/routes.ts';
import { sessionToken } from '../accounts.ts';
import { findCanaries, maySee, type Scope } from './canaries.ts';
import { decodeBody } from './decode.ts';
import { figureFailures } from './figures.ts';
import { pageDataFailures } from './page-data.ts';
import { outOfScope, type RowKeys } from './scope-keys.ts';
import { ownScope, type Principal } from './principals.ts';
import type { SeededDocument } from './seed.ts';
import type { Stats } from './stats.ts';

export interface ProbeRequest {
	/** SvelteKit route id. */
	route: string;
	kind: 'page' | 'data' | 'action' | 'endpoint';
	method: 'GET' | 'POST';
	/** Path and query. */
	url: string;
	body?: URLSearchParams;
	/** 'html' (a browser's navigation or plain form post) or 'json' (an enhanced form, a script). */
	accept: 'html' | 'json';
	/** Ends or changes the session it is sent with: sent with a fresh session of the account. */
	throwaway?: boolean;
}

export interface ProbeContext {
	baseUrl: string;
	documents: SeededDocument[];
	stats: Stats;
}

export interface ProbeResult {
	status: number;
	failures: string[];
}

const ACCEPT = { html: 'text/html,application/xhtml+xml', json: 'application/json' };

function allowed(p: Principal, access: Access): boolean {
	if (access === 'public') return true;
	if (access === 'admin') return p.ownRole === 'admin';
	if (p.scope.kind === 'none') return false;
	if (access === 'national') return p.effectiveRole === 'admin' || p.effectiveRole === 'analyst';
	return true;
}

/** A Location that stays on the site: a path (not //host or /\\host), or the site's own URL. */
function sameSite(location: string, baseUrl: string): boolean {
	if (/^\/(?![/\\])/.test(location)) return true;
	try {
		return new URL(location).origin === new URL(baseUrl).origin;
	} catch {
		return false;
	}
}

/** The row keys of a scoped extract or list endpoint (dim_province lists every province). */
function endpointKeyFailures(
	request: ProbeRequest,
	scope: Scope,
	keys: RowKeys,
	documents: SeededDocument[]
): string[] {
	const path = request.url.split('?')[0]!;
	const rowLevel =
		(request.route === '/api/extracts/[name]' && !path.endsWith('/dim_province')) ||
		request.route === '/api/lists/[name]';
	return rowLevel ? outOfScope(scope, keys, documents) : [];
}

/** Sends one request as one principal and checks the answer. */
export async function runProbe(
	ctx: ProbeContext,
	principal: Principal,
	request: ProbeRequest
): Promise<ProbeResult> {
	// A logout or a view-as change must not end or change the principal's own session: it is
	// sent with a fresh session of the same account, whose scope is the account's own.
	let token = principal.token;
	let scope = principal.scope;
	let who = principal;
	// (Only an admin's view-as would change anything: anyone else is refused before the action.)
	const changes = request.route !== '/(app)/admin/view-as' || principal.ownRole === 'admin';
	if (request.throwaway && principal.username && changes) {
		token = await sessionToken(ctx.baseUrl, principal.username);
		scope = ownScope(principal);
		who = { ...principal, token, scope, effectiveRole: principal.ownRole ?? 'public' };
	}
	const headers: Record<string, string> = { accept: ACCEPT[request.accept] };
	if (token) headers.cookie = `sujarit_session=${token}`;
	if (request.method === 'POST') {
		headers.origin = ctx.baseUrl;
		headers['content-type'] = 'application/x-www-form-urlencoded';
	}
	const res = await fetch(`${ctx.baseUrl}${request.url}`, {
		method: request.method,
		redirect: 'manual',
		headers,
		body: request.body
	});
	const body = new Uint8Array(await res.arrayBuffer());
	const label = `${principal.name} ${request.method} ${request.url} (${request.accept})`;
	const failures: string[] = [];
	let decoded;
	try {
		decoded = decodeBody(res.headers.get('content-type') ?? '', body);
	} catch (e) {
		failures.push(`${label} → ${res.status}: body does not decode: ${(e as Error).message}`);
		ctx.stats.record(principal.name, request, res.status, 'text', body.byteLength, []);
		return { status: res.status, failures };
	}

	// (1) canaries
	const seen = decoded.texts.flatMap(findCanaries);
	const leaked = [...new Set(seen.filter((c) => !maySee(scope, c.province)).map((c) => c.token))];
	if (leaked.length) failures.push(`${label} → ${res.status}: LEAK ${leaked.join(', ')}`);

	// (2) the route table, and no server error
	const access = ROUTE_ACCESS[request.route];
	const location = res.headers.get('location') ?? '';
	const refused =
		res.status === 401 ||
		res.status === 403 ||
		(res.status === 303 && location.startsWith('/login?next='));
	if (!access) failures.push(`${label}: route ${request.route} is not in ROUTE_ACCESS`);
	else if (allowed(who, access) === refused) {
		failures.push(
			`${label} → ${res.status} ${location}: ${access} route ${refused ? 'refused' : 'served'}`
		);
	}
	if (res.status >= 500) failures.push(`${label} → ${res.status}: server error`);

	// (5) what a scoped answer tells caches, (6) where a redirect goes
	const cacheControl = res.headers.get('cache-control') ?? '';
	if (res.status === 200 && access && access !== 'public' && cacheControl !== 'no-store') {
		failures.push(`${label} → 200 with cache-control "${cacheControl}", not no-store`);
	}
	if (
		res.status === 200 &&
		access === 'public' &&
		(request.kind === 'page' || request.kind === 'data') &&
		who.username &&
		!/no-store|private/.test(cacheControl)
	) {
		// A public page drawn for an account carries that account's name and role (the layout's
		// viewer): a shared cache must not keep it (RFC 9111 §4.2.2 would allow a heuristic
		// freshness when nothing is said).
		failures.push(`${label} → 200 for an account with cache-control "${cacheControl}"`);
	}
	if (location && !sameSite(location, ctx.baseUrl)) {
		failures.push(`${label} → ${res.status}: redirect off the site to ${location}`);
	}

	// (3) row keys of scoped extracts, lists and page data, (4) totals
	if (res.status === 200) {
		const path = request.url.split('?')[0]!;
		for (const f of [
			...endpointKeyFailures(request, scope, decoded.keys, ctx.documents),
			...figureFailures(request.route, path, decoded, scope, ctx.documents),
			...pageDataFailures(request, decoded.pageData, scope, ctx.documents)
		]) {
			failures.push(`${label}: ${f}`);
		}
	}
	ctx.stats.record(
		principal.name,
		request,
		res.status,
		decoded.kind,
		decoded.bytes,
		seen.map((c) => c.token)
	);
	return { status: res.status, failures };
}
