import { asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Database } from '../../../../db/client.ts';
import { userProvinces, users } from '../../../../db/schema/accounts.ts';
import type { Role } from '../../../../db/schema/values.ts';

export type { Role };

/** The database's CHECK on users.username (db/schema/accounts.ts), for input checked early. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/** Names are stored lower-cased; what people type is trimmed and lower-cased the same way. */
export function normalizeUsername(typed: string): string {
	return typed.trim().toLowerCase();
}

/** Who signed in, as the app sees them: never the password hash. */
export interface Account {
	id: number;
	username: string;
	displayName: string;
	role: Role;
	/** Province codes ('52'), sorted; empty for every role but province_officer. */
	provinces: string[];
}

/** An account as the CLI and the admin page list it. */
export interface AccountSummary extends Account {
	/** disabledAt !== null, for a template's class: and if. */
	disabled: boolean;
	disabledAt: Date | null;
	createdAt: Date;
}

/** A stored account with what sign-in needs. Stays inside src/lib/server/auth. */
export interface AccountRecord extends Account {
	disabledAt: Date | null;
	createdAt: Date;
	passwordHash: string;
}

/** Accounts matching `where` (on `users`), with their provinces, ordered by username. */
export async function findAccounts(db: Database, where?: SQL): Promise<AccountRecord[]> {
	const rows = await db
		.select({
			id: users.id,
			username: users.username,
			displayName: users.displayName,
			role: users.role,
			passwordHash: users.passwordHash,
			disabledAt: users.disabledAt,
			createdAt: users.createdAt
		})
		.from(users)
		.where(where)
		.orderBy(asc(users.username));
	if (rows.length === 0) return [];
	const links = await db
		.select()
		.from(userProvinces)
		.where(
			inArray(
				userProvinces.userId,
				rows.map((r) => r.id)
			)
		)
		.orderBy(asc(userProvinces.provinceCode));
	return rows.map((row) => ({
		...row,
		provinces: links.filter((l) => l.userId === row.id).map((l) => l.provinceCode)
	}));
}

export async function findAccountByName(
	db: Database,
	username: string
): Promise<AccountRecord | null> {
	return (await findAccounts(db, eq(users.username, username)))[0] ?? null;
}

export async function findAccountById(db: Database, id: number): Promise<AccountRecord | null> {
	return (await findAccounts(db, eq(users.id, id)))[0] ?? null;
}

/** The public shape: what a session or a successful sign-in hands to the app. */
export function toAccount(record: AccountRecord): Account {
	const { id, username, displayName, role, provinces } = record;
	return { id, username, displayName, role, provinces };
}

export function toSummary(record: AccountRecord): AccountSummary {
	return {
		...toAccount(record),
		disabled: record.disabledAt !== null,
		disabledAt: record.disabledAt,
		createdAt: record.createdAt
	};
}
