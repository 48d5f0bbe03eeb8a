import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Database } from '../../../../db/client.ts';
import { userProvinces, users } from '../../../../db/schema/accounts.ts';
import { ROLES, type Role } from '../../../../db/schema/values.ts';
import {
	findAccountByName,
	findAccounts,
	normalizeUsername,
	toSummary,
	USERNAME_PATTERN,
	type Account,
	type AccountRecord,
	type AccountSummary
} from './account.ts';
import { refuse, type AuthError, type AuthErrorCode, type Refusal } from './errors.ts';
import { checkPasswordPolicy, hashPassword } from './password.ts';
import { checkProvinces } from './provinces.ts';
import { invalidateUserSessions } from './session.ts';

/**
 * Account operations shared by `npm run users` and the admin page. Each runs in the caller's
 * transaction in scope 'auth' and returns `{ ok: true, account }` or `{ ok: false, error }` (errors.ts)
 * with a stable code and a Thai + English message: bad input is a value, only a bug throws.
 * Usernames are matched as typed, trimmed and lower-cased.
 */
export type Outcome<C extends AuthErrorCode = AuthErrorCode> =
	{ ok: true; account: AccountSummary } | Refusal<C>;

export interface NewUser {
	username: string;
	displayName?: string;
	role: string;
	password: string;
	provinces?: readonly string[];
	/** created_at / updated_at; defaults to the current time. */
	now?: Date;
}

export async function addUser(db: Database, input: NewUser): Promise<Outcome> {
	const username = normalizeUsername(input.username);
	if (!USERNAME_PATTERN.test(username)) return refuse('username_invalid', input.username);
	if (!isRole(input.role)) return refuse('role_invalid', input.role);
	const policy = checkPasswordPolicy(input.password);
	if (!policy.ok) return asRefusal(policy);
	const provinces = await checkProvinces(db, input.role, input.provinces ?? []);
	if (!provinces.ok) return provinces;
	if (await findAccountByName(db, username)) return refuse('username_taken', username);
	const now = input.now ?? new Date();
	// Two adds of one name at once both pass the lookup above (PostgreSQL): the unique index
	// decides, and the one that loses is told so instead of failing with a 500.
	const [created] = await db
		.insert(users)
		.values({
			username,
			displayName: input.displayName?.trim() ?? '',
			role: input.role,
			passwordHash: await hashPassword(input.password),
			createdAt: now,
			updatedAt: now
		})
		.onConflictDoNothing({ target: users.username })
		.returning({ id: users.id });
	if (!created) return refuse('username_taken', username);
	if (provinces.codes.length > 0) {
		await db
			.insert(userProvinces)
			.values(provinces.codes.map((provinceCode) => ({ userId: created.id, provinceCode })));
	}
	return found(db, username);
}

/** Every account, by username, without hashes. */
export async function listUsers(db: Database): Promise<AccountSummary[]> {
	return (await findAccounts(db)).map(toSummary);
}

/** The account cannot sign in any more, and its sessions end at once. */
export async function disableUser(
	db: Database,
	username: string,
	now: Date = new Date()
): Promise<Outcome> {
	const record = await lockAccount(db, username);
	if (!record) return refuse('unknown_user', username);
	if (record.role === 'admin' && (await isLastAdmin(db, record))) {
		return refuse('last_admin', record.username);
	}
	await db
		.update(users)
		.set({ disabledAt: record.disabledAt ?? now, updatedAt: now })
		.where(eq(users.id, record.id));
	await invalidateUserSessions(db, record.id);
	return found(db, record.username);
}

export async function enableUser(
	db: Database,
	username: string,
	now: Date = new Date()
): Promise<Outcome> {
	const record = await lockAccount(db, username);
	if (!record) return refuse('unknown_user', username);
	await db.update(users).set({ disabledAt: null, updatedAt: now }).where(eq(users.id, record.id));
	return found(db, record.username);
}

/** A new password; every session of the account ends (whoever knew the old one is out). */
export async function setPassword(
	db: Database,
	username: string,
	password: string,
	now: Date = new Date()
): Promise<Outcome> {
	const record = await lockAccount(db, username);
	if (!record) return refuse('unknown_user', username);
	const policy = checkPasswordPolicy(password);
	if (!policy.ok) return asRefusal(policy);
	await db
		.update(users)
		.set({ passwordHash: await hashPassword(password), updatedAt: now })
		.where(eq(users.id, record.id));
	await invalidateUserSessions(db, record.id);
	return found(db, record.username);
}

/** The provinces of an account: one or more for a province officer, none for other roles. */
export async function setProvinces(
	db: Database,
	username: string,
	codes: readonly string[],
	now: Date = new Date()
): Promise<Outcome> {
	const record = await lockAccount(db, username);
	if (!record) return refuse('unknown_user', username);
	const checked = await checkProvinces(db, record.role, codes);
	if (!checked.ok) return checked;
	await replaceProvinces(db, record.id, checked.codes);
	await db.update(users).set({ updatedAt: now }).where(eq(users.id, record.id));
	return found(db, record.username);
}

/**
 * A new role. Becoming a province officer needs provinces (given here, or kept from before);
 * any other role drops them. The last enabled admin cannot stop being one. Sessions go on: the
 * role is read afresh on every request.
 */
export async function setRole(
	db: Database,
	username: string,
	role: string,
	provinces?: readonly string[],
	now: Date = new Date()
): Promise<Outcome> {
	const record = await lockAccount(db, username);
	if (!record) return refuse('unknown_user', username);
	if (!isRole(role)) return refuse('role_invalid', role);
	if (record.role === 'admin' && role !== 'admin' && (await isLastAdmin(db, record))) {
		return refuse('last_admin', record.username);
	}
	const wanted = provinces ?? (role === 'province_officer' ? record.provinces : []);
	const checked = await checkProvinces(db, role, wanted);
	if (!checked.ok) return checked;
	await db.update(users).set({ role, updatedAt: now }).where(eq(users.id, record.id));
	await replaceProvinces(db, record.id, checked.codes);
	return found(db, record.username);
}

export function isRole(value: string): value is Role {
	return (ROLES as readonly string[]).includes(value);
}

/**
 * The account a write changes, its row locked until the transaction ends: two admins changing
 * one account at once take turns (PostgreSQL; PGlite runs one transaction at a time), and the
 * second reads what the first wrote. Unlocked, two set-provinces raced to the primary key of
 * user_provinces (a 500, seen on PostgreSQL) or, with disjoint sets, could leave their union
 * (neither DELETE sees the other's new rows).
 */
async function lockAccount(db: Database, username: string): Promise<AccountRecord | null> {
	const name = normalizeUsername(username);
	await db.select({ id: users.id }).from(users).where(eq(users.username, name)).for('update');
	return findAccountByName(db, name);
}

async function replaceProvinces(db: Database, userId: number, codes: string[]): Promise<void> {
	await db.delete(userProvinces).where(eq(userProvinces.userId, userId));
	if (codes.length > 0) {
		await db.insert(userProvinces).values(codes.map((provinceCode) => ({ userId, provinceCode })));
	}
}

/** True when `record` is an enabled admin and no other enabled admin exists. */
async function isLastAdmin(db: Database, record: AccountRecord): Promise<boolean> {
	if (record.disabledAt !== null) return false;
	const others = await db.$count(
		users,
		and(eq(users.role, 'admin'), isNull(users.disabledAt), ne(users.id, record.id))
	);
	return others === 0;
}

async function found(
	db: Database,
	username: string
): Promise<{ ok: true; account: AccountSummary }> {
	const record = await findAccountByName(db, username);
	if (!record) throw new Error(`account ${username} vanished inside its own transaction`);
	return { ok: true, account: toSummary(record) };
}

/** The password policy's flat answer, as the `{ ok: false, error }` every operation returns. */
function asRefusal<C extends AuthErrorCode>({
	ok,
	...error
}: { ok: false } & AuthError<C>): Refusal<C> {
	return { ok, error };
}

export type { Account, AccountSummary, Role };
