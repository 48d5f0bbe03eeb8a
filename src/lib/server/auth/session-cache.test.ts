import { afterEach, describe, expect, it } from 'vitest';
import {
	forgetSessions,
	MAX_ENTRIES,
	REFRESH_AFTER_MS,
	rememberedSessions,
	rememberNewSession,
	sessionsGeneration,
	TTL_MS,
	validateRemembered,
	writeMayChangeSessions
} from './session-cache.ts';
import type { ValidSession } from './session.ts';

const TOKEN = 'abcdefghijklmnopqrstuvwxyz234567';
const T0 = new Date('2026-12-05T00:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

function session(expiresInMs = 30 * 24 * 3600 * 1000, renewed = false): ValidSession {
	return {
		session: { id: 'x', userId: 7, expiresAt: at(expiresInMs), viewAs: null },
		account: {
			id: 7,
			username: 'officer',
			displayName: 'Officer',
			role: 'province_officer',
			provinces: ['15']
		},
		renewed
	};
}

/** A validator that counts its calls (the database round trips the cache saves). */
function counting(value: ValidSession | null) {
	const calls = { n: 0 };
	const validate = async () => {
		calls.n++;
		return value;
	};
	return { calls, validate };
}

describe('remembered sessions', () => {
	afterEach(() => forgetSessions());

	it('asks the database once per TTL_MS, then again', async () => {
		const { calls, validate } = counting(session());
		await validateRemembered(TOKEN, at(0), validate);
		await validateRemembered(TOKEN, at(REFRESH_AFTER_MS - 1), validate);
		expect(calls.n).toBe(1);
		await validateRemembered(TOKEN, at(TTL_MS), validate);
		expect(calls.n).toBe(2);
	});

	it('asked again in the background from REFRESH_AFTER_MS, once, while the hit answers', async () => {
		let release: (v: ValidSession | null) => void = () => {};
		let calls = 0;
		const validate = () => {
			calls++;
			return calls === 1
				? Promise.resolve(session())
				: new Promise<ValidSession | null>((resolve) => (release = resolve));
		};
		await validateRemembered(TOKEN, at(0), validate);
		// The hit answers at once though its background check has not come back.
		expect(await validateRemembered(TOKEN, at(REFRESH_AFTER_MS), validate)).not.toBe(null);
		expect(await validateRemembered(TOKEN, at(REFRESH_AFTER_MS + 10), validate)).not.toBe(null);
		expect(calls).toBe(2);
		release(session());
		await new Promise((r) => setTimeout(r, 0));
		// The fresh answer stands TTL_MS from when its check began.
		expect(await validateRemembered(TOKEN, at(REFRESH_AFTER_MS + TTL_MS - 1), validate)).not.toBe(
			null
		);
		expect(calls).toBe(3); // past its own REFRESH_AFTER_MS: one more background check
	});

	it('a background check that refuses forgets the session: the next reader is asked', async () => {
		let answer: ValidSession | null = session();
		let calls = 0;
		const validate = async () => {
			calls++;
			return answer;
		};
		await validateRemembered(TOKEN, at(0), validate);
		answer = null; // disabled by `npm run users` meanwhile
		expect(await validateRemembered(TOKEN, at(REFRESH_AFTER_MS), validate)).not.toBe(null);
		await new Promise((r) => setTimeout(r, 0));
		expect(rememberedSessions()).toBe(0);
		expect(await validateRemembered(TOKEN, at(REFRESH_AFTER_MS + 1), validate)).toBe(null);
		expect(calls).toBe(3);
	});

	it('a session renewed by a background check sends its cookie with the next answer, once', async () => {
		let renewed = false;
		const validate = async () => session(undefined, renewed);
		await validateRemembered(TOKEN, at(0), validate);
		renewed = true;
		expect((await validateRemembered(TOKEN, at(REFRESH_AFTER_MS), validate))?.renewed).toBe(false);
		await new Promise((r) => setTimeout(r, 0));
		expect((await validateRemembered(TOKEN, at(REFRESH_AFTER_MS + 1), validate))?.renewed).toBe(
			true
		);
		expect((await validateRemembered(TOKEN, at(REFRESH_AFTER_MS + 2), validate))?.renewed).toBe(
			false
		);
	});

	it('a background check that fails leaves the entry to expire, and nothing unhandled', async () => {
		let calls = 0;
		const validate = async () => {
			calls++;
			if (calls > 1) throw new Error('connection lost');
			return session();
		};
		await validateRemembered(TOKEN, at(0), validate);
		await validateRemembered(TOKEN, at(REFRESH_AFTER_MS), validate);
		await new Promise((r) => setTimeout(r, 0));
		expect(rememberedSessions()).toBe(1);
		await expect(validateRemembered(TOKEN, at(TTL_MS), validate)).rejects.toThrow(
			'connection lost'
		);
	});

	it('a write during a background check: its answer is not kept', async () => {
		let release: () => void = () => {};
		let calls = 0;
		const validate = () => {
			calls++;
			return calls === 1
				? Promise.resolve(session())
				: new Promise<ValidSession>((resolve) => (release = () => resolve(session())));
		};
		await validateRemembered(TOKEN, at(0), validate);
		await validateRemembered(TOKEN, at(REFRESH_AFTER_MS), validate);
		forgetSessions();
		release();
		await new Promise((r) => setTimeout(r, 0));
		expect(rememberedSessions()).toBe(0);
	});

	it('a remembered answer never says "renewed" (the cookie went out with the first)', async () => {
		const { validate } = counting(session(undefined, true));
		expect((await validateRemembered(TOKEN, at(0), validate))?.renewed).toBe(true);
		expect((await validateRemembered(TOKEN, at(1), validate))?.renewed).toBe(false);
	});

	it('never past the session’s own expiry', async () => {
		const { calls, validate } = counting(session(500));
		await validateRemembered(TOKEN, at(0), validate);
		await validateRemembered(TOKEN, at(499), validate);
		await validateRemembered(TOKEN, at(500), validate);
		expect(calls.n).toBe(2);
	});

	it('keeps no refusal: an unknown token is asked every time', async () => {
		const { calls, validate } = counting(null);
		for (let i = 0; i < 3; i++) expect(await validateRemembered(TOKEN, at(i), validate)).toBe(null);
		expect([calls.n, rememberedSessions()]).toEqual([3, 0]);
	});

	it('a write forgets every session, and a validation begun before it is not kept', async () => {
		const { calls, validate } = counting(session());
		await validateRemembered(TOKEN, at(0), validate);
		forgetSessions();
		await validateRemembered(TOKEN, at(1), validate);
		expect(calls.n).toBe(2);
		// A validation that reads the old row while a sign-out commits: not remembered.
		let release: () => void = () => {};
		const slow = validateRemembered(
			'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',
			at(2),
			() =>
				new Promise<ValidSession>((resolve) => {
					release = () => resolve(session());
				})
		);
		forgetSessions();
		release();
		await slow;
		expect(rememberedSessions()).toBe(0);
	});

	it(`holds at most MAX_ENTRIES (${MAX_ENTRIES}) sessions, the oldest dropped first`, async () => {
		const { validate } = counting(session());
		const token = (i: number) => String(i).padStart(32, '0');
		for (let i = 0; i <= MAX_ENTRIES; i++) await validateRemembered(token(i), at(0), validate);
		expect(rememberedSessions()).toBe(MAX_ENTRIES);
	});
});

describe('which writes empty the cache', () => {
	it('a sign-in keeps remembered sessions; sign-out, admin pages, APIs and unknown routes do not', () => {
		expect(writeMayChangeSessions('/login')).toBe(false);
		for (const route of [
			'/logout',
			'/(app)/admin/users',
			'/(app)/admin/view-as',
			'/api/releases',
			'/login/extra',
			null
		]) {
			expect(writeMayChangeSessions(route), String(route)).toBe(true);
		}
	});
});

describe('a session a sign-in has just made', () => {
	afterEach(() => forgetSessions());

	it('is remembered from its creation: the next request asks nothing, until TTL_MS', async () => {
		const { calls, validate } = counting(session());
		const { session: made, account } = session();
		rememberNewSession(TOKEN, { session: made, account }, at(0), sessionsGeneration());
		const found = await validateRemembered(TOKEN, at(REFRESH_AFTER_MS - 1), validate);
		expect(found?.account.username).toBe('officer');
		expect(found?.renewed).toBe(false);
		expect(calls.n).toBe(0);
		await validateRemembered(TOKEN, at(TTL_MS), validate);
		expect(calls.n).toBe(1);
	});

	it('is not remembered when anything was forgotten since the sign-in began', async () => {
		const { calls, validate } = counting(session());
		const { session: made, account } = session();
		const started = sessionsGeneration();
		forgetSessions(); // an admin's write, say, while the password was being checked
		rememberNewSession(TOKEN, { session: made, account }, at(0), started);
		expect(rememberedSessions()).toBe(0);
		await validateRemembered(TOKEN, at(1), validate);
		expect(calls.n).toBe(1);
	});
});
