/**
 * Accounts, sessions and sign-in (issue 5). Import as a namespace:
 * `import * as auth from '$lib/server/auth'` (from src/lib/server: './auth/index.ts').
 * Every function that takes `db` runs in the caller's transaction opened in scope 'auth'
 * (`inScope(db, { kind: 'auth' }, (tx) => …)` / `withScope({ kind: 'auth' }, …)`): row-level
 * security shows the accounts, sessions and throttle rows to that scope alone.
 */
export {
	generateSessionToken,
	isWellFormedToken,
	sessionIdOf,
	TOKEN_BYTES,
	TOKEN_PATTERN
} from './token.ts';
export {
	createSession,
	invalidateSession,
	invalidateUserSessions,
	RENEW_BELOW_DAYS,
	SESSION_DAYS,
	sessionFromLookup,
	sessionLookupText,
	setViewAs,
	validateSessionToken,
	type Session,
	type SessionRow,
	type ValidSession,
	type ViewAs,
	type ViewAsRefusal
} from './session.ts';
export {
	ARGON2_OPTIONS,
	checkPasswordPolicy,
	codePoints,
	hashPassword,
	PASSWORD_MAX,
	PASSWORD_MIN,
	verifyPassword
} from './password.ts';
export {
	afterFailure,
	IP_POLICY,
	ipKey,
	NAME_POLICY,
	nameKey,
	pruneThrottle,
	type ThrottlePolicy,
	type ThrottleState
} from './throttle.ts';
export {
	forgetSessions,
	writeMayChangeSessions,
	rememberNewSession,
	rememberedSessions,
	sessionsGeneration,
	validateRemembered,
	TTL_MS as SESSION_MEMORY_MS
} from './session-cache.ts';
export { login, tidy, type LoginInput, type LoginResult } from './login.ts';
/** Account operations (the CLI and the admin page): `auth.accounts.addUser(db, …)`. */
export * as accounts from './accounts.ts';
export {
	normalizeUsername,
	USERNAME_PATTERN,
	type Account,
	type AccountSummary,
	type Role
} from './account.ts';
export {
	AUTH_ERRORS,
	authError,
	refuse,
	type AuthError,
	type AuthErrorCode,
	type Refusal
} from './errors.ts';
export { SESSION_COOKIE, sessionCookieOptions, type SessionCookieOptions } from './cookie.ts';
