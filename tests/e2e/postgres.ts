/** A PostgreSQL database of its own for one e2e suite (the app, the ETL and the users CLI). */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { DEFAULT_TEST_DATABASE_URL } from '../../db/testing.ts';

export interface PostgresDatabase {
	url: string;
	name: string;
	/** Drops it (with force: an app still connected is cut off). */
	drop(): Promise<void>;
}

/**
 * A new, empty PostgreSQL database `<prefix>_<random>`, created through TEST_DATABASE_URL (a
 * maintenance database such as `postgres`, as tests/db does). The first ETL command migrates it.
 * Throws when PostgreSQL is unreachable: a suite that needs it fails, never skips.
 */
export async function createPostgresDatabase(prefix = 'sujarit_e2e'): Promise<PostgresDatabase> {
	const adminUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
	const name = `${prefix}_${randomBytes(6).toString('hex')}`;
	const admin = postgres(adminUrl, { max: 1, connect_timeout: 10, onnotice: () => {} });
	try {
		await admin.unsafe(`create database ${name}`);
	} catch (cause) {
		await admin.end();
		throw new Error(`cannot create the e2e database ${name} (TEST_DATABASE_URL)`, { cause });
	}
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		name,
		async drop() {
			try {
				await admin.unsafe(`drop database if exists ${name} with (force)`);
			} finally {
				await admin.end();
			}
		}
	};
}
