#!/usr/bin/env -S npx tsx
/**
 * `npm run users -- <command>`: accounts from the command line (the admin page shares the same
 * operations, src/lib/server/auth/accounts.ts). Thai first, English second, like etl/cli.ts.
 * Passwords come from stdin only (scripts/users/read-password.ts).
 */
import { UsageError } from '../etl/cli/args.ts';
import { EXIT } from '../etl/cli/exit-codes.ts';
import { isCommand, NoPasswordError, refusePasswordInArgv, runCommand } from './users/commands.ts';
import { stdinPasswords } from './users/read-password.ts';

export const USERS_EXIT_TABLE: ReadonlyArray<readonly [number, string, string]> = [
	[EXIT.ok, 'สำเร็จ', 'success'],
	[
		EXIT.usage,
		'คำสั่งหรือตัวเลือกไม่ถูกต้อง (รวมถึงใส่รหัสผ่านในบรรทัดคำสั่ง)',
		'bad command line (a password in argv included)'
	],
	[
		EXIT.input,
		'ข้อมูลไม่ถูกต้อง (รหัสผ่านอ่อน ไม่พบผู้ใช้ ไม่พบจังหวัด …)',
		'bad input (weak password, unknown user, unknown province, …)'
	],
	[
		EXIT.database,
		'ฐานข้อมูลขัดข้อง (รวมถึงโฟลเดอร์ PGlite ถูกเซิร์ฟเวอร์ใช้อยู่)',
		'database failure (the PGlite folder in use by the server included)'
	],
	[EXIT.internal, 'ข้อผิดพลาดภายใน (บั๊ก)', 'internal error (a bug)']
];

const exitTable = USERS_EXIT_TABLE.map(
	([code, th, en]) => `  ${String(code).padEnd(3)} ${th} / ${en}`
).join('\n');

export const USERS_HELP = `สุจริต ผู้ใช้ · Sujarit users

การใช้งาน / Usage:
  npm run users -- add <ชื่อผู้ใช้> --role <admin|analyst|province_officer> [--provinces 52,15] [--name "ชื่อที่แสดง"]
  npm run users -- list
  npm run users -- disable <ชื่อผู้ใช้>
  npm run users -- enable <ชื่อผู้ใช้>
  npm run users -- set-password <ชื่อผู้ใช้>
  npm run users -- set-provinces <ชื่อผู้ใช้> <รหัสจังหวัด,…>
  npm run users -- set-role <ชื่อผู้ใช้> <บทบาท> [--provinces 52,15]
  npm run users -- first-admin

คำสั่ง / Commands:
  add            เพิ่มผู้ใช้ (รหัสผ่านทาง stdin) / add a user (password on stdin)
  list           แสดงผู้ใช้ทั้งหมด / list every user: username, role, provinces, disabled, created
  disable        ปิดบัญชี เซสชันสิ้นสุดทันที / disable an account; its sessions end at once
  enable         เปิดบัญชีอีกครั้ง / enable an account again
  set-password   ตั้งรหัสผ่านใหม่ (ทาง stdin) เซสชันทั้งหมดสิ้นสุด / new password (stdin); sessions end
  set-provinces  จังหวัดของเจ้าหน้าที่จังหวัด / a province officer's provinces (one or more)
  set-role       เปลี่ยนบทบาท / change the role (province_officer needs provinces)
  first-admin    ถ้ายังไม่มีบัญชีใดเลย สร้าง admin พร้อมรหัสผ่านสุ่ม (แสดงครั้งเดียว)
                 / with no account at all: create 'admin' with a random password, shown once

รหัสผ่าน / Passwords: ทาง stdin เท่านั้น ไม่รับในบรรทัดคำสั่ง ยาว 8–256 ตัวอักษร
  on stdin only, never in argv; 8–256 characters. Piped: the first line. A terminal: typed twice, not echoed.
  printf '%s\\n' "$PASSWORD" | npm run users -- add somchai --role province_officer --provinces 52

ฐานข้อมูล / Database: DATABASE_URL (PostgreSQL) หรือ/or PGlite ใน/in SUJARIT_DATA_DIR (ค่าเริ่มต้น/default .data/pglite)
  PGlite ใช้ได้ทีละโปรเซส: หยุดเซิร์ฟเวอร์ก่อน / PGlite is one process at a time: stop the server first.

รหัสออก / Exit codes:
${exitTable}
`;

async function main(argv: string[]): Promise<number> {
	refusePasswordInArgv(argv);
	const [command, ...rest] = argv;
	if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
		process.stdout.write(USERS_HELP);
		return command === undefined ? EXIT.usage : EXIT.ok;
	}
	if (!isCommand(command)) {
		process.stderr.write(`คำสั่งไม่รู้จัก / unknown command: ${command}\n\n${USERS_HELP}`);
		return EXIT.usage;
	}
	if (rest.includes('--help') || rest.includes('-h')) {
		process.stdout.write(USERS_HELP);
		return EXIT.ok;
	}
	return runCommand(command, rest, {
		passwords: stdinPasswords(),
		out: (text) => process.stdout.write(text),
		err: (text) => process.stderr.write(text)
	});
}

main(process.argv.slice(2)).then(
	(code) => {
		process.exitCode = code;
	},
	(e: unknown) => {
		if (e instanceof UsageError) {
			process.stderr.write(`ใช้คำสั่งไม่ถูกต้อง / usage error: ${e.message}\n(--help)\n`);
			process.exitCode = EXIT.usage;
			return;
		}
		if (e instanceof NoPasswordError) {
			process.stderr.write(`${e.message}\n`);
			process.exitCode = EXIT.usage;
			return;
		}
		process.stderr.write(`ข้อผิดพลาดภายใน / internal error: ${(e as Error).stack ?? String(e)}\n`);
		process.exitCode = EXIT.internal;
	}
);
