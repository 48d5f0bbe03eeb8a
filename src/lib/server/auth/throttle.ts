import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Database } from '../../../../db/client.ts';
import { loginThrottle } from '../../../../db/schema/accounts.ts';

/**
 * Login throttling, in the database (table login_throttle) so that every server process and a
 * restart agree. The rule (also in the README):
 *
 * - Per account name typed, known or not (key 'user:<lower-cased name>'): 5 failures within 15
 *   minutes lock that name for 15 minutes; each further lock doubles (30 min, 1 h, 2 h, …),
 *   capped at 24 h. The lock level is forgotten 24 h after the last lock ended.
 * - Per IP (key 'ip:<address>'): 50 failures within 15 minutes lock the IP for 15 minutes.
 * - A success clears the name's counter, not the IP's.
 * - A locked name or IP is refused before any password is checked, with the seconds left.
 *
 * The window starts at its first failure (a fixed window, not a sliding one); after a lock the
 * next window starts when the lock ends. The table has no column for the lock level, so
 * `failures` holds `limit × locks so far + failures in the current window` (e.g. 7 = one lock
 * served and 2 failures since). The clock is the caller's.
 */
export interface ThrottlePolicy {
	/** Failures within `windowMs` that lock the key. */
	limit: number;
	windowMs: number;
	/** The first lock; each further one doubles, up to `maxLockMs`. */
	lockMs: number;
	maxLockMs: number;
	/** The lock level is forgotten this long after the last lock ended. */
	forgetMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const NAME_POLICY: ThrottlePolicy = {
	limit: 5,
	windowMs: 15 * MINUTE,
	lockMs: 15 * MINUTE,
	maxLockMs: 24 * HOUR,
	forgetMs: 24 * HOUR
};

export const IP_POLICY: ThrottlePolicy = {
	limit: 50,
	windowMs: 15 * MINUTE,
	lockMs: 15 * MINUTE,
	maxLockMs: 15 * MINUTE,
	forgetMs: 24 * HOUR
};

export interface ThrottleState {
	failures: number;
	windowStart: Date;
	lockedUntil: Date | null;
}

/** Keys are capped and cleaned: a NUL cannot go into PostgreSQL text, nor can a megabyte. */
const KEY_CHARS = 64;

export function nameKey(typedName: string): string {
	return `user:${clean(typedName.trim().toLowerCase())}`;
}

export function ipKey(address: string): string {
	return `ip:${clean(address)}`;
}

function clean(text: string): string {
	const out: string[] = [];
	for (const ch of text) {
		if (out.length === KEY_CHARS) break;
		// NUL and lone surrogates become U+FFFD, so that the key round-trips through UTF-8.
		const lone = ch.length === 1 && ch.charCodeAt(0) >= 0xd800 && ch.charCodeAt(0) <= 0xdfff;
		out.push(ch === '\0' || lone ? '\uFFFD' : ch);
	}
	return out.join('');
}

/** The state after one more failure at `now` (pure: the rule above, nothing else). */
export function afterFailure(
	state: ThrottleState | null,
	now: Date,
	policy: ThrottlePolicy
): ThrottleState {
	const t = now.getTime();
	let locks = state ? Math.floor(state.failures / policy.limit) : 0;
	let inWindow = state ? state.failures % policy.limit : 0;
	let windowStart = state?.windowStart ?? now;
	let lockedUntil = state?.lockedUntil ?? null;
	if (lockedUntil && t >= lockedUntil.getTime() + policy.forgetMs) {
		locks = 0;
		lockedUntil = null;
	}
	if (t - windowStart.getTime() >= policy.windowMs) {
		inWindow = 0;
		windowStart = now;
	}
	inWindow++;
	if (inWindow >= policy.limit) {
		locks++;
		const lockMs = Math.min(policy.lockMs * 2 ** (locks - 1), policy.maxLockMs);
		lockedUntil = new Date(t + lockMs);
		windowStart = lockedUntil;
		inWindow = 0;
	}
	return { failures: locks * policy.limit + inWindow, windowStart, lockedUntil };
}

/** Whole seconds until the key is free (rounded up), or null when it is not locked. */
export function lockedForSeconds(state: ThrottleState | null, now: Date): number | null {
	const until = state?.lockedUntil?.getTime();
	if (until === undefined || until <= now.getTime()) return null;
	return Math.ceil((until - now.getTime()) / 1000);
}

/**
 * The state of `key`, its row created if missing and locked (FOR UPDATE) until the caller's
 * transaction ends: concurrent sign-ins for one name wait for each other, so that parallel
 * guesses cannot all slip past the check before the first failure is counted.
 */
export async function lockState(db: Database, key: string, now: Date): Promise<ThrottleState> {
	await db
		.insert(loginThrottle)
		.values({ key, failures: 0, windowStart: now })
		.onConflictDoNothing({ target: loginThrottle.key });
	const [row] = await db
		.select()
		.from(loginThrottle)
		.where(eq(loginThrottle.key, key))
		.for('update');
	if (!row) throw new Error(`login_throttle row ${key} vanished inside its transaction`);
	return row;
}

/** The state of `key` without locking it; null when it has no row. */
export async function readState(db: Database, key: string): Promise<ThrottleState | null> {
	const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
	return row ?? null;
}

export async function writeState(db: Database, key: string, state: ThrottleState): Promise<void> {
	await db.update(loginThrottle).set(state).where(eq(loginThrottle.key, key));
}

/** Counts one failure for `key` under `policy` and returns the new state. */
export async function recordFailure(
	db: Database,
	key: string,
	policy: ThrottlePolicy,
	now: Date
): Promise<ThrottleState> {
	const next = afterFailure(await lockState(db, key, now), now, policy);
	await writeState(db, key, next);
	return next;
}

/** A success: the name starts over. */
export async function clearFailures(db: Database, key: string): Promise<void> {
	await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}

/**
 * Deletes rows that no longer matter at `now`: no lock within the last 24 h and a window older
 * than 24 h. Names typed at random would otherwise pile up; call it now and then (a timer in
 * the server, say).
 */
export async function pruneThrottle(db: Database, now: Date): Promise<number> {
	const before = new Date(now.getTime() - 24 * HOUR);
	const gone = await db
		.delete(loginThrottle)
		.where(
			and(
				lt(loginThrottle.windowStart, before),
				or(isNull(loginThrottle.lockedUntil), lt(loginThrottle.lockedUntil, before))
			)
		)
		.returning({ key: loginThrottle.key });
	return gone.length;
}
