/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site
 * POSTs), path '/', and Secure except over plain http to this machine itself, where a browser
 * would drop a Secure cookie and local development could not sign in. Anything else that is
 * plain http (a LAN address, a proxy that forgot its headers) still gets Secure, so a
 * misconfigured production fails closed: the cookie is simply not kept.
 */
export const SESSION_COOKIE = 'sujarit_session';

export interface SessionCookieOptions {
	path: '/';
	httpOnly: true;
	sameSite: 'lax';
	secure: boolean;
	expires: Date;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function sessionCookieOptions(url: URL, expiresAt: Date): SessionCookieOptions {
	const local = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
	return { path: '/', httpOnly: true, sameSite: 'lax', secure: !local, expires: expiresAt };
}
