import { asc, eq, lte } from 'drizzle-orm';
import type { Database } from '../../../../db/client.ts';
import { sessions, userProvinces, users } from '../../../../db/schema/accounts.ts';
import type { Account } from './account.ts';
import { refuse, type Refusal } from './errors.ts';
import { checkProvinces } from './provinces.ts';
import { isWellFormedToken, sessionIdOf } from './token.ts';

export type { Account };

/**
 * Sessions as the Lucia guidance writes them (lucia-auth.com, "Sessions"): the row's id is the
 * SHA-256 of the cookie's token, a session lives 30 days and is extended to 30 days again when
 * it is used with 15 days or fewer left, so that a daily user never signs in again and an
 * abandoned cookie dies within a month. Logout deletes the row; disabling an account deletes all
 * of its rows. The clock is always the caller's (`now`), so tests drive it.
 *
 * Every function runs in the caller's transaction, opened in scope 'auth'
 * (`inScope(db, { kind: 'auth' }, …)`): row-level security lets no other scope see these rows.
 */
export const SESSION_DAYS = 30;
export const RENEW_BELOW_DAYS = 15;

const DAY_MS = 24 * 60 * 60 * 1000;

/** An admin looking through another role's eyes (and, for an officer, provinces' eyes). */
export interface ViewAs {
	role: 'analyst' | 'province_officer' | 'public';
	provinces: string[];
}

export interface Session {
	/** Hex SHA-256 of the token: safe to log and to store, useless as a cookie. */
	id: string;
	userId: number;
	expiresAt: Date;
	viewAs: ViewAs | null;
}

export interface ValidSession {
	session: Session;
	account: Account;
	/** expiresAt moved: the caller sends the cookie again with the new expiry. */
	renewed: boolean;
}

const VIEW_AS_ROLES: readonly ViewAs['role'][] = ['analyst', 'province_officer', 'public'];

export async function createSession(
	db: Database,
	token: string,
	userId: number,
	now: Date
): Promise<Session> {
	const session: Session = {
		id: sessionIdOf(token),
		userId,
		expiresAt: new Date(now.getTime() + SESSION_DAYS * DAY_MS),
		viewAs: null
	};
	await db.insert(sessions).values({
		id: session.id,
		userId,
		expiresAt: session.expiresAt,
		createdAt: now
	});
	return session;
}

/**
 * The session and account behind a cookie's token, or null: for a malformed or unknown token
 * (nothing is written), an expired session (its row is deleted), or a disabled account (all of
 * its sessions are deleted).
 */
export async function validateSessionToken(
	db: Database,
	token: string,
	now: Date
): Promise<ValidSession | null> {
	if (!isWellFormedToken(token)) return null;
	const id = sessionIdOf(token);
	const [row] = await db
		.select({
			expiresAt: sessions.expiresAt,
			viewAsRole: sessions.viewAsRole,
			viewAsProvinces: sessions.viewAsProvinces,
			userId: users.id,
			username: users.username,
			displayName: users.displayName,
			role: users.role,
			disabledAt: users.disabledAt
		})
		.from(sessions)
		.innerJoin(users, eq(sessions.userId, users.id))
		.where(eq(sessions.id, id));
	if (!row) return null;
	if (now.getTime() >= row.expiresAt.getTime()) {
		await invalidateSession(db, id);
		return null;
	}
	if (row.disabledAt !== null) {
		await invalidateUserSessions(db, row.userId);
		return null;
	}
	let expiresAt = row.expiresAt;
	const renewed = dueForRenewal(expiresAt, now);
	if (renewed) {
		expiresAt = new Date(now.getTime() + SESSION_DAYS * DAY_MS);
		await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id));
	}
	const provinces = await db
		.select({ code: userProvinces.provinceCode })
		.from(userProvinces)
		.where(eq(userProvinces.userId, row.userId))
		.orderBy(asc(userProvinces.provinceCode));
	return validSession(id, { ...row, expiresAt, provinces: provinces.map((p) => p.code) }, renewed);
}

const dueForRenewal = (expiresAt: Date, now: Date) =>
	now.getTime() >= expiresAt.getTime() - RENEW_BELOW_DAYS * DAY_MS;

/** A session's row joined to its account, with the account's provinces in order. */
export type SessionRow = {
	expiresAt: Date;
	viewAsRole: string | null;
	viewAsProvinces: string[] | null;
	userId: number;
	username: string;
	displayName: string;
	role: Account['role'];
	disabledAt: Date | null;
	provinces: string[];
};

function validSession(id: string, row: SessionRow, renewed: boolean): ValidSession {
	const viewAs =
		row.viewAsRole === null || !VIEW_AS_ROLES.includes(row.viewAsRole as ViewAs['role'])
			? null
			: { role: row.viewAsRole as ViewAs['role'], provinces: row.viewAsProvinces ?? [] };
	return {
		session: { id, userId: row.userId, expiresAt: row.expiresAt, viewAs },
		account: {
			id: row.userId,
			username: row.username,
			displayName: row.displayName,
			role: row.role,
			provinces: row.provinces
		},
		renewed
	};
}

/**
 * validateSessionToken's read as one statement of SQL text, for the app's one-round-trip read
 * (src/lib/server/db quickRead, which takes no parameters): the id is the token's hex SHA-256,
 * checked to be exactly that before it is written into the text. Columns as SessionRow.
 */
export function sessionLookupText(id: string): string {
	if (!/^[0-9a-f]{64}$/.test(id)) throw new Error('a session id is 64 hex digits');
	return `select s.expires_at as "expiresAt", s.view_as_role as "viewAsRole",
			s.view_as_provinces as "viewAsProvinces", u.id as "userId", u.username,
			u.display_name as "displayName", u.role, u.disabled_at as "disabledAt",
			array(select p.province_code from user_provinces p
				where p.user_id = u.id order by p.province_code) as provinces
		from sessions s join users u on u.id = s.user_id
		where s.id = '${id}'`;
}

/**
 * What sessionLookupText's answer settles without writing: null for no row (an unknown session,
 * as validateSessionToken answers it), the session when it is valid and not due for renewal.
 * 'write' when validateSessionToken must run (an expired session or a disabled account to
 * delete, a renewal to write).
 */
export function sessionFromLookup(
	id: string,
	row: SessionRow | undefined,
	now: Date
): ValidSession | null | 'write' {
	if (!row) return null;
	const expiresAt = new Date(row.expiresAt);
	if (
		now.getTime() >= expiresAt.getTime() ||
		row.disabledAt !== null ||
		dueForRenewal(expiresAt, now)
	) {
		return 'write';
	}
	return validSession(
		id,
		{ ...row, expiresAt, provinces: row.provinces.map((p) => p.trim()) },
		false
	);
}

/** Logout: the session stops working at once. */
export async function invalidateSession(db: Database, sessionId: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Every session of a user (disable, new password). */
export async function invalidateUserSessions(db: Database, userId: number): Promise<void> {
	await db.delete(sessions).where(eq(sessions.userId, userId));
}

export type ViewAsRefusal = Refusal<
	| 'unknown_session'
	| 'not_admin'
	| 'view_as_role_invalid'
	| 'provinces_required'
	| 'provinces_not_allowed'
	| 'unknown_province'
>;

/**
 * An admin's "view as": stored on the session (null = as themself). The provinces must exist:
 * one or more for 'province_officer', none for 'analyst' and 'public'. Only an admin's session
 * may carry one. Refusals are values; the session is unchanged then.
 */
export async function setViewAs(
	db: Database,
	sessionId: string,
	viewAs: ViewAs | null
): Promise<{ ok: true; viewAs: ViewAs | null } | ViewAsRefusal> {
	const [owner] = await db
		.select({ role: users.role })
		.from(sessions)
		.innerJoin(users, eq(sessions.userId, users.id))
		.where(eq(sessions.id, sessionId));
	if (!owner) return refuse('unknown_session');
	if (owner.role !== 'admin') return refuse('not_admin');
	if (viewAs === null) {
		await db
			.update(sessions)
			.set({ viewAsRole: null, viewAsProvinces: null })
			.where(eq(sessions.id, sessionId));
		return { ok: true, viewAs: null };
	}
	if (!VIEW_AS_ROLES.includes(viewAs.role)) return refuse('view_as_role_invalid', viewAs.role);
	const checked = await checkProvinces(db, viewAs.role, viewAs.provinces);
	if (!checked.ok) return checked;
	await db
		.update(sessions)
		.set({ viewAsRole: viewAs.role, viewAsProvinces: checked.codes })
		.where(eq(sessions.id, sessionId));
	return { ok: true, viewAs: { role: viewAs.role, provinces: checked.codes } };
}

/** Deletes sessions expired at `now` (abandoned cookies are never presented again). */
export async function pruneSessions(db: Database, now: Date): Promise<number> {
	const gone = await db
		.delete(sessions)
		.where(lte(sessions.expiresAt, now))
		.returning({ id: sessions.id });
	return gone.length;
}
