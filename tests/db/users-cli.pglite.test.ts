import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPglite } from '../../db/client.ts';
import { DataDirLockedError } from '../../db/pglite-lock.ts';
import { runCli, SAMPLE_CSV } from '../etl/helpers.ts';
import * as auth from '../../src/lib/server/auth/index.ts';
import { inScope } from '../../src/lib/server/db/scoped.ts';
import {
	cliTarget,
	registerUsersCliSuite,
	runUsersCli,
	runUsersCliOnTerminal
} from './users-cli.suite.ts';

registerUsersCliSuite('pglite');

// PGlite alone: one process at a time in a data folder (db/pglite-lock.ts).
describe('a PGlite folder in use by another process (the server)', () => {
	it('makes npm run users and npm run etl exit 4 with a clear message, and touch nothing', async () => {
		const target = await cliTarget('pglite');
		const dataDir = target.dataDir!;
		try {
			const server = await openPglite(dataDir, { maintenance: true }); // this process holds it
			const users = await runUsersCli(['list'], target.env);
			const etl = await runCli(['registry', 'import', SAMPLE_CSV], { dataDir });
			await server.close();
			const afterwards = await runUsersCli(['list'], target.env);
			const message = `ฐานข้อมูลขัดข้อง / database failure: ${
				new DataDirLockedError(resolve(dataDir), process.pid).message
			}\n`;
			expect([users, etl.code, etl.stderr, afterwards]).toEqual([
				{ code: 4, stdout: '', stderr: message },
				4,
				message,
				{
					code: 0,
					stdout: 'username  role  provinces  disabled  created  name\n',
					stderr: ''
				}
			]);
		} finally {
			await target.close();
		}
	}, 120_000);
});

// The terminal path does not depend on the driver: it runs here only, to spare a minute.
describe('npm run users on a terminal', () => {
	it('prompts twice without echo, keys typed ahead included; two different entries are refused', async () => {
		const target = await cliTarget('pglite');
		const secret = 'พิมพ์บนจอ ไม่แสดง 42';
		try {
			const differ = await runUsersCliOnTerminal(
				['add', 'ttyuser', '--role', 'analyst'],
				target.env,
				[`${secret}\r`, `${secret}x\r`]
			);
			const typo = 'x\u007f'; // a typo erased with Backspace
			const added = await runUsersCliOnTerminal(
				['add', 'ttyuser', '--role', 'analyst'],
				target.env,
				[`${typo}${secret}\r`, `${secret}\r`]
			);
			// Both entries typed ahead in one burst, before the second prompt shows.
			const ahead = await runUsersCliOnTerminal(
				['add', 'ttyahead', '--role', 'analyst'],
				target.env,
				[`${secret}\r${secret}\r`]
			);
			const signedIn = await target.use((db) =>
				inScope(db, { kind: 'auth' }, (tx) =>
					auth.login(tx, { username: 'ttyuser', password: secret, ip: 't', now: new Date() })
				)
			);
			expect([differ, added, ahead, signedIn.ok]).toEqual([
				{
					code: 2,
					screen:
						'รหัสผ่านใหม่ / new password: \nป้อนอีกครั้ง / again: \nป้อนไม่ตรงกัน / the two entries differ\n'
				},
				{
					code: 0,
					screen:
						'รหัสผ่านใหม่ / new password: \nป้อนอีกครั้ง / again: \nเพิ่มผู้ใช้แล้ว / added: ttyuser (analyst)\n'
				},
				{
					code: 0,
					screen:
						'รหัสผ่านใหม่ / new password: \nป้อนอีกครั้ง / again: \nเพิ่มผู้ใช้แล้ว / added: ttyahead (analyst)\n'
				},
				true
			]);
		} finally {
			await target.close();
		}
	}, 120_000);
});
