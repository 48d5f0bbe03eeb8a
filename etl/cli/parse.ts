import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { DEFAULT_MAX_BYTES } from '../parse/common/source.ts';
import { oversizeReport, parseDocument } from '../parse/index.ts';
import { parseArgs, flagString, rejectUnknown, UsageError } from './args.ts';
import { EXIT } from './exit-codes.ts';
import { registryFromFile } from './registry-file.ts';

export const PARSE_HELP = `npm run etl -- parse <ไฟล์/file> --json [--registry FILE]

อ่านและตรวจเอกสารหนึ่งฉบับโดยไม่แตะฐานข้อมูล แล้วพิมพ์รายงาน (JSON) ทาง stdout
Parses and validates one document without touching the database and prints its parse report
(JSON) to stdout, whatever the verdict.

  --json            พิมพ์ JSON (จำเป็น) / print JSON (required)
  --registry FILE   ทะเบียน อปท. (DLA CSV หรือ JSON) เพื่อระบุรหัส อปท. / the LAO register, to resolve the DLA code
  --max-bytes N     ขนาดไฟล์สูงสุด / largest accepted file (default 20 MiB)

รหัสออก / Exit: 0 ยอมรับ/accepted (with or without warnings) · 1 กักกัน/quarantined · 2 usage · 3 อ่านไฟล์ไม่ได้/unreadable
`;

export async function runParse(argv: string[]): Promise<number> {
	const args = parseArgs(argv, ['registry', 'max-bytes']);
	if (args.flags.has('help')) {
		process.stdout.write(PARSE_HELP);
		return EXIT.ok;
	}
	rejectUnknown(args, ['json', 'registry', 'max-bytes', 'help']);
	const [file, ...extra] = args.positionals;
	if (!file || extra.length > 0) throw new UsageError('parse takes exactly one file');
	if (!args.flags.has('json')) throw new UsageError('parse prints JSON only: add --json');
	const maxBytesFlag = flagString(args, 'max-bytes');
	const maxBytes = maxBytesFlag === undefined ? undefined : Number(maxBytesFlag);
	if (maxBytes !== undefined && !(Number.isInteger(maxBytes) && maxBytes > 0)) {
		throw new UsageError('--max-bytes takes a positive whole number');
	}
	let bytes: Uint8Array;
	const registryPath = flagString(args, 'registry');
	const registry = registryPath ? await registryFromFile(registryPath) : null;
	if (registry === undefined) return EXIT.input;
	try {
		// Over the limit, the file is hashed as a stream and never read into memory.
		const { size } = await stat(file);
		const limit = maxBytes ?? DEFAULT_MAX_BYTES;
		if (size > limit) {
			const sha = await sha256OfFile(file);
			process.stdout.write(`${JSON.stringify(oversizeReport(sha, size, limit), null, 2)}\n`);
			return EXIT.quarantined;
		}
		bytes = await readFile(file);
	} catch (e) {
		process.stderr.write(
			`อ่านไฟล์ไม่ได้ / cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`
		);
		return EXIT.input;
	}
	const report = parseDocument(bytes, { registry, maxBytes });
	process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
	return report.verdict === 'quarantined' ? EXIT.quarantined : EXIT.ok;
}

async function sha256OfFile(path: string): Promise<string> {
	const hash = createHash('sha256');
	for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
	return hash.digest('hex');
}
