import { randomBytes } from 'node:crypto';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';
import { openPglite, openPostgres, type Db, type Driver } from '../../db/client.ts';
import { DEFAULT_TEST_DATABASE_URL } from '../../db/testing.ts';

/**
 * A database the crash campaign kills writers of, on either driver. `reset()` gives an empty
 * migrated database each time, cheaply: PostgreSQL copies a migrated template database
 * (CREATE DATABASE … TEMPLATE), PGlite copies a migrated template folder (its first open runs
 * initdb, ~12 s on two busy cores; a copy takes milliseconds).
 */
export interface Target {
	driver: Driver;
	/** The environment the CLI child needs to use this database. */
	env: Record<string, string>;
	/** Where it lives, for messages: a database name or a folder. */
	where: string;
	reset(): Promise<void>;
	/** Opens it in this process. PGlite: takes the folder's lock, so close it before a child runs. */
	open(): Promise<Db>;
	dispose(): Promise<void>;
}

export async function postgresTarget(): Promise<Target> {
	const adminUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
	const admin = postgres(adminUrl, { max: 1, connect_timeout: 10, onnotice: () => {} });
	const base = `sujarit_crash_${randomBytes(5).toString('hex')}`;
	const template = `${base}_tpl`;
	const name = base;
	const url = (db: string) => {
		const u = new URL(adminUrl);
		u.pathname = `/${db}`;
		return u.toString();
	};
	await admin.unsafe(`create database ${template}`);
	const tpl = openPostgres(url(template), { maintenance: true });
	try {
		await tpl.migrate();
	} finally {
		await tpl.close();
	}
	return {
		driver: 'postgres',
		env: { DATABASE_URL: url(name) },
		where: name,
		async reset() {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.unsafe(`create database ${name} template ${template}`);
		},
		open: async () => openPostgres(url(name), { maintenance: true }),
		async dispose() {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.unsafe(`drop database if exists ${template} with (force)`);
			await admin.end();
		}
	};
}

export async function pgliteTarget(root: string): Promise<Target> {
	const template = join(root, 'pglite-template');
	const dir = join(root, 'pglite-data');
	const tpl = await openPglite(template, { maintenance: true });
	try {
		await tpl.migrate();
	} finally {
		await tpl.close();
	}
	return {
		driver: 'pglite',
		env: { SUJARIT_DATA_DIR: dir },
		where: dir,
		async reset() {
			rmSync(dir, { recursive: true, force: true });
			cpSync(template, dir, { recursive: true });
		},
		open: () => openPglite(dir, { maintenance: true }),
		async dispose() {
			rmSync(dir, { recursive: true, force: true });
			rmSync(template, { recursive: true, force: true });
		}
	};
}
