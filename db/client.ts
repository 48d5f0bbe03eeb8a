import { mkdirSync } from 'node:fs';
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
import { PROVINCES } from './seed/provinces.ts';

export type Schema = typeof schema;
/** The drizzle database whichever the driver: callers never need to know which one it is. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Driver = 'postgres' | 'pglite';

export interface Db {
	db: Database;
	driver: Driver;
	/** Applies db/migrations, then upserts the 77 provinces. Safe to run again. */
	migrate(): Promise<void>;
	close(): Promise<void>;
}

export interface OpenDbOptions {
	/** A PostgreSQL URL; defaults to DATABASE_URL. When neither is set, PGlite is used. */
	url?: string;
	/** PGlite's data folder, or 'memory://'. Defaults to SUJARIT_DATA_DIR, then .data/pglite. */
	dataDir?: string;
}

// Resolved from this file, not the cwd, so that tests, the CLI and the app agree.
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

export async function openDb(options: OpenDbOptions = {}): Promise<Db> {
	const url = options.url ?? process.env.DATABASE_URL;
	return url ? openPostgres(url) : openPglite(options.dataDir);
}

/** PostgreSQL through postgres.js, whatever DATABASE_URL says. */
export function openPostgres(url: string): Db {
	// Notices ("schema drizzle already exists, skipping") are noise on every migrate.
	const client = postgres(url, { onnotice: () => {} });
	const db = drizzlePostgres({ client, schema });
	return {
		db,
		driver: 'postgres',
		async migrate() {
			await migratePostgres(db, { migrationsFolder: MIGRATIONS_FOLDER });
			await seedProvinces(db);
		},
		close: () => client.end()
	};
}

/** PGlite in a data folder (created if missing) or in memory ('memory://'). */
export async function openPglite(dataDir?: string): Promise<Db> {
	const dir = dataDir ?? process.env.SUJARIT_DATA_DIR ?? '.data/pglite';
	if (!dir.includes('://')) mkdirSync(dir, { recursive: true });
	const client = await PGlite.create(dir);
	const db = drizzlePglite({ client, schema });
	return {
		db,
		driver: 'pglite',
		async migrate() {
			await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
			await seedProvinces(db);
		},
		close: () => client.close()
	};
}

async function seedProvinces(db: Database): Promise<void> {
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
