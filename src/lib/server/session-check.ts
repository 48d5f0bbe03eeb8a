import * as auth from './auth/index.ts';
import { quickRead, withScope } from './db/index.ts';

/**
 * A session cookie's check, as the hooks ask it (through auth.validateRemembered). On PostgreSQL
 * the read goes in one round trip on the quick lane (db quickRead): a valid session not due for
 * renewal needs nothing more. An unknown one is null, as validateSessionToken answers it. Whatever
 * must be written (an expired session or a disabled account's sessions to delete, a renewal), and
 * every check on PGlite, takes validateSessionToken in an 'auth' transaction.
 */
export async function checkSession(token: string, now: Date): Promise<auth.ValidSession | null> {
	if (!auth.isWellFormedToken(token)) return null;
	const id = auth.sessionIdOf(token);
	const rows = await quickRead<auth.SessionRow>({ kind: 'auth' }, auth.sessionLookupText(id));
	if (rows) {
		const found = auth.sessionFromLookup(id, rows[0], now);
		if (found !== 'write') return found;
	}
	return withScope({ kind: 'auth' }, (db) => auth.validateSessionToken(db, token, now));
}
