import type { Database } from '../../../../db/client.ts';
import {
	findAccountByName,
	normalizeUsername,
	toAccount,
	USERNAME_PATTERN,
	type Account
} from './account.ts';
import { codePoints, hashPassword, PASSWORD_MAX, verifyPassword } from './password.ts';
import { createSession, pruneSessions, type Session } from './session.ts';
import {
	afterFailure,
	clearFailures,
	ipKey,
	IP_POLICY,
	lockedForSeconds,
	lockState,
	NAME_POLICY,
	nameKey,
	pruneThrottle,
	readState,
	recordFailure,
	writeState
} from './throttle.ts';
import { generateSessionToken } from './token.ts';

export interface LoginInput {
	username: string;
	password: string;
	/** The client's address (event.getClientAddress()), for the per-IP limit. */
	ip: string;
	now: Date;
}

export type LoginResult =
	| { ok: true; token: string; session: Session; account: Account }
	| {
			ok: false;
			/**
			 * 'invalid' for an unknown name, a wrong password and a disabled account alike;
			 * 'throttled' when the name or the IP is locked (decided before any password check).
			 */
			reason: 'invalid' | 'throttled';
			/**
			 * 'throttled': seconds until the lock ends. 'invalid': the same when this very failure
			 * locked the name or the IP, else null.
			 */
			retryAfterSeconds: number | null;
	  };

/**
 * Sign-in. Reveals nothing about which names exist: the answer for an unknown name, a wrong
 * password and a disabled account is the same 'invalid', each after one argon2 verification (an
 * unknown name is checked against a dummy hash) and the same throttle writes, so their timing is
 * comparable too. Throttling (src/lib/server/auth/throttle.ts) is decided first, the same way for
 * known and unknown names. Runs in the caller's transaction in scope 'auth'; any string input
 * is answered, never thrown on.
 */
export async function login(db: Database, input: LoginInput): Promise<LoginResult> {
	const { password, now } = input;
	const name = normalizeUsername(input.username);
	const userKey = nameKey(input.username);
	const addressKey = ipKey(input.ip);

	if (housekeepingDue(now)) await tidy(db, now);
	const nameState = await lockState(db, userKey, now);
	const wait = max(
		lockedForSeconds(nameState, now),
		lockedForSeconds(await readState(db, addressKey), now)
	);
	if (wait !== null) return { ok: false, reason: 'throttled', retryAfterSeconds: wait };

	// A name the CHECK would refuse cannot exist, and could not be sent to PostgreSQL as text
	// anyway if it held a NUL: it is not looked up, and still costs one verification.
	const record = USERNAME_PATTERN.test(name) ? await findAccountByName(db, name) : null;
	// No real password is longer than the policy allows: a megabyte is refused without hashing it.
	const checkable = password.length <= PASSWORD_MAX * 2 && codePoints(password) <= PASSWORD_MAX;
	const matches =
		checkable && (await verifyPassword(record?.passwordHash ?? (await dummyHash()), password));

	if (record && matches && record.disabledAt === null) {
		await clearFailures(db, userKey);
		const token = generateSessionToken();
		const session = await createSession(db, token, record.id, now);
		return { ok: true, token, session, account: toAccount(record) };
	}
	const nameAfter = afterFailure(nameState, now, NAME_POLICY);
	await writeState(db, userKey, nameAfter);
	const ipAfter = await recordFailure(db, addressKey, IP_POLICY, now);
	return {
		ok: false,
		reason: 'invalid',
		retryAfterSeconds: max(lockedForSeconds(nameAfter, now), lockedForSeconds(ipAfter, now))
	};
}

const HOUSEKEEPING_MS = 60 * 60 * 1000;
let lastHousekeeping = -Infinity;

/** At most once an hour per process, whoever signs in (the same work for every name). */
function housekeepingDue(now: Date): boolean {
	const t = now.getTime();
	if (Math.abs(t - lastHousekeeping) < HOUSEKEEPING_MS) return false;
	lastHousekeeping = t;
	return true;
}

/**
 * Deletes expired sessions and throttle rows that no longer matter, so that neither table grows
 * with abandoned cookies or names typed at random. Sign-in runs it now and then.
 */
export async function tidy(
	db: Database,
	now: Date
): Promise<{ sessions: number; throttle: number }> {
	return { sessions: await pruneSessions(db, now), throttle: await pruneThrottle(db, now) };
}

function max(a: number | null, b: number | null): number | null {
	if (a === null) return b;
	if (b === null) return a;
	return Math.max(a, b);
}

/** A hash of a random secret, made once per process, for unknown names to be verified against. */
let dummy: Promise<string> | null = null;
function dummyHash(): Promise<string> {
	dummy ??= hashPassword(generateSessionToken());
	return dummy;
}
