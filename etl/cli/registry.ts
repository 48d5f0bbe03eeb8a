import { importRegistry } from '../load/registry.ts';
import { parseArgs, rejectUnknown, UsageError } from './args.ts';
import { EXIT } from './exit-codes.ts';
import { readRegistryFile } from './registry-file.ts';
import { openWriterDb } from './writer.ts';

export const REGISTRY_HELP = `npm run etl -- registry import <DLA CSV | JSON>

นำเข้าทะเบียน อปท. (ข้อมูลเปิดของกรมส่งเสริมการปกครองท้องถิ่น) ลงฐานข้อมูล
Imports the national LAO register into the database: the DLA open-data CSV (re01_9112566tambon.csv,
one row per tambon an LAO covers) or its one-record-per-LAO JSON digest. Re-importing updates
records in place; records with errors are listed by line, never silently dropped.

รหัสออก / Exit: 0 สำเร็จ/ok · 2 usage · 3 อ่านไม่ได้/unreadable · 4 ฐานข้อมูล/database
`;

export async function runRegistry(argv: string[]): Promise<number> {
	const args = parseArgs(argv, []);
	if (args.flags.has('help') || args.positionals.length === 0) {
		process.stdout.write(REGISTRY_HELP);
		return args.flags.has('help') ? EXIT.ok : EXIT.usage;
	}
	rejectUnknown(args, ['help']);
	const [sub, file, ...extra] = args.positionals;
	if (sub !== 'import' || !file || extra.length > 0) throw new UsageError('registry import <file>');
	const read = await readRegistryFile(file);
	if (!read) return EXIT.input;
	for (const e of read.errors.slice(0, 20)) {
		process.stderr.write(`  ${file}:${e.line ?? '-'} ${e.message}\n`);
	}
	if (read.errors.length > 20) process.stderr.write(`  … ${read.errors.length - 20} more\n`);
	if (read.records.length === 0) {
		process.stderr.write(`ไม่มีระเบียนที่ใช้ได้ / no usable record in ${file}\n`);
		return EXIT.input;
	}
	const handle = await openWriterDb('registry import');
	if (!handle) return EXIT.database;
	try {
		const result = await importRegistry(handle.db, read.records, { source: file });
		process.stdout.write(
			`นำเข้าทะเบียน ${result.count} แห่ง (รูปแบบ ${read.format}); ระเบียนผิดพลาด ${read.errors.length}\n` +
				`imported ${result.count} LAOs (${read.format}); ${read.errors.length} records with errors\n`
		);
		return EXIT.ok;
	} catch (e) {
		process.stderr.write(`ฐานข้อมูลขัดข้อง / database failure: ${(e as Error).message}\n`);
		return EXIT.database;
	} finally {
		await handle.close();
	}
}
