import { describe, expect, it } from 'vitest';
import type { Viewer } from './access/viewer.ts';
import {
	answer,
	keep,
	keepable,
	keyOf,
	ResponseCache,
	type KeptResponse,
	type KeyEvent
} from './response-cache.ts';

const body = (n: number): KeptResponse => ({
	status: 200,
	headers: [['content-type', 'text/html']],
	body: new Uint8Array(n)
});

const officer = (id: number, provinces: string[], name = `officer-${id}`): Viewer => ({
	kind: 'account',
	account: { id, username: name, displayName: name, role: 'province_officer', provinces },
	sessionId: `s${id}`,
	viewAs: null
});

function event(
	viewer: Viewer,
	url: string,
	route = '/(app)/overview',
	cookies: Record<string, string> = {},
	extra: Partial<App.Locals> = {}
): KeyEvent {
	const provinces = viewer.kind === 'account' ? viewer.account.provinces : [];
	return {
		request: new Request(`http://x${url}`),
		url: new URL(`http://x${url.replace('/__data.json', '')}`),
		route: { id: route },
		cookies: { get: (name: string) => cookies[name] } as KeyEvent['cookies'],
		locals: {
			viewer,
			scope: viewer.kind === 'account' ? { kind: 'provinces', codes: provinces } : null,
			...extra
		}
	} as KeyEvent;
}

describe('response cache', () => {
	it('keeps the most recently used within its bytes, and refuses one entry over half', () => {
		const cache = new ResponseCache(20_000);
		cache.set('a', body(6_000));
		cache.set('b', body(6_000));
		cache.set('c', body(6_000));
		expect(cache.get('a')).toBeDefined(); // a is now the most recent
		cache.set('d', body(6_000)); // over 20,000: b (least recent) goes
		expect(cache.get('b')).toBeUndefined();
		expect([cache.get('a'), cache.get('c'), cache.get('d')].every(Boolean)).toBe(true);
		expect(cache.bytes).toBeLessThanOrEqual(20_000);
		expect(cache.count).toBe(3);
		cache.set('huge', body(10_100));
		expect(cache.get('huge')).toBeUndefined();
		cache.set('a', body(100)); // replacing an entry gives its bytes back
		expect(cache.count).toBe(3);
		expect(cache.bytes).toBeLessThan(13_000);
	});

	it('keeps only a 200 that sets no cookie, and answers it byte for byte', async () => {
		expect(keepable(new Response('x'))).toBe(true);
		expect(keepable(new Response('x', { status: 404 }))).toBe(false);
		expect(keepable(new Response('x', { headers: { 'set-cookie': 'lang=en' } }))).toBe(false);
		const kept = await keep(
			new Response('หน้า ๑', { headers: { etag: '"1"', 'content-type': 'text/html' } })
		);
		const again = answer(kept);
		expect(await again.text()).toBe('หน้า ๑');
		expect(again.headers.get('etag')).toBe('"1"');
		expect(await answer(kept).text()).toBe('หน้า ๑'); // answered twice from one copy
	});

	it('keys by viewer, scope, data version, preferences and the raw address', () => {
		const a = officer(1, ['10']);
		const key = keyOf(event(a, '/overview?fy=2567'), 'page', 'v1');
		expect(key).not.toBeNull();
		const differs = [
			keyOf(event(officer(2, ['10']), '/overview?fy=2567'), 'page', 'v1'),
			keyOf(event(officer(1, ['11']), '/overview?fy=2567', undefined), 'page', 'v1'),
			keyOf(event(officer(1, ['10'], 'renamed'), '/overview?fy=2567'), 'page', 'v1'),
			keyOf(event(a, '/overview?fy=2567'), 'page', 'v2'),
			keyOf(event(a, '/overview?fy=2567'), 'data', 'v1'),
			keyOf(event(a, '/overview?fy=2568'), 'page', 'v1'),
			keyOf(event(a, '/overview?fy=2567', undefined, { lang: 'en' }), 'page', 'v1'),
			keyOf(event(a, '/overview?fy=2567', undefined, { digits: 'thai' }), 'page', 'v1'),
			keyOf(event(a, '/overview/__data.json?fy=2567&x-sveltekit-invalidated=01'), 'data', 'v1')
		];
		expect(new Set([key, ...differs]).size).toBe(differs.length + 1);
		expect(keyOf(event(a, '/overview?fy=2567'), 'page', 'v1')).toBe(key);
	});

	it('keeps the public’s release pages by latest release, preferences and address, for everyone alike', () => {
		const anonymous: Viewer = { kind: 'anonymous' };
		const home = keyOf(event(anonymous, '/', '/'), 'page', '3');
		expect(home).toBe('page|releases:3|public|||/');
		expect(keyOf(event(anonymous, '/', '/'), 'page', '3')).toBe(home);
		const differs = [
			keyOf(event(anonymous, '/', '/'), 'page', '4'),
			keyOf(event(anonymous, '/', '/'), 'data', '3'),
			keyOf(event(anonymous, '/', '/', { lang: 'en' }), 'page', '3'),
			keyOf(event(anonymous, '/', '/', { digits: 'thai' }), 'page', '3'),
			keyOf(event(anonymous, '/releases', '/(public)/releases'), 'page', '3'),
			keyOf(event(anonymous, '/releases/2', '/(public)/releases/[version]'), 'page', '3'),
			keyOf(event(anonymous, '/releases/2?fy=2567', '/(public)/releases/[version]'), 'page', '3')
		];
		expect(differs).not.toContain(null);
		expect(new Set([home, ...differs]).size).toBe(differs.length + 1);
		// An account's public page names the account in its header: drawn, not kept.
		expect(keyOf(event(officer(1, ['10']), '/', '/'), 'page', '3')).toBeNull();
		expect(keyOf(event(anonymous, '/?lang=en', '/'), 'page', '3')).toBeNull();
		expect(keyOf(event(anonymous, '/login', '/login'), 'page', '3')).toBeNull();
	});

	it('keeps no page of another route, of the public, of a renewed session or with ?lang=', () => {
		const a = officer(1, ['10']);
		expect(keyOf(event(a, '/admin/users', '/(app)/admin/users'), 'page', 'v')).toBeNull();
		expect(keyOf(event(a, '/releases', '/(public)/releases'), 'page', 'v')).toBeNull();
		expect(keyOf(event({ kind: 'anonymous' }, '/overview'), 'page', 'v')).toBeNull();
		expect(keyOf(event(a, '/overview?lang=en'), 'page', 'v')).toBeNull();
		expect(keyOf(event(a, '/overview?digits=thai'), 'page', 'v')).toBeNull();
		const renewed = event(a, '/overview', undefined, {}, { sessionRenewed: true });
		expect(keyOf(renewed, 'page', 'v')).toBeNull();
	});
});
