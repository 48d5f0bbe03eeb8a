/**
 * Accounts for the browser tests: created through the real `npm run users` CLI on the data folder
 * (before the server holds it: PGlite is one process at a time), and signed in through the real
 * /login form action, so every test meets the same session code as a reader does.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { storeEnv, type Store } from './store.ts';
const ROOT = new URL('../../', import.meta.url).pathname;

export const PASSWORD = 'ทดสอบ-correct-horse-42';

export type TestRole = 'admin' | 'analyst' | 'province_officer';

/** `npm run users -- add`, password on stdin; throws with the CLI's output when it fails. */
export function addUser(
	store: Store,
	username: string,
	role: TestRole,
	provinces: string[] = [],
	password = PASSWORD
): void {
	const args = ['scripts/users.ts', 'add', username, '--role', role];
	if (provinces.length) args.push('--provinces', provinces.join(','));
	const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), args, {
		cwd: ROOT,
		input: `${password}\n`,
		env: { ...process.env, ...storeEnv(store) },
		encoding: 'utf8'
	});
	if (r.status !== 0)
		throw new Error(`users add ${username} → ${r.status}\n${r.stdout}\n${r.stderr}`);
}

/** The standard cast: an analyst, an admin, and an officer of each province asked for. */
export function addStandardUsers(store: Store, officerProvinces: string[] = ['15']): void {
	addUser(store, 'analyst', 'analyst');
	addUser(store, 'admin', 'admin');
	for (const code of officerProvinces) addUser(store, `officer${code}`, 'province_officer', [code]);
}

/** Signs in through POST /login (same-origin, as a browser would) → the session cookie's value. */
export async function sessionToken(
	baseUrl: string,
	username: string,
	password = PASSWORD
): Promise<string> {
	const res = await fetch(`${baseUrl}/login`, {
		method: 'POST',
		redirect: 'manual',
		// accept text/html: a plain form post (a 303), not SvelteKit's enhanced-action JSON.
		headers: {
			origin: baseUrl,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ username, password, next: '/overview' })
	});
	const cookie = (res.headers.getSetCookie?.() ?? []).find((c) => c.startsWith('sujarit_session='));
	const token = cookie?.split(';')[0]?.slice('sujarit_session='.length);
	if (res.status !== 303 || !token) {
		throw new Error(`sign-in of ${username} failed: HTTP ${res.status} ${await res.text()}`);
	}
	return token;
}

/** A fetch that carries a session (or none): `as(app.url, token)('/api/overview')`. */
export function fetchAs(baseUrl: string, token: string | null) {
	return (path: string, init: RequestInit = {}) =>
		fetch(`${baseUrl}${path}`, {
			...init,
			headers: {
				...(init.headers as Record<string, string> | undefined),
				...(token ? { cookie: `sujarit_session=${token}` } : {})
			}
		});
}

/** Puts a signed-in session into a browser context (every page of it is then that user). */
export async function signIn(
	context: BrowserContext,
	baseUrl: string,
	username: string,
	password = PASSWORD
): Promise<string> {
	const token = await sessionToken(baseUrl, username, password);
	const { hostname } = new URL(baseUrl);
	await context.addCookies([
		{
			name: 'sujarit_session',
			value: token,
			domain: hostname,
			path: '/',
			httpOnly: true,
			sameSite: 'Lax'
		}
	]);
	return token;
}
