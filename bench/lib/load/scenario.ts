/**
 * What the virtual users of bench/load.ts ask for: one weighted mix per role, each request with
 * the statuses that are right for that role on that route. A refusal that the access rules
 * demand (an officer on /risk → 403, an officer on another province's LAO → 404, the public on
 * /overview → 303 to /login) is expected and counted apart; any other status is an error.
 */
import { LIST_COLUMNS, LIST_NAMES, type ListName } from '../../../src/lib/lists/columns.ts';

export type Role = 'province_officer' | 'analyst' | 'admin' | 'anonymous';

export interface LoadUser {
	/** null for the public (no account). */
	username: string | null;
	role: Role;
	provinces: string[];
}

/** What the database holds, read before the run (bench/lib/load/fixtures.ts). */
export interface Fixtures {
	/** Province code → DLA codes of its LAOs that have at least one document. */
	laos: Record<string, string[]>;
	/** Province code → ids of its documents. */
	documents: Record<string, number[]>;
	/** Published release versions (the public pages). */
	releases: number[];
	/** Fiscal years (BE) with facts. */
	years: number[];
}

/** page: HTML; data: a page's __data.json; json: an API answer; extract: Arrow (brotli). */
export type Kind = 'page' | 'data' | 'json' | 'extract' | 'login';

export interface Target {
	method: 'GET' | 'POST';
	path: string;
	kind: Kind;
	/** The SvelteKit route, or the extract: what the report groups by. */
	route: string;
	expect: readonly number[];
	/** The expected status is a refusal (403, 404, 401, 303 to /login), counted apart. */
	refusal: boolean;
	headers: Record<string, string>;
	body?: string;
}

export type Rng = () => number;

/** mulberry32: a small seeded generator, so that a run's sequence of requests is repeatable. */
export function rngOf(seed: number): Rng {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const pick = <T>(rng: Rng, values: readonly T[]): T => {
	if (values.length === 0) throw new Error('nothing to pick from');
	return values[Math.floor(rng() * values.length)]!;
};

// What a browser sends: an HTML navigation, a client-side navigation's data, a fetch().
const HTML = { accept: 'text/html,application/xhtml+xml', 'accept-encoding': 'gzip, deflate, br' };
const ANY = { accept: '*/*', 'accept-encoding': 'gzip, deflate, br' };
const BR = { accept: '*/*', 'accept-encoding': 'br' };

const page = (route: string, path: string, expect = [200], refusal = false): Target => ({
	method: 'GET',
	path,
	kind: 'page',
	route,
	expect,
	refusal,
	headers: HTML
});

/** A client-side navigation: the page node's data only (the layout's is kept, "01"). */
const data = (route: string, path: string, expect = [200], refusal = false): Target => {
	const [pathname, search = ''] = path.split('?');
	const query = new URLSearchParams(search);
	query.set('x-sveltekit-invalidated', '01');
	const base = pathname === '/' ? '' : pathname;
	return {
		method: 'GET',
		path: `${base}/__data.json?${query}`,
		kind: 'data',
		route,
		expect,
		refusal,
		headers: ANY
	};
};

const json = (route: string, path: string, expect = [200], refusal = false): Target => ({
	method: 'GET',
	path,
	kind: 'json',
	route,
	expect,
	refusal,
	headers: { ...ANY, accept: 'application/json' }
});

const extract = (route: string, path: string): Target => ({
	method: 'GET',
	path,
	kind: 'extract',
	route,
	expect: [200],
	refusal: false,
	headers: BR
});

/** The sign-in form as a browser without JavaScript posts it: a 303 and the cookie. */
export function loginTarget(origin: string, username: string, password: string): Target {
	return {
		method: 'POST',
		path: '/login',
		kind: 'login',
		route: '/login',
		expect: [303],
		refusal: false,
		headers: {
			origin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ username, password, next: '/overview' }).toString()
	};
}

/**
 * A list's first page, in its default order four times in five (as it opens), else in one of
 * its sortable columns either way. Not a later page: a page past the last is a 404 (right, and
 * not what a reader meets), and how many pages a list has depends on the scope.
 */
function listQuery(rng: Rng): { name: ListName; query: string } {
	const name = pick(rng, LIST_NAMES);
	if (rng() < 0.8) return { name, query: 'page=1' };
	const sort = pick(
		rng,
		LIST_COLUMNS[name].filter((c) => c.sortable).map((c) => c.key)
	);
	return { name, query: `sort=${sort}&dir=${rng() < 0.5 ? 'asc' : 'desc'}&page=1` };
}
const listPage = (rng: Rng) => {
	const { name, query } = listQuery(rng);
	return `/lists?list=${name}&${query}`;
};
const listApi = (rng: Rng) => {
	const { name, query } = listQuery(rng);
	return `/api/lists/${name}?${query}`;
};
/** What the crossfilter loads first (cube, dim_lao) far more often than the raw facts. */
const EXTRACT_WEIGHTS: readonly [string, number][] = [
	['facts_cube', 5],
	['dim_lao', 5],
	['dim_province', 2],
	['dim_document', 2],
	['facts_plan', 1],
	['facts_report', 1]
];

interface Ctx {
	user: LoadUser;
	rng: Rng;
	fx: Fixtures;
}

/** The provinces whose LAOs and documents this user may open (all of them for national roles). */
function ownProvinces({ user, fx }: Ctx): string[] {
	const all = Object.keys(fx.laos).filter((p) => (fx.laos[p]?.length ?? 0) > 0);
	return user.role === 'province_officer' ? user.provinces.filter((p) => all.includes(p)) : all;
}

function view(ctx: Ctx): string {
	if (ctx.rng() < 0.5) return '';
	const views = [...ctx.fx.years.map((y) => `?fy=${y}`), ...[1, 2, 3, 4].map((d) => `?dim=${d}`)];
	return pick(ctx.rng, views);
}

const ownLao = (ctx: Ctx) => pick(ctx.rng, ctx.fx.laos[pick(ctx.rng, ownProvinces(ctx))] ?? []);
function ownDocument(ctx: Ctx): number {
	const provinces = ownProvinces(ctx).filter((p) => (ctx.fx.documents[p]?.length ?? 0) > 0);
	return pick(ctx.rng, ctx.fx.documents[pick(ctx.rng, provinces)] ?? []);
}
function foreignLao(ctx: Ctx): string {
	const foreign = Object.keys(ctx.fx.laos).filter(
		(p) => !ctx.user.provinces.includes(p) && (ctx.fx.laos[p]?.length ?? 0) > 0
	);
	return pick(ctx.rng, ctx.fx.laos[pick(ctx.rng, foreign)] ?? []);
}
function weighted<T>(rng: Rng, entries: readonly [T, number][]): T {
	const total = entries.reduce((s, [, w]) => s + w, 0);
	let r = rng() * total;
	for (const [value, w] of entries) {
		r -= w;
		if (r < 0) return value;
	}
	return entries[entries.length - 1]![0];
}

type Make = (ctx: Ctx) => Target;

/** What every signed-in role does: the data pages, their data, the APIs and the extracts. */
const SIGNED_IN: readonly [Make, number][] = [
	[(c) => page('/overview', `/overview${view(c)}`), 10],
	[(c) => data('/overview', `/overview${view(c)}`), 6],
	[(c) => page('/lists', listPage(c.rng)), 4],
	[(c) => data('/lists', listPage(c.rng)), 3],
	[(c) => page('/lao/[code]', `/lao/${ownLao(c)}`), 6],
	[(c) => data('/lao/[code]', `/lao/${ownLao(c)}`), 3],
	[(c) => page('/documents/[id]', `/documents/${ownDocument(c)}`), 3],
	[(c) => data('/documents/[id]', `/documents/${ownDocument(c)}`), 2],
	[() => page('/documents', '/documents'), 2],
	[(c) => json('/api/lists/[name]', listApi(c.rng)), 8],
	[() => json('/api/overview', '/api/overview'), 4],
	[
		(c) => {
			const name = weighted(c.rng, EXTRACT_WEIGHTS);
			return extract(`/api/extracts/${name}`, `/api/extracts/${name}`);
		},
		16
	]
];

const MIXES: Record<Exclude<Role, 'anonymous'>, readonly [Make, number][]> = {
	province_officer: [
		...SIGNED_IN,
		[() => page('/risk', '/risk', [403], true), 1],
		[() => data('/risk', '/risk', [403], true), 1],
		[(c) => page('/lao/[code]', `/lao/${foreignLao(c)}`, [404], true), 1]
	],
	analyst: [...SIGNED_IN, [() => page('/risk', '/risk'), 3], [() => data('/risk', '/risk'), 2]],
	admin: [
		...SIGNED_IN,
		[() => page('/risk', '/risk'), 3],
		[() => data('/risk', '/risk'), 2],
		[() => page('/admin/users', '/admin/users'), 2]
	]
};

const ANONYMOUS: readonly [Make, number][] = [
	[() => page('/', '/'), 10],
	[() => data('/', '/'), 4],
	[() => page('/releases', '/releases'), 6],
	[() => data('/releases', '/releases'), 3],
	[(c) => page('/releases/[version]', `/releases/${pick(c.rng, c.fx.releases)}`), 6],
	[(c) => data('/releases/[version]', `/releases/${pick(c.rng, c.fx.releases)}`), 3],
	[
		(c) => {
			const name = pick(c.rng, ['release_figures', 'release_laos']);
			const route = `/api/public/releases/[version]/${name}`;
			return extract(route, `/api/public/releases/${pick(c.rng, c.fx.releases)}/${name}`);
		},
		4
	],
	[() => page('/overview', '/overview', [303], true), 1],
	[() => json('/api/overview', '/api/overview', [401], true), 1]
];

/** Weight of a sign-in among a signed-in user's requests (with its right password). */
export const LOGIN_WEIGHT = 1;

/**
 * The next request of `user`: a sign-in (`login` true: the caller posts the form with the user's
 * password), or a target from the role's mix.
 */
export function nextTarget(user: LoadUser, rng: Rng, fx: Fixtures): Target | 'login' {
	const ctx = { user, rng, fx };
	if (user.role === 'anonymous') return weighted(rng, ANONYMOUS)(ctx);
	const mix = MIXES[user.role];
	const total = mix.reduce((s, [, w]) => s + w, 0);
	if (rng() * (total + LOGIN_WEIGHT) < LOGIN_WEIGHT) return 'login';
	return weighted(rng, mix)(ctx);
}

/**
 * The mixed run's cast in an interleaved order (officer, analyst, officer, analyst, admin, …,
 * anonymous every tenth), so that the first N of it are a fair mix for any N: 50 users are 20
 * officers, 20 analysts, 5 admins and 5 anonymous readers. Officers cycle over `provinceSets`.
 */
export function cast(count: number, provinceSets: readonly string[][]): LoadUser[] {
	const pattern: Role[] = [
		'province_officer',
		'analyst',
		'province_officer',
		'analyst',
		'admin',
		'province_officer',
		'analyst',
		'province_officer',
		'analyst',
		'anonymous'
	];
	const counters: Record<Role, number> = {
		province_officer: 0,
		analyst: 0,
		admin: 0,
		anonymous: 0
	};
	const users: LoadUser[] = [];
	for (let i = 0; i < count; i++) {
		const role = pattern[i % pattern.length]!;
		const n = ++counters[role];
		const id = String(n).padStart(2, '0');
		if (role === 'anonymous') users.push({ username: null, role, provinces: [] });
		else if (role === 'province_officer') {
			const provinces = provinceSets[(n - 1) % provinceSets.length]!;
			users.push({ username: `load-officer-${id}`, role, provinces });
		} else users.push({ username: `load-${role}-${id}`, role, provinces: [] });
	}
	return users;
}
