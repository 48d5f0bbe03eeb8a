import { describe, expect, it } from 'vitest';
import { SESSION_COOKIE, sessionCookieOptions } from './cookie.ts';

describe('session cookie', () => {
	const expires = new Date('2025-02-01T00:00:00Z');
	const secure = (url: string) => sessionCookieOptions(new URL(url), expires).secure;

	it('is HttpOnly, SameSite=Lax, path /, expiring with the session', () => {
		expect([
			SESSION_COOKIE,
			sessionCookieOptions(new URL('https://sujarit.example/login'), expires)
		]).toEqual([
			'sujarit_session',
			{ path: '/', httpOnly: true, sameSite: 'lax', secure: true, expires }
		]);
	});

	it('is Secure except over plain http to a loopback host', () => {
		expect(
			[
				'http://localhost:5173/',
				'http://127.0.0.1:3000/login',
				'http://[::1]:3000/',
				'https://localhost/',
				'http://192.168.1.20:3000/',
				'http://sujarit.example/',
				'http://localhost.example/',
				'http://127.0.0.2/'
			].map(secure)
		).toEqual([false, false, false, true, true, true, true, true]);
	});
});
