import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openPglite, openPostgres, type Db, type Driver } from './client.ts';

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** A test database; `url` is its PostgreSQL URL (for a child process), null on PGlite. */
export type TestDb = Db & { url: string | null };

/**
 * A fresh, migrated database for one test file. PostgreSQL: a new database `sujarit_t_<random>`
 * created through TEST_DATABASE_URL (a maintenance database such as `postgres`) and dropped on
 * close, so that test files can run in parallel. PGlite: an in-memory instance.
 * Throws when PostgreSQL is unreachable: a suite that needs it must fail, not skip.
 */
export async function withTestDatabase(driver: Driver): Promise<TestDb> {
	if (driver === 'pglite') {
		const handle = await openPglite('memory://', { maintenance: true });
		await handle.migrate();
		return { ...handle, url: null };
	}
	const adminUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
	const admin = postgres(adminUrl, { max: 1, connect_timeout: 10, onnotice: () => {} });
	const name = `sujarit_t_${randomBytes(6).toString('hex')}`;
	try {
		await admin.unsafe(`create database ${name}`);
	} catch (cause) {
		await admin.end();
		throw new Error(`cannot create test database ${name} via ${redact(adminUrl)}`, { cause });
	}
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	const handle = openPostgres(url.toString(), { maintenance: true });
	const drop = async () => {
		await admin.unsafe(`drop database if exists ${name} with (force)`);
		await admin.end();
	};
	try {
		await handle.migrate();
	} catch (error) {
		await handle.close();
		await drop();
		throw error;
	}
	return {
		...handle,
		url: url.toString(),
		async close() {
			await handle.close();
			await drop();
		}
	};
}

/** Empties every table but provinces, and restarts the identities: each test starts clean. */
export async function resetData(handle: Db): Promise<void> {
	await handle.db.execute(
		sql.raw(
			'truncate release_documents, release_laos, release_figures, releases, sessions, ' +
				'user_provinces, users, login_throttle, fact_cube, quarantine, checks, problems, unassigned_amounts, plan_item_budgets, ' +
				'plan_items, report_items, doc_tables, source_documents, laos, run_events, load_runs ' +
				'restart identity cascade'
		)
	);
}

function redact(url: string): string {
	const u = new URL(url);
	if (u.password) u.password = '***';
	return u.toString();
}
