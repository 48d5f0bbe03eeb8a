import type { Database } from '../../db/client.ts';
import { flagString, parseArgs, rejectUnknown, UsageError, type Args } from '../../etl/cli/args.ts';
import { EXIT } from '../../etl/cli/exit-codes.ts';
import { openMigratedDb } from '../../etl/cli/open-db.ts';
import * as auth from '../../src/lib/server/auth/index.ts';
import { inScope } from '../../src/lib/server/db/scoped.ts';
import { describeAccount, formatAccountTable } from './format.ts';
import { NoPasswordError, type PasswordSource } from './read-password.ts';

export interface Io {
	passwords: PasswordSource;
	out(text: string): void;
	err(text: string): void;
}

/** What one command does once its arguments are read: an account operation, or a listing. */
type Operation = (db: Database) => Promise<auth.accounts.Outcome | { ok: true; text: string }>;

const COMMANDS = [
	'add',
	'list',
	'disable',
	'enable',
	'set-password',
	'set-provinces',
	'set-role',
	'first-admin'
] as const;
export type Command = (typeof COMMANDS)[number];

export function isCommand(value: string | undefined): value is Command {
	return (COMMANDS as readonly (string | undefined)[]).includes(value);
}

/**
 * A password on the command line is refused before anything else, whatever its spelling
 * (`--password x`, `--password=x`, `--pass`, `-p`), and its value is never echoed back.
 */
export function refusePasswordInArgv(argv: readonly string[]): void {
	if (argv.some((a) => /^--?(p|pass|passwd|password)(=|$)/i.test(a))) {
		throw new UsageError(
			'ห้ามใส่รหัสผ่านในบรรทัดคำสั่ง (ps และประวัติ shell มองเห็นได้) ให้ส่งทาง stdin ' +
				'/ a password is never taken from the command line (ps and the shell history show it): ' +
				`pipe it on stdin, e.g. printf '%s\\n' "$PASSWORD" | npm run users -- …`
		);
	}
}

/** '52,15' and '52 15' and '52, 15' alike. */
export function splitCodes(values: readonly string[]): string[] {
	return values.flatMap((v) => v.split(/[\s,]+/)).filter((c) => c !== '');
}

/** Runs one command; returns the exit code. Usage errors throw UsageError (exit 2). */
export async function runCommand(command: Command, argv: string[], io: Io): Promise<number> {
	const args = parseArgs(argv, ['role', 'name', 'provinces']);
	let operation: Operation;
	let success: string;
	switch (command) {
		case 'add': {
			rejectUnknown(args, ['role', 'name', 'provinces']);
			const username = onlyUsername(args, 'add <username> --role <role>');
			const role = flagString(args, 'role');
			if (role === undefined)
				throw new UsageError('add needs --role admin|analyst|province_officer');
			const provinces = splitCodes([flagString(args, 'provinces') ?? '']);
			const displayName = flagString(args, 'name');
			const password = await io.passwords.read('รหัสผ่านใหม่ / new password: ', 'ป้อนอีกครั้ง / again: ');
			operation = (db) =>
				auth.accounts.addUser(db, { username, role, password, provinces, displayName });
			success = 'เพิ่มผู้ใช้แล้ว / added';
			break;
		}
		case 'list':
			rejectUnknown(args, []);
			if (args.positionals.length > 0) throw new UsageError('list takes no argument');
			operation = async (db) => ({
				ok: true,
				text: formatAccountTable(await auth.accounts.listUsers(db))
			});
			success = '';
			break;
		case 'disable': {
			rejectUnknown(args, []);
			const username = onlyUsername(args, 'disable <username>');
			operation = (db) => auth.accounts.disableUser(db, username);
			success = 'ปิดบัญชีแล้ว เซสชันทั้งหมดสิ้นสุด / disabled, every session ended';
			break;
		}
		case 'enable': {
			rejectUnknown(args, []);
			const username = onlyUsername(args, 'enable <username>');
			operation = (db) => auth.accounts.enableUser(db, username);
			success = 'เปิดบัญชีแล้ว / enabled';
			break;
		}
		case 'set-password': {
			rejectUnknown(args, []);
			const username = onlyUsername(args, 'set-password <username>');
			const password = await io.passwords.read('รหัสผ่านใหม่ / new password: ', 'ป้อนอีกครั้ง / again: ');
			operation = (db) => auth.accounts.setPassword(db, username, password);
			success = 'ตั้งรหัสผ่านใหม่แล้ว เซสชันทั้งหมดสิ้นสุด / password set, every session ended';
			break;
		}
		case 'set-provinces': {
			rejectUnknown(args, []);
			const [username, ...codes] = args.positionals;
			if (!username || codes.length === 0) {
				throw new UsageError('set-provinces <username> <code,…>');
			}
			operation = (db) => auth.accounts.setProvinces(db, username, splitCodes(codes));
			success = 'ตั้งจังหวัดแล้ว / provinces set';
			break;
		}
		case 'set-role': {
			rejectUnknown(args, ['provinces']);
			const [username, role, ...extra] = args.positionals;
			if (!username || !role || extra.length > 0) {
				throw new UsageError('set-role <username> <role> [--provinces 52,15]');
			}
			const given = flagString(args, 'provinces');
			const provinces = given === undefined ? undefined : splitCodes([given]);
			operation = (db) => auth.accounts.setRole(db, username, role, provinces);
			success = 'ตั้งบทบาทแล้ว / role set';
			break;
		}
		case 'first-admin': {
			rejectUnknown(args, []);
			if (args.positionals.length > 0) throw new UsageError('first-admin takes no argument');
			operation = firstAdmin;
			success = '';
			break;
		}
	}
	return execute(operation, success, io);
}

/**
 * The main command's first start (scripts/start.js): with no account at all, an admin named
 * 'admin' with a random password, printed once and stored nowhere but as its argon2id hash.
 * With any account already there, nothing happens. 20 random bytes in base32: 160 bits.
 */
const firstAdmin: Operation = async (db) => {
	if ((await auth.accounts.listUsers(db)).length > 0) {
		return { ok: true, text: 'มีบัญชีผู้ใช้อยู่แล้ว / accounts exist already: nothing to do\n' };
	}
	const password = auth.generateSessionToken();
	const added = await auth.accounts.addUser(db, {
		username: 'admin',
		role: 'admin',
		password,
		displayName: 'ผู้ดูแลระบบ / Administrator'
	});
	if (!added.ok) return added;
	return {
		ok: true,
		text:
			'สร้างผู้ดูแลระบบคนแรกแล้ว / first administrator created\n' +
			`  ชื่อผู้ใช้ / username: admin\n  รหัสผ่าน / password: ${password}\n` +
			'  แสดงครั้งเดียว เก็บไว้ให้ดี (เปลี่ยนได้ด้วย npm run users -- set-password admin)\n' +
			'  shown once: keep it (change it with npm run users -- set-password admin)\n'
	};
};

function onlyUsername(args: Args, usage: string): string {
	const [username, ...extra] = args.positionals;
	// The extra words are not echoed: one of them might be a password typed in the wrong place.
	if (!username || extra.length > 0) throw new UsageError(usage);
	return username;
}

async function execute(operation: Operation, success: string, io: Io): Promise<number> {
	const handle = await openMigratedDb();
	if (!handle) return EXIT.database;
	try {
		const result = await inScope(handle.db, { kind: 'auth' }, operation);
		if (!result.ok) {
			io.err(`${result.error.message}\n`);
			return EXIT.input;
		}
		io.out('text' in result ? result.text : `${success}: ${describeAccount(result.account)}\n`);
		return EXIT.ok;
	} catch (e) {
		io.err(`ฐานข้อมูลขัดข้อง / database failure: ${(e as Error).message}\n`);
		return EXIT.database;
	} finally {
		await handle.close();
	}
}

export { NoPasswordError };
