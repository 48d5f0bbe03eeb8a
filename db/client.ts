import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema/index.ts';
import { lockDataDir } from './pglite-lock.ts';
import { DataDirUnreadableError } from './pglite-unreadable.ts';
import { postgresSessionLock, type LockOptions, type SessionLock } from './session-lock.ts';
import { PROVINCES } from './seed/provinces.ts';

export type Schema = typeof schema;
/** The drizzle database whichever the driver: callers never need to know which one it is. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Driver = 'postgres' | 'pglite';

export interface Db {
	db: Database;
	driver: Driver;
	/** postgres.js itself (PostgreSQL only): for the app's one-round-trip reads (quickRead). */
	client?: postgres.Sql;
	/** Applies db/migrations, then upserts the 77 provinces. Safe to run again. */
	migrate(): Promise<void>;
	/**
	 * Holds `key` (db/session-lock.ts LOCK_KEYS) until release() or until this process dies, or
	 * throws LockBusyError. PostgreSQL: a session advisory lock on a connection of its own.
	 * PGlite: nothing more to take, since the data-folder lock already makes this process the
	 * folder's only one (and memory:// is private to it).
	 */
	sessionLock(key: number, options: LockOptions): Promise<SessionLock>;
	close(): Promise<void>;
}

export interface OpenDbOptions {
	/** A PostgreSQL URL; defaults to DATABASE_URL. When neither is set, PGlite is used. */
	url?: string;
	/** PGlite's data folder, or 'memory://'. Defaults to SUJARIT_DATA_DIR, then .data/pglite. */
	dataDir?: string;
	/**
	 * The ETL, the CLIs and tests write every table: their connections declare scope
	 * 'maintenance', which row-level security lets the owner (never sujarit_app) use
	 * (db/migrations/0004_row_security.sql). The app leaves it off: it reads through
	 * src/lib/server/db/scoped.ts, as sujarit_app, in the viewer's scope.
	 */
	maintenance?: boolean;
}

// Resolved from this file, not the cwd, so that tests and the CLI agree. The built app is bundled
// into build/server/chunks, where that relative path does not exist: it is served from the project
// root, so it falls back to db/migrations there (or SUJARIT_MIGRATIONS_DIR).
export const MIGRATIONS_FOLDER =
	[
		process.env.SUJARIT_MIGRATIONS_DIR,
		fileURLToPath(new URL('./migrations', import.meta.url)),
		resolve(process.cwd(), 'db/migrations')
	].find((dir): dir is string => !!dir && existsSync(resolve(dir, 'meta/_journal.json'))) ??
	resolve(process.cwd(), 'db/migrations');

export async function openDb(options: OpenDbOptions = {}): Promise<Db> {
	const url = options.url ?? process.env.DATABASE_URL;
	const maintenance = options.maintenance ?? false;
	return url ? openPostgres(url, { maintenance }) : openPglite(options.dataDir, { maintenance });
}

const MAINTENANCE = { 'sujarit.scope': 'maintenance' } as const;

/** postgres.js's own default: connections one process opens at most. */
export const DEFAULT_POOL_MAX = 10;

/**
 * DATABASE_POOL_MAX: how many connections one process may open (1–1000; unset → 10). Anything
 * else is refused with the variable named, never passed on to postgres.js as NaN or 0. Measured
 * on the national load run: 40 did worse than 10 (PostgreSQL took more of the app's shared core).
 */
export function poolMax(value: string | undefined = process.env.DATABASE_POOL_MAX): number {
	if (value === undefined || value.trim() === '') return DEFAULT_POOL_MAX;
	const n = /^\s*\d{1,4}\s*$/.test(value) ? Number(value) : NaN;
	if (!Number.isInteger(n) || n < 1 || n > 1000) {
		throw new Error(
			`DATABASE_POOL_MAX must be a whole number from 1 to 1000 (connections per process), not ${JSON.stringify(value.slice(0, 40))}`
		);
	}
	return n;
}

/** PostgreSQL through postgres.js, whatever DATABASE_URL says. */
export function openPostgres(
	url: string,
	options: { maintenance?: boolean; max?: number } = {}
): Db {
	// Notices ("schema drizzle already exists, skipping") are noise on every migrate. The scope is
	// a startup parameter, so that every pooled connection carries it.
	const client = postgres(url, {
		max: options.max ?? poolMax(),
		onnotice: () => {},
		...(options.maintenance ? { connection: MAINTENANCE } : {})
	});
	const db = drizzlePostgres({ client, schema });
	return {
		db,
		driver: 'postgres',
		client,
		async migrate() {
			await migratePostgres(db, { migrationsFolder: MIGRATIONS_FOLDER });
			await seedProvinces(db);
		},
		sessionLock: (key, lockOptions) => postgresSessionLock(client, key, lockOptions),
		close: () => client.end()
	};
}

/**
 * PGlite in a data folder (created if missing) or in memory ('memory://'). A data folder is
 * locked for this process until close (db/pglite-lock.ts): a second process (the server while
 * `npm run users` or `npm run etl` runs) gets DataDirLockedError instead of corrupting it. A folder
 * PGlite cannot open is DataDirUnreadableError, whose message says how to recover.
 */
export async function openPglite(
	dataDir?: string,
	options: { maintenance?: boolean } = {}
): Promise<Db> {
	const dir = dataDir ?? process.env.SUJARIT_DATA_DIR ?? '.data/pglite';
	const inFolder = !dir.includes('://');
	if (inFolder) mkdirSync(dir, { recursive: true });
	const lock = inFolder ? lockDataDir(dir) : null;
	let client: PGlite;
	try {
		client = await PGlite.create(dir);
	} catch (error) {
		lock?.release();
		throw inFolder ? new DataDirUnreadableError(dir, { cause: error }) : error;
	}
	try {
		if (options.maintenance) await client.exec(`set sujarit.scope = 'maintenance'`);
	} catch (error) {
		await client.close().catch(() => {});
		lock?.release();
		throw error;
	}
	const db = drizzlePglite({ client, schema });
	return {
		db,
		driver: 'pglite',
		async migrate() {
			await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
			await seedProvinces(db);
		},
		sessionLock: async () => ({ release: async () => {} }),
		async close() {
			try {
				await client.close();
			} finally {
				lock?.release();
			}
		}
	};
}

/** The 77 provinces, written in scope 'maintenance' whatever the connection declares. */
async function seedProvinces(db: Database): Promise<void> {
	await db.transaction(async (tx) => {
		await tx.execute(sql`select set_config('sujarit.scope', 'maintenance', true)`);
		await upsertProvinces(tx);
	});
}

async function upsertProvinces(db: Pick<Database, 'insert'>): Promise<void> {
	await db
		.insert(schema.provinces)
		.values([...PROVINCES])
		.onConflictDoUpdate({
			target: schema.provinces.code,
			set: {
				iso: sql`excluded.iso`,
				nameTh: sql`excluded.name_th`,
				nameEn: sql`excluded.name_en`,
				region: sql`excluded.region`
			}
		});
}
