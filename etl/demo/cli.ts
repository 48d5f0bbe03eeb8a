import type { Db } from '../../db/client.ts';
import { flagString, parseArgs, rejectUnknown, UsageError } from '../cli/args.ts';
import { EXIT } from '../cli/exit-codes.ts';
import { createProgress } from '../cli/progress.ts';
import { openWriterDb } from '../cli/writer.ts';
import { runDemo } from './run.ts';
import { checkOutFolder, DemoOutError } from './write-files.ts';

export const DEMO_HELP = `npm run etl -- demo --laos N [--years 2566-2570] [--seed S] [--out DIR] [--no-ingest]

สร้างเอกสารสาธิต (ข้อมูลสังเคราะห์) ของ อปท. สมมติ N แห่ง กระจายทั้ง ๗๗ จังหวัดตามสัดส่วนประเภท อปท.
ของประเทศ เขียนเป็นไฟล์ข้อความรูปแบบเดียวกับเอกสารจริง แล้วนำเข้าผ่านขั้นตอนจริงทั้งหมด
Writes synthetic documents for N made-up LAOs (spread over the 77 provinces in the national mix of
LAO types) in the same text formats as the real ones, then ingests them through the real pipeline.
Per LAO: one multi-year plan; per year an annual plan and, for about 90 % of years, a progress
report; about 3 % of documents do not reconcile on purpose and come out quarantined.
Names read "…สาธิต<number in words>" and codes start with 9 (real DLA codes start with 2–6); every
row loaded, LAO register rows included, has is_synthetic = true. Same --seed, same documents.

  --laos N        จำนวน อปท. สมมติ / how many synthetic LAOs (1–20000)
  --years A-B     ปีงบประมาณ พ.ศ. / fiscal years BE, a range or a list: 2566-2570, 2567,2568
                  (default 2566-2570)
  --seed S        เมล็ดสุ่ม / PRNG seed, a whole number (default 1)
  --out DIR       โฟลเดอร์ผลลัพธ์ / output folder (default .data/demo-<seed>); a folder holding
                  anything but an earlier demo is refused, never overwritten
  --no-ingest     เขียนไฟล์อย่างเดียว ไม่แตะฐานข้อมูล / write the files only, no database
  --json          พิมพ์สรุปเป็น JSON / print the summary as JSON

รหัสออก / Exit: 0 สำเร็จ/ok · 2 usage · 3 เขียนโฟลเดอร์ไม่ได้/output folder unusable · 4 ฐานข้อมูล/database
`;

function parseYears(text: string): number[] {
	const range = /^(\d{4})-(\d{4})$/.exec(text);
	const years = range
		? Array.from(
				{ length: Number(range[2]) - Number(range[1]) + 1 },
				(_, i) => Number(range[1]) + i
			)
		: text.split(',').map((s) => Number(s.trim()));
	const ok =
		years.length >= 1 &&
		years.length <= 10 &&
		years.every(
			(y, i) => Number.isInteger(y) && y >= 2550 && y <= 2600 && (i === 0 || y > years[i - 1]!)
		);
	if (!ok)
		throw new UsageError('--years takes BE years 2550–2600, ascending, at most 10: 2566-2570');
	return years;
}

function wholeNumber(text: string | undefined, flag: string, min: number, max: number): number {
	const n = Number(text);
	if (text === undefined || !Number.isInteger(n) || n < min || n > max) {
		throw new UsageError(`--${flag} takes a whole number from ${min} to ${max}`);
	}
	return n;
}

export async function runDemoCommand(argv: string[]): Promise<number> {
	const args = parseArgs(argv, ['laos', 'years', 'seed', 'out']);
	if (args.flags.has('help')) {
		process.stdout.write(DEMO_HELP);
		return EXIT.ok;
	}
	rejectUnknown(args, ['laos', 'years', 'seed', 'out', 'no-ingest', 'json', 'help']);
	if (args.positionals.length > 0) throw new UsageError('demo takes no positional argument');
	const laos = wholeNumber(flagString(args, 'laos'), 'laos', 1, 20_000);
	const years = parseYears(flagString(args, 'years') ?? '2566-2570');
	const seed = wholeNumber(flagString(args, 'seed') ?? '1', 'seed', 0, 2 ** 32 - 1);
	const out = flagString(args, 'out') ?? `.data/demo-${seed}`;
	const doIngest = !args.flags.has('no-ingest');

	// The folder is checked before the database is opened: a refused --out touches nothing.
	try {
		await checkOutFolder(out);
	} catch (e) {
		process.stderr.write(`เขียนโฟลเดอร์ไม่ได้ / output folder unusable: ${(e as Error).message}\n`);
		return EXIT.input;
	}
	let handle: Db | null = null;
	if (doIngest) {
		handle = await openWriterDb('demo');
		if (!handle) return EXIT.database;
	}
	const started = performance.now();
	try {
		const progress = createProgress(process.stderr, null);
		const result = await runDemo(handle?.db ?? null, {
			laos,
			years,
			seed,
			out,
			ingest: doIngest,
			onEntry: (e) => {
				if (e.type === 'document') progress.tick(e.origin, e.outcome);
			}
		});
		progress.done();
		const seconds = (performance.now() - started) / 1000;
		const s = result.ingest;
		const summary = {
			laos: result.demo.laos.length,
			documents: result.written,
			folders: result.folders,
			out,
			seen: s?.seen ?? null,
			loaded: s?.loaded ?? null,
			quarantined: s?.quarantined ?? null,
			duplicate: s?.duplicate ?? null,
			skipped: s?.skipped ?? null,
			seconds: Math.round(seconds * 10) / 10
		};
		if (args.flags.has('json')) {
			process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
		} else {
			process.stdout.write(
				`ข้อมูลสาธิต: อปท. ${summary.laos} แห่ง, เขียนเอกสาร ${summary.documents} ฉบับ ใน ${summary.folders} จังหวัด (${out})\n` +
					`demo: ${summary.laos} LAOs, ${summary.documents} documents written in ${summary.folders} province folders (${out})\n` +
					(s
						? `นำเข้า: พบ ${s.seen} = โหลด ${s.loaded} + กักกัน ${s.quarantined} + ซ้ำ ${s.duplicate}\n` +
							`ingest: seen ${s.seen} = loaded ${s.loaded} + quarantined ${s.quarantined} + duplicate ${s.duplicate}\n`
						: 'ไม่ได้นำเข้า (--no-ingest) / not ingested (--no-ingest)\n') +
					`เวลา / time: ${summary.seconds} s\n`
			);
		}
		return EXIT.ok;
	} catch (e) {
		if (e instanceof DemoOutError || (e as NodeJS.ErrnoException).code?.startsWith('E')) {
			process.stderr.write(`เขียนโฟลเดอร์ไม่ได้ / output folder unusable: ${(e as Error).message}\n`);
			return EXIT.input;
		}
		process.stderr.write(`ฐานข้อมูลหรือการนำเข้าขัดข้อง / demo ingest failed: ${(e as Error).message}\n`);
		return EXIT.database;
	} finally {
		await handle?.close();
	}
}
