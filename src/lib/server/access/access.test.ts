import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { authorize, ROUTE_ACCESS } from './routes.ts';
import { safeNext } from './next.ts';
import { scopeOf, type Viewer, type ViewerAccount } from './viewer.ts';

const ROUTES = fileURLToPath(new URL('../../../routes', import.meta.url));

/** Every SvelteKit route id under src/routes: a folder with +page*, +server* or +layout files. */
function routeIds(): string[] {
	const ids = new Set<string>();
	for (const file of readdirSync(ROUTES, { recursive: true, encoding: 'utf8' })) {
		const name = file.split(sep).at(-1) ?? '';
		if (!/^\+(page|server)(\.server)?\.(ts|svelte)$/.test(name)) continue;
		const dir = relative(ROUTES, join(ROUTES, file, '..'))
			.split(sep)
			.join('/');
		ids.add(dir === '' ? '/' : `/${dir}`);
	}
	return [...ids].sort();
}

const account = (role: ViewerAccount['role'], provinces: string[] = []): Viewer => ({
	kind: 'account',
	sessionId: 'x',
	viewAs: null,
	account: { id: 1, username: 'u', displayName: '', role, provinces }
});

describe('route access table', () => {
	it('has an entry for every route under src/routes, and none for a route that is gone', () => {
		expect(Object.keys(ROUTE_ACCESS).sort()).toEqual(routeIds());
	});

	it('decides each principal × access kind', () => {
		const viewers: [string, Viewer][] = [
			['anonymous', { kind: 'anonymous' }],
			['officer', account('province_officer', ['15'])],
			['analyst', account('analyst')],
			['admin', account('admin')],
			[
				'admin as officer',
				{
					...(account('admin') as Extract<Viewer, { kind: 'account' }>),
					viewAs: { role: 'province_officer', provinces: ['52'] }
				}
			],
			[
				'admin as public',
				{
					...(account('admin') as Extract<Viewer, { kind: 'account' }>),
					viewAs: { role: 'public', provinces: [] }
				}
			]
		];
		const routes = ['/(public)/releases', '/(app)/overview', '/(app)/risk', '/(app)/admin/users'];
		const table = viewers.map(([name, v]) => [
			name,
			...routes.map((r) => {
				const d = authorize(v, r);
				return d.ok ? 200 : d.status;
			})
		]);
		expect(table).toEqual([
			['anonymous', 200, 401, 401, 401],
			['officer', 200, 200, 403, 403],
			['analyst', 200, 200, 200, 403],
			['admin', 200, 200, 200, 200],
			['admin as officer', 200, 200, 403, 200],
			['admin as public', 200, 403, 403, 200]
		]);
		expect(authorize({ kind: 'anonymous' }, '/(app)/not-listed')).toEqual({
			ok: false,
			status: 403,
			reason: 'unlisted_route'
		});
	});

	it('derives the scope from the effective role', () => {
		expect(scopeOf(account('province_officer', ['52', '15', '52']))).toEqual({
			kind: 'provinces',
			codes: ['15', '52']
		});
		expect(scopeOf(account('analyst'))).toEqual({ kind: 'national' });
		expect(scopeOf({ kind: 'anonymous' })).toBe(null);
		// An officer with no province sees no province (not the nation).
		expect(scopeOf(account('province_officer'))).toEqual({ kind: 'provinces', codes: [] });
	});
});

describe('safeNext', () => {
	it('keeps paths on this site and refuses everything else', () => {
		const cases = [
			'/lists?province=15#top',
			'//evil.example/x',
			'https://evil.example/',
			'/\\evil.example',
			'/%2F%2Fevil.example',
			'javascript:alert(1)',
			'/login?next=/x',
			'/ok\r\nSet-Cookie: a=b',
			'',
			null
		];
		expect(cases.map((c) => safeNext(c))).toEqual([
			'/lists?province=15#top',
			'/overview',
			'/overview',
			'/overview',
			'/%2F%2Fevil.example',
			'/overview',
			'/overview',
			'/overview',
			'/overview',
			'/overview'
		]);
	});
});
