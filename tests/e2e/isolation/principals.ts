/**
 * Who asks. Each principal is a cookie (or none) and what the access rules say it may read; the
 * accounts come from the users CLI (the first admin, an analyst) and the admin's /admin/users
 * actions (the rest), the sessions from the real /login action, the admin's view-as from the
 * real /admin/view-as action, the expired one from a session aged in the database while no app
 * ran, the disabled one from the admin's disable action, the forged one from nothing at all.
 */
import { randomInt } from 'node:crypto';
import { sessionToken } from '../accounts.ts';
import type { Scope } from './canaries.ts';

export type Role = 'admin' | 'analyst' | 'province_officer';

export interface Principal {
	name: string;
	/** The account behind the cookie (null: no account, whatever the cookie says). */
	username: string | null;
	/** The cookie's session token (null: no cookie). */
	token: string | null;
	/** The account's own role: only 'admin' opens /admin. */
	ownRole: Role | null;
	/** The role the pages treat it as (an admin's view-as wins). */
	effectiveRole: Role | 'public';
	scope: Scope;
}

export interface AccountSpec {
	username: string;
	role: Role;
	provinces: string[];
}

/** Created with `npm run users -- add` before the app first starts (as `npm start` does). */
export const CLI_ACCOUNTS: AccountSpec[] = [
	{ username: 'admin', role: 'admin', provinces: [] },
	{ username: 'analyst', role: 'analyst', provinces: [] }
];

/** Created by that admin through the real /admin/users?/add action (the same operation). */
export const ADMIN_ACCOUNTS: AccountSpec[] = [
	// Officers of Ang Thong (A), of Lampang (B), and of Ang Thong and Samut Songkhram (C).
	{ username: 'officer15', role: 'province_officer', provinces: ['15'] },
	{ username: 'officer52', role: 'province_officer', provinces: ['52'] },
	{ username: 'officer15-75', role: 'province_officer', provinces: ['15', '75'] },
	// Analysts whose one session is aged past its expiry, or whose account is disabled: were
	// either still honoured, it would see every province, and the oracle (no scope) would say so.
	{ username: 'expiring', role: 'analyst', provinces: [] },
	{ username: 'retired', role: 'analyst', provinces: [] },
	// Targets of the admin's account actions, and a name whose sign-in always succeeds (so
	// that probing /login never counts towards the address's throttle).
	{ username: 'probe-target', role: 'analyst', provinces: [] },
	{ username: 'probe-login', role: 'analyst', provinces: [] }
];

/** POST /admin/users?/<action> as an admin session, as the page's forms do; throws unless 200. */
export async function adminAction(
	url: string,
	adminToken: string,
	action: 'add' | 'disable',
	fields: Record<string, string>
): Promise<void> {
	const res = await fetch(`${url}/admin/users?/${action}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			cookie: `sujarit_session=${adminToken}`,
			origin: url,
			accept: 'application/json',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams(fields)
	});
	const answer = (await res.json()) as { type?: string };
	if (res.status !== 200 || answer.type !== 'success') {
		throw new Error(
			`admin ${action} ${JSON.stringify(fields.username)} → ${res.status} ${JSON.stringify(answer)}`
		);
	}
}

export async function addAccounts(url: string, adminToken: string, password: string) {
	for (const a of ADMIN_ACCOUNTS) {
		await adminAction(url, adminToken, 'add', {
			username: a.username,
			display_name: a.username,
			role: a.role,
			provinces: a.provinces.join(','),
			password
		});
	}
}

const NONE: Scope = { kind: 'none' };
const NATIONAL: Scope = { kind: 'national' };
const provinces = (...codes: string[]): Scope => ({ kind: 'provinces', codes });

/** A token of the right shape (32 of a–z, 2–7) that no session was ever issued for. */
export function forgedToken(): string {
	const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
	return Array.from({ length: 32 }, () => alphabet[randomInt(32)]).join('');
}

/** POST /admin/view-as?/start as that session, as the page's form does; returns the redirect. */
export async function startViewAs(
	url: string,
	token: string,
	role: 'province_officer' | 'public' | 'analyst',
	codes: string[] = []
): Promise<string | null> {
	const body = new URLSearchParams({ role });
	for (const c of codes) body.append('provinces', c);
	const res = await fetch(`${url}/admin/view-as?/start`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			cookie: `sujarit_session=${token}`,
			origin: url,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body
	});
	if (res.status !== 303) throw new Error(`view-as ${role} → ${res.status}: ${await res.text()}`);
	return res.headers.get('location');
}

/**
 * Every principal of the matrix on a running app. `expiredToken` and `disabledToken` were signed
 * in before the restart that aged or disabled them.
 */
export async function signInPrincipals(
	url: string,
	dead: { expiredToken: string; disabledToken: string }
): Promise<Principal[]> {
	const token = (username: string) => sessionToken(url, username);
	const officer = async (name: string, username: string, codes: string[]): Promise<Principal> => ({
		name,
		username,
		token: await token(username),
		ownRole: 'province_officer',
		effectiveRole: 'province_officer',
		scope: provinces(...codes)
	});
	const adminAs15 = await token('admin');
	const adminAsPublic = await token('admin');
	const redirects = [
		await startViewAs(url, adminAs15, 'province_officer', ['15']),
		await startViewAs(url, adminAsPublic, 'public')
	];
	if (redirects.join(' ') !== '/overview /') throw new Error(`view-as redirects: ${redirects}`);
	return [
		{
			name: 'anonymous',
			username: null,
			token: null,
			ownRole: null,
			effectiveRole: 'public',
			scope: NONE
		},
		await officer('officer-A-15', 'officer15', ['15']),
		await officer('officer-B-52', 'officer52', ['52']),
		await officer('officer-AC-15-75', 'officer15-75', ['15', '75']),
		{
			name: 'analyst',
			username: 'analyst',
			token: await token('analyst'),
			ownRole: 'analyst',
			effectiveRole: 'analyst',
			scope: NATIONAL
		},
		{
			name: 'admin',
			username: 'admin',
			token: await token('admin'),
			ownRole: 'admin',
			effectiveRole: 'admin',
			scope: NATIONAL
		},
		{
			name: 'admin-as-officer-15',
			username: 'admin',
			token: adminAs15,
			ownRole: 'admin',
			effectiveRole: 'province_officer',
			scope: provinces('15')
		},
		{
			name: 'admin-as-public',
			username: 'admin',
			token: adminAsPublic,
			ownRole: 'admin',
			effectiveRole: 'public',
			scope: NONE
		},
		...(
			[
				['expired-session', dead.expiredToken],
				['disabled-account', dead.disabledToken],
				['forged-cookie', forgedToken()]
			] as const
		).map(([name, t]): Principal => ({
			name,
			username: null,
			token: t,
			ownRole: null,
			effectiveRole: 'public',
			scope: NONE
		}))
	];
}

/** The scope of a fresh session of the principal's own account (a throwaway for logout). */
export function ownScope(p: Principal): Scope {
	if (p.ownRole === null) return NONE;
	if (p.ownRole === 'province_officer') return p.scope;
	return NATIONAL;
}
