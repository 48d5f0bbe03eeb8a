import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type Database, type Driver } from '../../db/client.ts';
import { withTestDatabase, type TestDb } from '../../db/testing.ts';
import * as auth from '../../src/lib/server/auth/index.ts';
import { inScope } from '../../src/lib/server/db/scoped.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

/** `tsx scripts/users.ts …args` as `npm run users` runs it, with `stdin` piped (then closed). */
export function runUsersCli(
	args: readonly string[],
	env: Record<string, string>,
	stdin = ''
): Promise<CliResult> {
	const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
	if (!('DATABASE_URL' in env)) delete childEnv.DATABASE_URL;
	delete childEnv.NODE_OPTIONS;
	return new Promise((resolve, reject) => {
		const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/users.ts', ...args], {
			cwd: ROOT,
			env: childEnv,
			stdio: ['pipe', 'pipe', 'pipe']
		});
		const out: Buffer[] = [];
		const err: Buffer[] = [];
		child.stdout.on('data', (b: Buffer) => out.push(b));
		child.stderr.on('data', (b: Buffer) => err.push(b));
		child.on('error', reject);
		child.on('close', (code) =>
			resolve({
				code,
				stdout: Buffer.concat(out).toString('utf8'),
				stderr: Buffer.concat(err).toString('utf8')
			})
		);
		child.stdin.on('error', () => {}); // a command that reads no stdin may exit first
		child.stdin.end(stdin);
	});
}

/** Where the CLI's database is, and a way for the test to use it between two runs. */
export interface CliTarget {
	env: Record<string, string>;
	use<T>(fn: (db: Database) => Promise<T>): Promise<T>;
	close(): Promise<void>;
}

/**
 * PGlite: a data folder the CLI and the test open in turn (one process at a time: the lock).
 * PostgreSQL: a throwaway database the test keeps open while the CLI runs.
 */
export async function cliTarget(driver: Driver): Promise<CliTarget & { dataDir: string | null }> {
	if (driver === 'pglite') {
		const tmp = mkdtempSync(join(tmpdir(), 'sujarit-users-cli-'));
		const dataDir = join(tmp, 'pglite data');
		return {
			dataDir,
			env: { SUJARIT_DATA_DIR: dataDir },
			async use(fn) {
				const handle = await openPglite(dataDir, { maintenance: true });
				try {
					await handle.migrate();
					return await fn(handle.db);
				} finally {
					await handle.close();
				}
			},
			async close() {
				rmSync(tmp, { recursive: true, force: true });
			}
		};
	}
	const handle: TestDb = await withTestDatabase('postgres');
	return {
		dataDir: null,
		env: { DATABASE_URL: handle.url! },
		use: (fn) => fn(handle.db),
		close: () => handle.close()
	};
}

const PASSWORD = 'correct horse แบตเตอรี่ 2568';
const NEW_PASSWORD = 'รหัสผ่านใหม่ที่ยาวพอ';
const STAMP = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g;

/**
 * `npm run users` end to end, as a child process, on PGlite and on PostgreSQL. The tests share
 * one database and run in order, as an operator would type them.
 */
export function registerUsersCliSuite(driver: Driver): void {
	// Every step is a child process (tsx, then PGlite opening its folder): minutes on a busy machine.
	describe(`npm run users on ${driver}`, { timeout: 180_000 }, () => {
		let target: CliTarget;
		const cli = (args: string[], stdin = '') => runUsersCli(args, target.env, stdin);
		const inAuth = <T>(fn: (tx: Database) => Promise<T>) =>
			target.use((db) => inScope(db, { kind: 'auth' }, fn));

		beforeAll(async () => {
			target = await cliTarget(driver);
		});
		afterAll(async () => {
			await target?.close();
		});

		it('refuses a password on the command line, in any spelling, and never echoes it', async () => {
			const runs = [
				await cli(['add', 'somchai', '--role', 'analyst', '--password', 'hunter2hunter2']),
				await cli(['add', 'somchai', '--role', 'analyst', '--password=hunter2hunter2']),
				await cli(['set-password', 'somchai', '-p', 'hunter2hunter2']),
				await cli(['add', 'somchai', 'hunter2hunter2', '--role', 'analyst'], `${PASSWORD}\n`)
			];
			const refused =
				'ใช้คำสั่งไม่ถูกต้อง / usage error: ห้ามใส่รหัสผ่านในบรรทัดคำสั่ง (ps และประวัติ shell ' +
				'มองเห็นได้) ให้ส่งทาง stdin / a password is never taken from the command line (ps and ' +
				`the shell history show it): pipe it on stdin, e.g. printf '%s\\n' "$PASSWORD" | npm run users -- …\n(--help)\n`;
			expect(runs.map((r) => [r.code, r.stdout, r.stderr.includes('hunter2'), r.stderr])).toEqual([
				[2, '', false, refused],
				[2, '', false, refused],
				[2, '', false, refused],
				[2, '', false, 'ใช้คำสั่งไม่ถูกต้อง / usage error: add <username> --role <role>\n(--help)\n']
			]);
		});

		it('adds users with the password read from stdin; refuses a weak or missing one', async () => {
			const officer = await cli(
				[
					'add',
					'SomChai',
					'--role',
					'province_officer',
					'--provinces',
					'52,15',
					'--name',
					'สมชาย ใจดี'
				],
				`${PASSWORD}\nthe second line is not read\n`
			);
			const admin = await cli(['add', 'admin1', '--role', 'admin'], `${PASSWORD}\r\n`);
			const weak = await cli(['add', 'weak1', '--role', 'analyst'], 'สั้น\n');
			const none = await cli(['add', 'none1', '--role', 'analyst'], '');
			expect([officer, admin, weak, none]).toEqual([
				{
					code: 0,
					stdout: 'เพิ่มผู้ใช้แล้ว / added: somchai (province_officer; 15, 52)\n',
					stderr: ''
				},
				{ code: 0, stdout: 'เพิ่มผู้ใช้แล้ว / added: admin1 (admin)\n', stderr: '' },
				{
					code: 3,
					stdout: '',
					stderr:
						'รหัสผ่านต้องยาวอย่างน้อย 8 ตัวอักษร: 4 < 8 / the password must be at least 8 characters: 4 < 8\n'
				},
				{
					code: 2,
					stdout: '',
					stderr:
						'ไม่ได้รับรหัสผ่านทาง stdin / no password on stdin (printf \'%s\\n\' "$PASSWORD" | npm run users -- …)\n'
				}
			]);
			// The whole first line is the password (a CR before the LF is dropped), nothing after it.
			const logins = await inAuth(async (tx) => [
				(
					await auth.login(tx, {
						username: 'somchai',
						password: PASSWORD,
						ip: 't',
						now: new Date()
					})
				).ok,
				(await auth.login(tx, { username: 'admin1', password: PASSWORD, ip: 't', now: new Date() }))
					.ok
			]);
			expect(logins).toEqual([true, true]);
		});

		it('lists username, role, provinces, disabled, created and name, never a hash', async () => {
			const list = await cli(['list']);
			expect([list.code, list.stdout.replace(STAMP, '<time>'), list.stderr]).toEqual([
				0,
				'username  role              provinces  disabled  created               name\n' +
					'admin1    admin             -          -         <time>\n' +
					'somchai   province_officer  15,52      -         <time>  สมชาย ใจดี\n',
				''
			]);
		});

		it('disable ends a live session at once; enable and set-password let the user back', async () => {
			const signedIn = await inAuth((tx) =>
				auth.login(tx, { username: 'somchai', password: PASSWORD, ip: 't', now: new Date() })
			);
			if (!signedIn.ok) throw new Error('could not sign in');
			const before = await inAuth((tx) =>
				auth.validateSessionToken(tx, signedIn.token, new Date())
			);
			const disable = await cli(['disable', 'somchai']);
			const after = await inAuth((tx) => auth.validateSessionToken(tx, signedIn.token, new Date()));
			const list = await cli(['list']);
			const enable = await cli(['enable', 'somchai']);
			const setPassword = await cli(['set-password', 'somchai'], `${NEW_PASSWORD}\n`);
			const logins = await inAuth(async (tx) => {
				const ok = [];
				for (const password of [PASSWORD, NEW_PASSWORD]) {
					const now = new Date();
					ok.push((await auth.login(tx, { username: 'somchai', password, ip: 't', now })).ok);
				}
				return ok;
			});
			expect([
				before?.account.username,
				disable,
				after,
				list.stdout.split('\n')[2]!.replace(STAMP, '<time>'),
				enable,
				setPassword,
				logins
			]).toEqual([
				'somchai',
				{
					code: 0,
					stdout:
						'ปิดบัญชีแล้ว เซสชันทั้งหมดสิ้นสุด / disabled, every session ended: somchai (province_officer; 15, 52)\n',
					stderr: ''
				},
				null,
				'somchai   province_officer  15,52      <time>  <time>  สมชาย ใจดี',
				{
					code: 0,
					stdout: 'เปิดบัญชีแล้ว / enabled: somchai (province_officer; 15, 52)\n',
					stderr: ''
				},
				{
					code: 0,
					stdout:
						'ตั้งรหัสผ่านใหม่แล้ว เซสชันทั้งหมดสิ้นสุด / password set, every session ended: somchai (province_officer; 15, 52)\n',
					stderr: ''
				},
				[false, true]
			]);
		});

		it('sets provinces and roles; refuses unknown provinces, users and roles with exit 3', async () => {
			const runs = [
				await cli(['set-provinces', 'somchai', '52', '10']),
				await cli(['set-provinces', 'somchai', '99,52']),
				await cli(['set-role', 'somchai', 'analyst']),
				await cli(['set-role', 'somchai', 'province_officer', '--provinces', '15']),
				await cli(['set-role', 'somchai', 'root']),
				await cli(['disable', 'nobody']),
				await cli(['set-role', 'admin1', 'analyst'])
			];
			expect(runs).toEqual([
				{
					code: 0,
					stdout: 'ตั้งจังหวัดแล้ว / provinces set: somchai (province_officer; 10, 52)\n',
					stderr: ''
				},
				{ code: 3, stdout: '', stderr: 'ไม่พบรหัสจังหวัด: 99 / unknown province code: 99\n' },
				{ code: 0, stdout: 'ตั้งบทบาทแล้ว / role set: somchai (analyst)\n', stderr: '' },
				{ code: 0, stdout: 'ตั้งบทบาทแล้ว / role set: somchai (province_officer; 15)\n', stderr: '' },
				{
					code: 3,
					stdout: '',
					stderr:
						'บทบาทต้องเป็น admin, analyst หรือ province_officer: root / the role must be admin, analyst or province_officer: root\n'
				},
				{ code: 3, stdout: '', stderr: 'ไม่พบผู้ใช้: nobody / no such user: nobody\n' },
				{
					code: 3,
					stdout: '',
					stderr:
						'ต้องเหลือผู้ดูแลระบบที่ใช้งานได้อย่างน้อยหนึ่งคน: admin1 / at least one enabled admin must remain: admin1\n'
				}
			]);
		});

		it('answers --help in Thai then English, and a bad command line with exit 2', async () => {
			const help = await cli(['--help']);
			const bare = await cli([]);
			const unknown = await cli(['remove', 'somchai']);
			const extra = await cli(['list', 'now']);
			expect([
				help.code,
				help.stdout.split('\n')[0],
				help.stdout.includes('printf'),
				bare.code,
				unknown.code,
				unknown.stderr.split('\n')[0],
				extra
			]).toEqual([
				0,
				'สุจริต ผู้ใช้ · Sujarit users',
				true,
				2,
				2,
				'คำสั่งไม่รู้จัก / unknown command: remove',
				{
					code: 2,
					stdout: '',
					stderr: 'ใช้คำสั่งไม่ถูกต้อง / usage error: list takes no argument\n(--help)\n'
				}
			]);
		});
	});
}

/**
 * The CLI on a terminal: `script` (util-linux) gives it a pseudo-terminal, and each answer is
 * typed only once its prompt is shown (before that the terminal would still echo). Returns what
 * the terminal displayed, line endings as '\n'.
 */
export function runUsersCliOnTerminal(
	args: readonly string[],
	env: Record<string, string>,
	answers: readonly string[]
): Promise<{ code: number | null; screen: string }> {
	const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
	if (!('DATABASE_URL' in env)) delete childEnv.DATABASE_URL;
	delete childEnv.NODE_OPTIONS;
	const command = ['node_modules/.bin/tsx', 'scripts/users.ts', ...args]
		.map((a) => `'${a.replaceAll("'", "'\\''")}'`)
		.join(' ');
	return new Promise((resolve, reject) => {
		const child = spawn('script', ['-qec', command, '/dev/null'], {
			cwd: ROOT,
			env: childEnv,
			stdio: ['pipe', 'pipe', 'pipe']
		});
		let screen = '';
		let answered = 0;
		child.stdout.on('data', (b: Buffer) => {
			screen += b.toString('utf8');
			const prompts = screen.match(/: $/gm)?.length ?? 0;
			while (answered < Math.min(prompts, answers.length)) child.stdin.write(answers[answered++]);
		});
		child.on('error', reject);
		child.on('close', (code) => {
			child.stdin.destroy();
			resolve({ code, screen: screen.replaceAll('\r\n', '\n') });
		});
	});
}
