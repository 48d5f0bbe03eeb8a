import { json, type Handle, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import * as access from '$lib/server/access';
import * as auth from '$lib/server/auth';
import { checkDatabaseSettings, closeDatabase, readerOf } from '$lib/server/db';
import { scopeFor, versionOf } from '$lib/server/extracts';
import { inPageLane, isPageRequest } from '$lib/server/page-lane';
import { latestVersion } from '$lib/server/releases/latest-version';
import { warmLatestRelease } from '$lib/server/releases/page';
import { answer, keep, keepable, keptBy, keyOf, responses } from '$lib/server/response-cache';
import { checkSession } from '$lib/server/session-check';
import { serverTimingHeader, serverTimingOn, timed } from '$lib/server/server-timing';
import { spliceSvgs } from '$lib/server/svg-splice';
import { svgThread } from '$lib/server/charts/svg-worker';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cross-site writes are refused before anything else runs. SvelteKit's own origin check
 * (csrf.checkOrigin, on by default) covers form content types only; this covers every mutating
 * request, whatever its Content-Type, and a missing Origin header. JSON endpoints also refuse
 * other content types, so a cross-site form can never reach them as a "simple" request.
 */
const sameOrigin: Handle = async ({ event, resolve }) => {
	const { request, url } = event;
	if (!MUTATING.has(request.method)) return resolve(event);
	const origin = request.headers.get('origin');
	if (origin !== url.origin) {
		return json(
			{ error: 'cross-site request refused / ปฏิเสธคำขอจากต่างเว็บไซต์', code: 'cross_origin' },
			{ status: 403 }
		);
	}
	if (url.pathname.startsWith('/api/')) {
		const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
		if (type !== 'application/json') {
			return json(
				{ error: 'expected application/json / ต้องเป็น application/json', code: 'content_type' },
				{ status: 415 }
			);
		}
	}
	// A write may end or change sessions (sign-out, the admin pages, view-as): remembered
	// sessions are asked again, from before it runs and from after it (auth/session-cache.ts).
	// A sign-in only adds one.
	if (!auth.writeMayChangeSessions(event.route.id)) return resolve(event);
	auth.forgetSessions();
	try {
		return await resolve(event);
	} finally {
		auth.forgetSessions();
	}
};

/** The session cookie → the viewer; a renewed session gets a fresh cookie, a dead one loses it. */
const authenticate: Handle = async ({ event, resolve }) => {
	event.locals.viewer = access.ANONYMOUS;
	event.locals.scope = null;
	const token = event.cookies.get(auth.SESSION_COOKIE);
	if (token) {
		const now = new Date();
		const found = auth.isWellFormedToken(token)
			? await timed(event.locals.timings, 'auth', () =>
					auth.validateRemembered(token, now, () => checkSession(token, now))
				)
			: null;
		if (found) {
			event.locals.viewer = {
				kind: 'account',
				account: found.account,
				sessionId: found.session.id,
				viewAs: found.account.role === 'admin' ? found.session.viewAs : null
			};
			if (found.renewed) {
				event.locals.sessionRenewed = true;
				event.cookies.set(
					auth.SESSION_COOKIE,
					token,
					auth.sessionCookieOptions(event.url, found.session.expiresAt)
				);
			}
		} else {
			event.cookies.delete(auth.SESSION_COOKIE, { path: '/' });
		}
	}
	event.locals.scope = access.scopeOf(event.locals.viewer);
	return resolve(event);
};

/**
 * The route table decides before any load, action or endpoint runs. A page asks an anonymous
 * reader to sign in (303 to /login?next=…); an endpoint or a data request answers 401/403 JSON.
 */
const authorize: Handle = async ({ event, resolve }) => {
	const decision = access.authorize(event.locals.viewer, event.route.id);
	if (!decision.ok) {
		const isPage =
			!event.url.pathname.startsWith('/api/') &&
			!event.isDataRequest &&
			(event.request.headers.get('accept') ?? '').includes('text/html');
		if (decision.status === 401 && isPage && event.request.method === 'GET') {
			const next = `${event.url.pathname}${event.url.search}`;
			return new Response(null, {
				status: 303,
				headers: {
					location: `/login?next=${encodeURIComponent(next)}`,
					'cache-control': 'no-store'
				}
			});
		}
		const [th, en] =
			decision.status === 401
				? ['เข้าสู่ระบบเพื่อดูข้อมูลนี้', 'Sign in to see this.']
				: ['บัญชีนี้ไม่มีสิทธิ์เปิดหน้านี้', 'This account may not open this page.'];
		if (isPage) {
			return new Response(access.refusalPage(decision.status, th, en), {
				status: decision.status,
				headers: {
					'content-type': 'text/html; charset=utf-8',
					'cache-control': 'no-store',
					'content-security-policy': access.REFUSAL_CSP
				}
			});
		}
		return json({ error: `${en} / ${th}`, code: decision.reason }, { status: decision.status });
	}
	const response = await resolve(event);
	// Anything drawn from a viewer's scope is never stored by a browser or a proxy; nor is a
	// public page, unless the route said how to cache it itself (a release's immutable extracts
	// are the same for everyone): drawn for an account, its header names the account; for
	// anyone, it follows the lang and digits cookies, which a shared cache would not tell apart.
	if (decision.access !== 'public') response.headers.set('cache-control', 'no-store');
	else if (!response.headers.has('cache-control'))
		response.headers.set('cache-control', 'private, no-store');
	return response;
};

/**
 * Headers every response carries (the CSP itself is SvelteKit's, in svelte.config.js), and
 * Server-Timing when SUJARIT_SERVER_TIMING=1 ($lib/server/server-timing).
 */
const headers: Handle = async ({ event, resolve }) => {
	const t0 = performance.now();
	if (serverTimingOn()) event.locals.timings = {};
	const response = await resolve(event);
	const timings = event.locals.timings;
	if (timings) {
		timings.app = performance.now() - t0;
		response.headers.set('server-timing', serverTimingHeader(timings));
	}
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	response.headers.set('x-frame-options', 'DENY');
	return response;
};

/**
 * HTML pages are drawn a few at a time, so that they never hold up the cheap requests; every
 * page gets its server-drawn SVG spliced in where its markers are ($lib/server/svg-splice).
 * A page or a client navigation's data that this viewer read before, on the same data version,
 * is answered as it was drawn ($lib/server/response-cache), without a place in the lane; so is
 * a release page the public read before, on the same latest release.
 */
const lanes: Handle = async ({ event, resolve }) => {
	const draw = async () =>
		resolve(event, { transformPageChunk: ({ html }) => spliceSvgs(html, event.locals.svgs) });
	const page = isPageRequest(event.request, event.url.pathname, event.isDataRequest);
	let key: string | null = null;
	const by = (page || event.isDataRequest) && event.request.method === 'GET' && keptBy(event);
	if (by) {
		const scope = by === 'scope' ? scopeFor(event.locals) : null;
		const version = await timed(event.locals.timings, 'version', () =>
			scope ? versionOf(readerOf(scope), scope) : latestVersion()
		);
		key = keyOf(event, page ? 'page' : 'data', version);
	}
	if (key !== null) {
		const hit = responses.get(key);
		if (hit) return answer(hit);
	}
	const timings = event.locals.timings;
	const queued = performance.now();
	const response = await (page
		? inPageLane(async () => {
				if (timings) timings.lane = performance.now() - queued;
				return timed(timings, 'draw', draw);
			})
		: timed(timings, 'draw', draw));
	if (key === null || event.locals.partial || !keepable(response)) return response;
	const kept = await keep(response);
	responses.set(key, kept);
	return answer(kept);
};

/**
 * At server start: the database settings are checked, and the chart render thread loads ECharts
 * before the first overview asks. At shutdown, both are closed.
 */
export const init: ServerInit = () => {
	checkDatabaseSettings();
	svgThread.warm();
	if (process.env.DATABASE_URL) {
		warmLatestRelease().catch((e: unknown) => {
			console.error('warming the latest release failed (its first reader will read it):', e);
		});
	}
	// adapter-node emits this once the server has stopped taking requests (SIGTERM, SIGINT): the
	// database's idle connections and the chart thread would keep the process alive.
	process.once('sveltekit:shutdown', () => {
		void svgThread.stop();
		void closeDatabase();
	});
};

export const handle = sequence(headers, sameOrigin, authenticate, authorize, lanes);
