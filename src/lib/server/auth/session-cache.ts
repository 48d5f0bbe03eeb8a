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
export const MAX_ENTRIES = 10_000;

interface Entry {
	value: ValidSession;
	until: number;
}

const entries = new Map<string, Entry>();
/** Bumped by every forgetting: a validation that started under an older generation is not kept. */
let generation = 0;

/** Every remembered session is asked again (a write happened, or is about to). */
export function forgetSessions(): void {
	generation++;
	entries.clear();
}

/** How many sessions are remembered (tests, diagnostics). */
export const rememberedSessions = (): number => entries.size;

/**
 * `validate()`'s answer for `token`, or a remembered one no older than TTL_MS. A remembered
 * session is returned with `renewed: false`: the renewal's cookie went out with the answer
 * that renewed it.
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
		if (at < hit.until) return { ...hit.value, renewed: false };
		entries.delete(id);
	}
	const started = generation;
	const value = await validate();
	if (value && started === generation) {
		const until = Math.min(at + TTL_MS, value.session.expiresAt.getTime());
		if (until > at) {
			entries.delete(id);
			entries.set(id, { value, until });
			if (entries.size > MAX_ENTRIES) {
				const oldest = entries.keys().next().value;
				if (oldest !== undefined) entries.delete(oldest);
			}
		}
	}
	return value;
}
