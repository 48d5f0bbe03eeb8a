import type { ValidSession } from './session.ts';
import { sessionIdOf } from './token.ts';

/**
 * Validated sessions remembered for a moment, so that a page and the requests it sets off
 * (its __data.json, the extracts, the list API) do not each open an 'auth' transaction of
 * three statements: under the load campaign (bench/load.ts) those were a third of every signed-in
 * request's round trips to PostgreSQL.
 *
 * What may be stale, and for how long:
 *  - at most TTL_MS (2 s), and never past the session's own expiry;
 *  - a write made through this server (any POST, PUT, PATCH or DELETE: sign-in, sign-out, the
 *    admin pages, view-as, publish) empties the cache before and again after it runs
 *    (hooks.server.ts), and a validation that began before the write is not stored;
 *  - a write made by another process (`npm run users disable …` on PostgreSQL while the server
 *    runs) is seen within TTL_MS.
 * Only sessions found valid are kept: an unknown, expired or disabled one is asked every time,
 * so nothing a stranger sends can fill the cache, and MAX_ENTRIES bounds it anyway.
 */
export const TTL_MS = 2_000;
/**
 * From this age on, a remembered session still answers, and is asked again in the background:
 * a reader who keeps clicking never waits for the database (bench/load.ts: under load, a third
 * of the slow extracts had waited 70–210 ms on this check), and nothing is ever older than TTL_MS.
 */
export const REFRESH_AFTER_MS = TTL_MS / 2;
export const MAX_ENTRIES = 10_000;

interface Entry {
	value: ValidSession;
	until: number;
	refreshAt: number;
	refreshing: boolean;
	/** A background check renewed the session: the next answer sends its cookie. */
	renewed: boolean;
}

const entries = new Map<string, Entry>();
/** Bumped by every forgetting: a validation that started under an older generation is not kept. */
let generation = 0;

/**
 * Writes that can end or change no existing session, and so leave the remembered ones be: a
 * sign-in only adds a session (its housekeeping deletes expired sessions, which are never
 * remembered past their expiry, and throttle rows). Under the load campaign each sign-in had
 * emptied the cache for every reader (45 sign-ins a minute among 50 readers), and the next
 * request of each waited on the database for its session.
 */
const KEEPS_SESSIONS: ReadonlySet<string> = new Set(['/login']);

/** Whether a write to `routeId` may end or change sessions, so that remembered ones go. */
export const writeMayChangeSessions = (routeId: string | null): boolean =>
	routeId === null || !KEEPS_SESSIONS.has(routeId);

/** Every remembered session is asked again (a write happened, or is about to). */
export function forgetSessions(): void {
	generation++;
	entries.clear();
}

/** Where the cache's forgetting stands: taken before a sign-in, handed to rememberNewSession. */
export const sessionsGeneration = (): number => generation;

/**
 * A session a sign-in has just committed (`at`: its creation), remembered like a validated one,
 * so that the reader's next request does not ask the database for it: under the load campaign
 * (bench/load.ts) 2–10 of a sessions run's slow extracts had waited on the check of a session
 * made a moment before. Not when anything was forgotten since `startedGeneration` (a write that
 * may have changed the account came in between): then the next request asks, as before.
 */
export function rememberNewSession(
	token: string,
	found: Omit<ValidSession, 'renewed'>,
	at: Date,
	startedGeneration: number
): void {
	if (startedGeneration !== generation) return;
	remember(sessionIdOf(token), { ...found, renewed: false }, at.getTime(), false);
}

/** How many sessions are remembered (tests, diagnostics). */
export const rememberedSessions = (): number => entries.size;

/** `value`, validated from `at` on, remembered under `id` (unless it expires first). */
function remember(id: string, value: ValidSession, at: number, renewed: boolean): void {
	const until = Math.min(at + TTL_MS, value.session.expiresAt.getTime());
	entries.delete(id);
	if (until <= at) return;
	entries.set(id, {
		value,
		until,
		refreshAt: Math.min(at + REFRESH_AFTER_MS, until),
		refreshing: false,
		renewed
	});
	if (entries.size > MAX_ENTRIES) {
		const oldest = entries.keys().next().value;
		if (oldest !== undefined) entries.delete(oldest);
	}
}

/**
 * The background check of a remembered session: its answer replaces the entry (a refusal
 * forgets it), unless a write came in between or the entry has gone meanwhile. A failure
 * leaves the entry to expire at its time.
 */
function refresh(
	id: string,
	hit: Entry,
	at: number,
	validate: () => Promise<ValidSession | null>
): void {
	hit.refreshing = true;
	const started = generation;
	validate().then(
		(value) => {
			if (started !== generation || entries.get(id) !== hit) return;
			if (value) remember(id, value, at, hit.renewed || value.renewed);
			else entries.delete(id);
		},
		() => {
			hit.refreshing = false;
		}
	);
}

/**
 * `validate()`'s answer for `token`, or a remembered one no older than TTL_MS. A remembered
 * session is returned with `renewed: false`: the renewal's cookie went out with the answer
 * that renewed it (or, renewed by a background check, goes out with the next answer).
 */
export async function validateRemembered(
	token: string,
	now: Date,
	validate: () => Promise<ValidSession | null>
): Promise<ValidSession | null> {
	const id = sessionIdOf(token);
	const at = now.getTime();
	const hit = entries.get(id);
	if (hit) {
		if (at < hit.until) {
			if (at >= hit.refreshAt && !hit.refreshing) refresh(id, hit, at, validate);
			const renewed = hit.renewed;
			hit.renewed = false;
			return { ...hit.value, renewed };
		}
		entries.delete(id);
	}
	const started = generation;
	const value = await validate();
	if (value && started === generation) remember(id, value, at, false);
	return value;
}
