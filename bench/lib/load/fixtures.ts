/**
 * What bench/load.ts needs from the database before the server starts: the LAOs and documents
 * per province (for the virtual users' requests and the isolation check), the fiscal years, a
 * published release (one is published through `npm run etl -- release publish --if-none` when
 * there is none), and the accounts, made through `npm run users` as an operator would.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDb } from '../../../db/client.ts';
import { queryRows } from '../../../db/rows.ts';
import type { Register } from './isolation.ts';
import type { Fixtures, LoadUser } from './scenario.ts';

function group<K extends string, V>(rows: { key: K; value: V }[]): Record<K, V[]> {
	const out = {} as Record<K, V[]>;
	for (const { key, value } of rows) (out[key] ??= []).push(value);
	return out;
}

/** Read-only SELECTs on a maintenance connection. */
export async function readFixtures(): Promise<{ fixtures: Fixtures; register: Register }> {
	const handle = await openDb({ maintenance: true });
	try {
		const { db } = handle;
		const laoCodes = await queryRows<{ key: string; value: string }>(
			db,
			sql`select province_code as key, dla_code as value from laos order by dla_code`
		);
		const withDocuments = await queryRows<{ key: string; value: string }>(
			db,
			sql`select distinct d.province_code as key, d.lao_dla_code as value
				from source_documents d
				where d.lao_dla_code is not null and d.province_code is not null
					and d.verdict in ('accepted', 'accepted_with_warnings')
				order by 2`
		);
		const documents = await queryRows<{ key: string; value: number }>(
			db,
			sql`select province_code as key, id as value from source_documents
				where province_code is not null order by id`
		);
		const releases = await queryRows<{ version: number }>(
			db,
			sql`select version from releases order by version`
		);
		const years = await queryRows<{ year: number }>(
			db,
			sql`select distinct fiscal_year as year from fact_cube order by 1`
		);
		const documentIds = group(documents);
		return {
			fixtures: {
				laos: group(withDocuments),
				documents: documentIds,
				releases: releases.map((r) => r.version),
				years: years.map((r) => r.year)
			},
			register: { laoCodes: group(laoCodes), documentIds }
		};
	} finally {
		await handle.close();
	}
}

/**
 * A database copied just after the demo's ingest may never have been analysed (autovacuum had
 * not come round to it): with no statistics the planner guesses, and no live database plans
 * that way. ANALYZE when the facts have none; returns whether it did.
 */
export async function ensureStatistics(): Promise<boolean> {
	const handle = await openDb({ maintenance: true });
	try {
		const [row] = await queryRows<{ n: number }>(
			handle.db,
			sql`select count(*)::int as n from pg_stats where tablename in ('fact_cube', 'plan_items')`
		);
		if ((row?.n ?? 0) > 0) return false;
		await handle.db.execute(sql`analyze`);
		return true;
	} finally {
		await handle.close();
	}
}

/** The public pages need a release: publishes the first one when there is none. */
export function ensureRelease(root: string): string {
	const r = spawnSync(
		join(root, 'node_modules/.bin/tsx'),
		[
			'etl/cli.ts',
			'release',
			'publish',
			'--if-none',
			'--note',
			'ฉบับทดสอบภาระ / load-test release (synthetic demo data)'
		],
		{ cwd: root, encoding: 'utf8' }
	);
	if (r.status !== 0) throw new Error(`release publish → ${r.status}\n${r.stderr}`);
	return r.stdout.trim();
}

function users(root: string, args: string[], password: string | null): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn(join(root, 'node_modules/.bin/tsx'), ['scripts/users.ts', ...args], {
			cwd: root,
			stdio: ['pipe', 'pipe', 'pipe']
		});
		let out = '';
		child.stdout.on('data', (c: Buffer) => (out += c.toString()));
		child.stderr.on('data', (c: Buffer) => (out += c.toString()));
		child.stdin.end(password === null ? '' : `${password}\n`);
		child.on('exit', (code) =>
			code === 0 ? resolve(out) : reject(new Error(`users ${args.join(' ')} → ${code}\n${out}`))
		);
	});
}

/**
 * Every account of the cast, with `password`: added when missing, else given the password, role
 * and provinces again (a previous run may have cast other provinces). Two CLIs at a time.
 */
export async function ensureAccounts(
	root: string,
	cast: LoadUser[],
	password: string
): Promise<void> {
	const listed = await users(root, ['list'], null);
	const existing = new Set(listed.split('\n').map((line) => line.split(/\s+/)[0]));
	const jobs = cast
		.filter((u) => u.username !== null)
		.map((u) => async () => {
			const name = u.username!;
			const provinces = u.provinces.length ? ['--provinces', u.provinces.join(',')] : [];
			if (!existing.has(name)) {
				await users(root, ['add', name, '--role', u.role, ...provinces], password);
				return;
			}
			await users(root, ['set-role', name, u.role, ...provinces], null);
			await users(root, ['set-password', name], password);
		});
	await Promise.all(
		[0, 1].map(async () => {
			for (let job = jobs.shift(); job; job = jobs.shift()) await job();
		})
	);
}
