import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from './client.ts';
import { DataDirLockedError, LOCK_FILE, lockDataDir } from './pglite-lock.ts';
import { queryRows } from './rows.ts';

const root = mkdtempSync(join(tmpdir(), 'sujarit-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
function folder(): string {
	const dir = join(root, `data ${++n}`);
	mkdirSync(dir);
	return dir;
}

/** What a refusal says, as a tuple: [class, code, pid]. */
function refusal(fn: () => unknown): [string, string, number] | 'no error' {
	try {
		fn();
		return 'no error';
	} catch (e) {
		const err = e as DataDirLockedError;
		return [err.name, err.code, err.pid];
	}
}

/** The pid of a process that has exited (so a lock naming it is stale). */
function deadPid(): number {
	const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
	return Number(child.stdout.toString());
}

describe('lockDataDir', () => {
	it('writes our pid, refuses a second holder, and is free again after release', () => {
		const dir = folder();
		const lock = lockDataDir(dir);
		const content = readFileSync(join(dir, LOCK_FILE), 'utf8');
		const second = refusal(() => lockDataDir(dir));
		lock.release();
		lock.release(); // twice is harmless
		const gone = existsSync(join(dir, LOCK_FILE));
		const again = lockDataDir(dir);
		again.release();
		expect([content, second, gone]).toEqual([
			`${process.pid}\n`,
			['DataDirLockedError', 'data_dir_locked', process.pid],
			false
		]);
	});

	it('refuses while another process holding it runs, takes it over once it is gone', async () => {
		const dir = folder();
		const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
		const pid = sleeper.pid!;
		writeFileSync(join(dir, LOCK_FILE), `${pid}\n`);
		const whileAlive = refusal(() => lockDataDir(dir));
		await new Promise((done) => {
			sleeper.on('exit', done);
			sleeper.kill('SIGKILL');
		});
		const lock = lockDataDir(dir);
		const content = readFileSync(join(dir, LOCK_FILE), 'utf8');
		lock.release();
		expect([whileAlive, content]).toEqual([
			['DataDirLockedError', 'data_dir_locked', pid],
			`${process.pid}\n`
		]);
	});

	it('takes over a stale lock (dead pid) and a garbage one', () => {
		const stale = folder();
		writeFileSync(join(stale, LOCK_FILE), `${deadPid()}\n`);
		const garbage = folder();
		writeFileSync(join(garbage, LOCK_FILE), 'not a pid');
		const a = lockDataDir(stale);
		const b = lockDataDir(garbage);
		const contents = [stale, garbage].map((d) => readFileSync(join(d, LOCK_FILE), 'utf8'));
		a.release();
		b.release();
		expect(contents).toEqual([`${process.pid}\n`, `${process.pid}\n`]);
	});
});

describe('openPglite and the lock', () => {
	it('a data folder opens once at a time; close frees it; memory:// takes no lock', async () => {
		const dir = folder();
		const first = await openPglite(dir);
		let second: string;
		try {
			await openPglite(dir);
			second = 'opened twice';
		} catch (e) {
			second = `${(e as DataDirLockedError).code} ${(e as DataDirLockedError).pid}`;
		}
		const heldWhileOpen = existsSync(join(dir, LOCK_FILE));
		await first.close();
		const heldAfterClose = existsSync(join(dir, LOCK_FILE));
		const reopened = await openPglite(dir);
		const rows = await queryRows(reopened.db, sql`select 1 as one`);
		await reopened.close();
		const m1 = await openPglite('memory://');
		const m2 = await openPglite('memory://');
		await Promise.all([m1.close(), m2.close()]);
		expect([second, heldWhileOpen, heldAfterClose, rows]).toEqual([
			`data_dir_locked ${process.pid}`,
			true,
			false,
			[{ one: 1 }]
		]);
	}, 60_000);
});
