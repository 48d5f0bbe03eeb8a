/**
 * The requests of the matrix (every route, every kind of request it answers, the seeded parameter
 * values of every province) and the arbitrary the randomized probes draw from (any route, any
 * parameter value including garbage, any query, either Accept).
 */
import fc from 'fast-check';
import { PASSWORD } from '../accounts.ts';
import type { ProbeRequest } from './probe.ts';
import {
	CATALOGUE,
	dataPath,
	GARBAGE_SEGMENTS,
	pathOf,
	pathsOf,
	type RouteFiles,
	type World
} from './routes.ts';

type Body = Record<string, string | string[]>;

interface ActionCase {
	body: Body;
	/** Changes the sender's session (view-as): a fresh session of the account is used. */
	throwaway?: boolean;
}

/**
 * Bodies of every form action. None of them may change what a principal sees: the admin's
 * account actions name only `probe-target` (or add `probe-added`), /publish always names a
 * version that is not the latest (409 stale, or 400), /login signs `probe-login` in (a success:
 * failed sign-ins would lock the test's address after 50), view-as runs on a throwaway session.
 */
export const ACTION_CASES: Record<string, Record<string, ActionCase[]>> = {
	'/login': {
		default: [
			{ body: { username: 'probe-login', password: PASSWORD, next: '/documents' } },
			{ body: { username: 'probe-login', password: PASSWORD, next: '//evil.example/x' } },
			{ body: { username: 'probe-login', password: PASSWORD, next: 'https://evil.example/' } }
		]
	},
	'/(app)/publish': {
		default: [
			{ body: { note: 'probe: never published', based_on: '999' } },
			{ body: { note: 'probe', based_on: 'abc' } }
		]
	},
	'/(app)/admin/users': {
		add: [
			{
				body: {
					username: 'probe-added',
					display_name: 'Probe',
					role: 'province_officer',
					provinces: '52',
					password: PASSWORD
				}
			}
		],
		disable: [{ body: { username: 'probe-target' } }],
		enable: [{ body: { username: 'probe-target' } }],
		provinces: [{ body: { username: 'probe-target', provinces: '52,75' } }],
		password: [{ body: { username: 'probe-target', password: 'short' } }],
		role: [{ body: { username: 'probe-target', role: 'analyst' } }]
	},
	'/(app)/admin/view-as': {
		start: [
			{ body: { role: 'province_officer', provinces: ['52'] }, throwaway: true },
			{ body: { role: 'public' }, throwaway: true }
		],
		stop: [{ body: {}, throwaway: true }]
	}
};

/** Endpoints' non-GET methods: POST /logout ends the session it is sent with. */
const ENDPOINT_CASES: Record<string, Record<string, ActionCase>> = {
	'/logout': { POST: { body: {}, throwaway: true } }
};

const form = (body: Body) => {
	const params = new URLSearchParams();
	for (const [k, v] of Object.entries(body)) {
		for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
	}
	return params;
};

const actionUrl = (path: string, action: string) =>
	action === 'default' ? path : `${path}?/${action}`;

/** Route ids of the walk whose actions or methods the cases above do not cover. */
export function uncoveredActions(routes: RouteFiles[]): string[] {
	const out: string[] = [];
	for (const r of routes) {
		for (const a of r.actions) if (!ACTION_CASES[r.id]?.[a]?.length) out.push(`${r.id} ?/${a}`);
		for (const m of r.methods) {
			if (m !== 'GET' && !ENDPOINT_CASES[r.id]?.[m]) out.push(`${r.id} ${m}`);
		}
	}
	return out;
}

/**
 * The deterministic matrix, the same for every principal: each page as HTML and as __data.json,
 * each endpoint, with every seeded parameter value (and a few values that name nothing), the
 * province filters of each query catalogue, every list in every format, every action.
 */
export function matrixRequests(routes: RouteFiles[], world: World): ProbeRequest[] {
	const out: ProbeRequest[] = [];
	const garbage = new Set(GARBAGE_SEGMENTS.slice(3));
	for (const r of routes) {
		const { queries } = CATALOGUE[r.id]!(world);
		const paths = pathsOf(r, world).filter((p) => !p.split('/').some((s) => garbage.has(s)));
		const isList = r.id === '/api/lists/[name]';
		const chosen = isList
			? queries.filter((q) => /^\?format=(csv|arrow|json|parquet)$/.test(q))
			: ['', ...queries.filter((q) => /province=/.test(q)).slice(0, r.params.length ? 1 : 3)];
		for (const path of paths) {
			for (const query of chosen) {
				if (r.page) {
					out.push({ route: r.id, kind: 'page', method: 'GET', url: path + query, accept: 'html' });
					out.push({
						route: r.id,
						kind: 'data',
						method: 'GET',
						url: dataPath(path) + query,
						accept: 'json'
					});
				}
				if (r.methods.includes('GET')) {
					out.push({
						route: r.id,
						kind: 'endpoint',
						method: 'GET',
						url: path + query,
						accept: 'json'
					});
				}
			}
		}
		const path = pathOf(r.id, {});
		for (const action of r.actions) {
			ACTION_CASES[r.id]![action]!.forEach((c, i) => {
				for (const accept of i === 0 ? (['html', 'json'] as const) : (['html'] as const)) {
					out.push({
						route: r.id,
						kind: 'action',
						method: 'POST',
						url: actionUrl(path, action),
						body: form(c.body),
						accept,
						throwaway: c.throwaway
					});
				}
			});
		}
		for (const [method, c] of Object.entries(ENDPOINT_CASES[r.id] ?? {})) {
			out.push({
				route: r.id,
				kind: 'endpoint',
				method: method as 'POST',
				url: path,
				body: form(c.body),
				accept: 'html',
				throwaway: c.throwaway
			});
		}
	}
	return out;
}

/** A path segment no route should accept: garbage, random text, random numbers. */
const garbageSegment = fc.oneof(
	fc.constantFrom(...GARBAGE_SEGMENTS),
	fc.string({ minLength: 1, maxLength: 16 }).map(encodeURIComponent),
	fc.integer({ min: -10, max: 2 ** 31 }).map(String)
);

/** A query: the route's own, a province filter of any two digits, or a parameter of noise. */
const queryOf = (queries: string[]) =>
	fc.oneof(
		fc.constantFrom(...queries),
		fc
			.array(fc.integer({ min: 0, max: 99 }), { minLength: 1, maxLength: 3 })
			.map((codes) => `?province=${codes.map((c) => String(c).padStart(2, '0')).join(',')}`),
		fc
			.tuple(
				fc.constantFrom('province', 'fy', 'list', 'format', 'page', 'tag', 'next', 'lang', 'x'),
				fc.string({ maxLength: 12 })
			)
			.map(([k, v]) => `?${k}=${encodeURIComponent(v)}`)
	);

/**
 * How a page is asked: as HTML (null), as __data.json (''), or as __data.json naming the nodes a
 * client navigation reloads (`x-sveltekit-invalidated`: the page only, both, a bad value).
 */
const INVALIDATED = [null, null, null, '', '01', '11', 'zz'];

/** One random request: a route, then how it is asked (page, data, endpoint, action). */
export function requestArbitrary(routes: RouteFiles[], world: World): fc.Arbitrary<ProbeRequest> {
	return fc.constantFrom(...routes).chain((r) => {
		const { params, queries } = CATALOGUE[r.id]!(world);
		const paramValues = fc.record(
			Object.fromEntries(
				r.params.map((p) => [p, fc.oneof(fc.constantFrom(...params[p]!), garbageSegment)])
			)
		) as fc.Arbitrary<Record<string, string>>;
		const options: fc.Arbitrary<ProbeRequest>[] = [];
		const accept = fc.constantFrom('html' as const, 'json' as const);
		if (r.page) {
			options.push(
				fc
					.tuple(paramValues, queryOf(queries), fc.constantFrom(...INVALIDATED), accept)
					.map(([values, query, invalidated, acc]) => {
						const path = pathOf(r.id, values);
						// null: the page itself; '': __data.json; else the nodes a navigation reloads.
						const more = invalidated
							? `${query ? '&' : '?'}x-sveltekit-invalidated=${invalidated}`
							: '';
						return invalidated !== null
							? {
									route: r.id,
									kind: 'data',
									method: 'GET',
									url: dataPath(path) + query + more,
									accept: acc
								}
							: { route: r.id, kind: 'page', method: 'GET', url: path + query, accept: acc };
					})
			);
		}
		if (r.methods.includes('GET')) {
			options.push(
				fc.tuple(paramValues, queryOf(queries), accept).map(([values, query, acc]) => ({
					route: r.id,
					kind: 'endpoint',
					method: 'GET',
					url: pathOf(r.id, values) + query,
					accept: acc
				}))
			);
		}
		const cases = [
			...r.actions.flatMap((a) =>
				ACTION_CASES[r.id]![a]!.map((c) => ({ ...c, url: actionUrl(pathOf(r.id, {}), a) }))
			),
			...Object.values(ENDPOINT_CASES[r.id] ?? {}).map((c) => ({ ...c, url: pathOf(r.id, {}) }))
		];
		if (cases.length) {
			options.push(
				fc.tuple(fc.constantFrom(...cases), accept).map(([c, acc]) => ({
					route: r.id,
					kind: r.actions.length ? 'action' : 'endpoint',
					method: 'POST',
					url: c.url,
					body: form(c.body),
					accept: acc,
					throwaway: c.throwaway
				}))
			);
		}
		return fc.oneof(...options);
	});
}
