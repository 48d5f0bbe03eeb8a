import { sql } from 'drizzle-orm';
import {
	char,
	check,
	index,
	integer,
	pgTable,
	primaryKey,
	text,
	timestamp
} from 'drizzle-orm/pg-core';
import { provinces } from './provinces.ts';
import { isOneOf, ROLES, type Role } from './values.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * People who sign in (the public does not). Usernames are stored lower-cased; the password is an
 * argon2id PHC string (src/lib/server/auth/password.ts), never the password itself.
 */
export const users = pgTable(
	'users',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		username: text('username').notNull().unique(),
		displayName: text('display_name').notNull().default(''),
		role: text('role').$type<Role>().notNull(),
		passwordHash: text('password_hash').notNull(),
		/** Set: the account cannot sign in, and its sessions stop working at once. */
		disabledAt: at('disabled_at'),
		createdAt: at('created_at').notNull().defaultNow(),
		updatedAt: at('updated_at').notNull().defaultNow()
	},
	(t) => [
		check('users_role_check', isOneOf(t.role, ROLES)),
		check('users_username_check', sql`${t.username} ~ '^[a-z0-9][a-z0-9._-]{2,63}$'`)
	]
);

/** The provinces a province_officer sees (one or more). Other roles have none. */
export const userProvinces = pgTable(
	'user_provinces',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		provinceCode: char('province_code', { length: 2 })
			.notNull()
			.references(() => provinces.code)
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.provinceCode] }),
		index('user_provinces_province_code_idx').on(t.provinceCode)
	]
);

/**
 * Sessions as the Lucia guidance writes them: the cookie holds a random token, the id is the hex
 * SHA-256 of it, so a leaked table opens no session. An admin's "view as" lives on the session.
 */
export const sessions = pgTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: at('expires_at').notNull(),
		createdAt: at('created_at').notNull().defaultNow(),
		/** An admin looking through another role's eyes; null = as themself. */
		viewAsRole: text('view_as_role').$type<Role | 'public'>(),
		viewAsProvinces: char('view_as_provinces', { length: 2 }).array()
	},
	(t) => [
		index('sessions_user_id_idx').on(t.userId),
		check('sessions_id_check', sql`${t.id} ~ '^[0-9a-f]{64}$'`),
		check(
			'sessions_view_as_role_check',
			sql`${t.viewAsRole} is null or ${t.viewAsRole} in ('analyst', 'province_officer', 'public')`
		)
	]
);

/**
 * Failed sign-ins per key ('user:<name>' for any name typed, known or not, and 'ip:<address>'),
 * in the database so that every server process and a restart agree.
 */
export const loginThrottle = pgTable('login_throttle', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull().default(0),
	windowStart: at('window_start').notNull(),
	lockedUntil: at('locked_until')
});
