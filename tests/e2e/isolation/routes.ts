/**
 * Every route under src/routes, found by walking the folder as SvelteKit does (a folder with
 * +page.svelte, +page.server.ts or +server.ts is a route; its id keeps the (group) folders), and
 * how the matrix instantiates each: parameter values from the seeded world (documents and LAOs of
 * every province, release versions, extract and list names) plus values no route should accept,
 * query strings, and form actions with their bodies. A route the catalogue cannot instantiate
 * fails the suite (`uncovered`), as a route missing from ROUTE_ACCESS fails access.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIST_NAMES } from '../../../src/lib/lists/columns.ts';
import { RELEASE_EXTRACT_NAMES } from '../../../src/lib/releases/types.ts';
import { EXTRACT_NAMES } from '../../../src/lib/server/extracts/build.ts';

export interface RouteFiles {
	/** SvelteKit's route id: '/(app)/documents/[id]'. */
	id: string;
	/** A page (+page.svelte): it answers GET as HTML and as `<path>/__data.json`. */
	page: boolean;
	/** Form actions of its +page.server.ts ('default' for an unnamed one). */
	actions: string[];
	/** HTTP methods its +server.ts exports. */
	methods: string[];
	/** Its [parameters], in order. */
	params: string[];
}

/** Walks `root` (src/routes): one entry per route id, sorted. */
export function walkRoutes(root: string): RouteFiles[] {
	const routes = new Map<string, RouteFiles>();
	for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' }).sort()) {
		const name = file.split('/').pop()!;
		if (!/^\+(page\.svelte|page\.server\.ts|page\.ts|server\.ts)$/.test(name)) continue;
		const dir = file.slice(0, file.length - name.length).replace(/\/$/, '');
		const id = `/${dir}`;
		const route = routes.get(id) ?? {
			id,
			page: false,
			actions: [],
			methods: [],
			params: [...id.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!)
		};
		const text = readFileSync(join(root, file), 'utf8');
		if (name.startsWith('+page')) route.page = true;
		if (name === '+page.server.ts') route.actions = actionNames(text);
		if (name === '+server.ts') {
			route.methods = [
				...text.matchAll(
					/export\s+(?:const|async\s+function|function)\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/g
				)
			].map((m) => m[1]!);
		}
		routes.set(id, route);
	}
	return [...routes.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** The keys of `export const actions = { … }` (one tab deep, as Prettier writes them). */
function actionNames(text: string): string[] {
	const start = text.search(/export\s+const\s+actions\b/);
	if (start < 0) return [];
	const body = text.slice(start);
	const end = body.search(/\n};?\s*$/m);
	return [...body.slice(0, end < 0 ? undefined : end).matchAll(/^\t(\w+)\s*:/gm)].map((m) => m[1]!);
}

/** The URL path of a route id with its parameters: groups dropped, `[id]` filled. */
export function pathOf(id: string, params: Record<string, string>): string {
	const path = id
		.split('/')
		.filter((s) => !/^\(.+\)$/.test(s))
		.map((s) => s.replace(/\[([^\]]+)\]/g, (_, p: string) => params[p] ?? `[${p}]`))
		.join('/');
	return path === '' ? '/' : path;
}

/** The seeded data the parameters come from. */
export interface World {
	documentIds: number[];
	laoCodes: string[];
	releaseVersions: number[];
	releaseTag: string;
}

/**
 * Path segments (already percent-encoded) that name nothing: numbers out of range, text, encoded
 * traversal and NUL, SQL, an emoji, a 300-character segment. The WHATWG URL parser a browser
 * (and fetch) uses folds `..`, `.` and `%2e%2e` before they are sent, as it would for a reader.
 */
export const GARBAGE_SEGMENTS = [
	'0',
	'-1',
	'999999999',
	'2147483648',
	'1e3',
	'0x10',
	'abc',
	'%00',
	'..%2F..%2Fetc%2Fpasswd',
	'%2e%2e%2f15',
	'1%3B2',
	"1'%20or%20'1'%3D'1",
	'%F0%9F%98%80',
	'x'.repeat(300)
];

/** View filters every slicing page reads (url-filters.ts), in and out of every scope. */
export const VIEW_QUERIES = [
	'',
	'?province=15',
	'?province=52',
	'?province=75',
	'?province=15,52,75',
	'?province=00',
	'?province=99',
	'?province=15&province=52',
	'?province=..%2F52',
	'?fy=2567',
	'?fy=2568&province=52',
	'?verdict=accepted_with_warnings',
	'?verdict=quarantined',
	'?dim=1&type=provincial_admin_org',
	'?lang=en&digits=thai',
	'?metric=not_done_share&points=1'
];

const LIST_QUERIES = [
	'',
	'?format=csv',
	'?format=arrow',
	'?format=json',
	'?format=parquet',
	'?format=csv&province=52',
	'?format=arrow&province=15,75',
	'?format=csv&fy=2568&sort=name&dir=desc',
	'?format=json&page=2',
	'?format=json&page=0',
	'?format=xml',
	'?province=52&format=csv&lang=en'
];

export interface Instances {
	/** Values of each parameter of the route. */
	params: Record<string, string[]>;
	queries: string[];
}

/** How each route is instantiated; `uncovered` lists the routes of the walk without an entry. */
export const CATALOGUE: Record<string, (w: World) => Instances> = {
	'/': () => ({ params: {}, queries: ['', '?province=52', '?fy=2568', '?lang=en&digits=thai'] }),
	'/login': () => ({ params: {}, queries: ['', '?next=%2Foverview', '?next=%2F%2Fevil.example'] }),
	'/logout': () => ({ params: {}, queries: [''] }),
	'/(public)/releases': () => ({ params: {}, queries: ['', '?lang=en'] }),
	'/(public)/releases/[version]': (w) => ({
		params: { version: [...w.releaseVersions.map(String), '2', '99', ...GARBAGE_SEGMENTS] },
		queries: ['', '?province=15', '?province=52&fy=2568', '?verdict=accepted', '?lang=en']
	}),
	'/api/public/releases/[version]/[name]': (w) => ({
		params: {
			version: [...w.releaseVersions.map(String), '2', 'x1'],
			name: [...RELEASE_EXTRACT_NAMES, ...EXTRACT_NAMES, 'release_documents', '..%2Ffacts_plan']
		},
		queries: ['', `?tag=${w.releaseTag}`, '?tag=AAAAAAAAAAAAAAAA']
	}),
	'/(app)/overview': () => ({ params: {}, queries: VIEW_QUERIES }),
	'/(app)/documents': () => ({
		params: {},
		queries: [
			'',
			'?province=15',
			'?province=52',
			'?province=75',
			'?verdict=quarantined',
			'?kind=progress_report&province=52',
			'?province=00'
		]
	}),
	'/(app)/documents/[id]': (w) => ({
		params: { id: [...w.documentIds.map(String), ...GARBAGE_SEGMENTS] },
		queries: ['', '?lang=en&digits=thai']
	}),
	'/(app)/lists': () => ({
		params: {},
		queries: [
			...LIST_NAMES.map((l) => `?list=${l}`),
			'?list=not_done&province=52',
			'?list=zero_budget&province=15,75',
			'?list=failed_docs&fy=2568',
			'?list=no_report&sort=lao_name&dir=desc',
			'?list=unknown'
		]
	}),
	'/(app)/lao/[code]': (w) => ({
		params: { code: [...w.laoCodes, '5360402', '2100000', ...GARBAGE_SEGMENTS] },
		queries: ['', '?lang=en']
	}),
	'/(app)/dev/duckdb': () => ({ params: {}, queries: ['', '?bench=1'] }),
	'/(app)/risk': () => ({ params: {}, queries: VIEW_QUERIES.slice(0, 10) }),
	'/(app)/publish': () => ({ params: {}, queries: [''] }),
	'/(app)/admin/users': () => ({ params: {}, queries: [''] }),
	'/(app)/admin/view-as': () => ({ params: {}, queries: [''] }),
	'/api/extracts/[name]': () => ({
		params: { name: [...EXTRACT_NAMES, 'release_figures', 'facts', '..%2Fusers', 'FACTS_PLAN'] },
		queries: ['', '?province=52']
	}),
	'/api/lists/[name]': () => ({
		params: { name: [...LIST_NAMES, 'users', 'sessions', 'not_done%00'] },
		queries: LIST_QUERIES
	}),
	'/api/overview': () => ({ params: {}, queries: ['', '?province=52'] })
};

/** Routes of the walk the catalogue has no entry for, or whose parameters it does not fill. */
export function uncovered(routes: RouteFiles[], world: World): string[] {
	return routes
		.filter((r) => {
			const make = CATALOGUE[r.id];
			if (!make) return true;
			const { params } = make(world);
			return r.params.some((p) => !params[p]?.length);
		})
		.map((r) => r.id);
}

/** Every concrete path of a route (the cross product of its parameter values). */
export function pathsOf(route: RouteFiles, world: World): string[] {
	const { params } = CATALOGUE[route.id]!(world);
	let combos: Record<string, string>[] = [{}];
	for (const p of route.params) {
		combos = combos.flatMap((c) => params[p]!.map((v) => ({ ...c, [p]: v })));
	}
	return combos.map((c) => pathOf(route.id, c));
}

/** The `__data.json` path of a page path (SvelteKit: `/x/__data.json`, `/__data.json` for /). */
export function dataPath(path: string): string {
	return `${path === '/' ? '' : path}/__data.json`;
}
