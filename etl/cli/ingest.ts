import { stat } from 'node:fs/promises';
import { announce, faultFromEnv, FaultSpecError, type Fault } from '../fault.ts';
import { ingest, type IngestEvent } from '../pipeline.ts';
import { importRegistry, registryFromDb } from '../load/registry.ts';
import type { Registry } from '../registry/resolve.ts';
import { parseArgs, flagString, rejectUnknown, UsageError } from './args.ts';
import { EXIT } from './exit-codes.ts';
import { createProgress } from './progress.ts';
import { readRegistryFile } from './registry-file.ts';
import { DEFAULT_LOCK_WAIT_MS, openWriterDb } from './writer.ts';

export const INGEST_HELP = `npm run etl -- ingest <โฟลเดอร์/folder | manifest.csv | manifest.json> [options]

นำเข้าเอกสาร: อ่าน ตรวจกับยอดที่เอกสารประกาศเอง แล้วบันทึกลงฐานข้อมูลทีละฉบับ (หนึ่งธุรกรรมต่อฉบับ)
Ingests documents: parse, validate against the totals each declares, load one transaction per
document. A folder is read recursively; a manifest (CSV or JSON: url, lao_code, kind, fiscal_year)
is fetched over HTTP(S). Re-ingesting the same bytes changes nothing (identity = sha256).

  --registry FILE    นำเข้าทะเบียน อปท. จากไฟล์ก่อน แล้วใช้ระบุ อปท. / import this register file into the
                     database first (as registry import does), then resolve LAOs with it
  --allow-private    ยอมให้ดึงจากที่อยู่ภายใน (ใช้ทดสอบ) / allow private and loopback addresses (tests)
  --timeout-ms N     เวลาสูงสุดต่อการดึงหนึ่งไฟล์ / per-fetch time limit (default 20000)
  --lock-wait S      รอผู้เขียนอีกรายได้นานสุด S วินาที (0 = ไม่รอ) / wait up to S seconds for another
                     writer of the same database (PostgreSQL; default 10, 0 refuses at once)
  --synthetic        ทำเครื่องหมายว่าเป็นข้อมูลสาธิต / mark everything loaded as synthetic demo data
  --json             พิมพ์สรุปเป็น JSON / print the summary as JSON

สรุป / Summary: seen = loaded + quarantined + duplicate; skipped (not documents) and failed (not fetched)
are counted apart, each recorded with its reason.

ผู้เขียนทีละราย / One writer at a time: ingest, registry import and demo hold a lock for as long as
they run (PostgreSQL: an advisory lock; PGlite: the data folder's lock file), so a second one waits
or exits 4 saying who holds it. A run left running by a killed process is closed as aborted by the
next one, which keeps what it committed (each document is all or nothing) and carries on.
รหัสออก / Exit: 0 จบครบ/completed · 2 usage · 3 อ่านไม่ได้/input unreadable · 4 ฐานข้อมูล/database
`;

const OUTCOME_TH: Record<string, string> = {
	loaded: 'โหลดแล้ว',
	quarantined: 'กักกัน',
	duplicate: 'ซ้ำ',
	skipped: 'ข้าม',
	failed: 'ดึงไม่ได้'
};

function describe(e: IngestEvent): [string, string] {
	if (e.type === 'document') return [e.origin, `${e.outcome}`];
	if (e.type === 'skipped') return [`${e.origin} (${e.reason})`, 'skipped'];
	return [`${e.origin} (${e.code}: ${e.message})`, 'failed'];
}

export async function runIngest(argv: string[]): Promise<number> {
	const args = parseArgs(argv, ['registry', 'timeout-ms', 'lock-wait']);
	if (args.flags.has('help')) {
		process.stdout.write(INGEST_HELP);
		return EXIT.ok;
	}
	rejectUnknown(args, [
		'registry',
		'allow-private',
		'timeout-ms',
		'lock-wait',
		'synthetic',
		'json',
		'help'
	]);
	const [path, ...extra] = args.positionals;
	if (!path || extra.length > 0)
		throw new UsageError('ingest takes exactly one folder or manifest');
	const timeoutFlag = flagString(args, 'timeout-ms');
	const timeoutMs = timeoutFlag === undefined ? undefined : Number(timeoutFlag);
	if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && timeoutMs > 0)) {
		throw new UsageError('--timeout-ms takes a positive whole number');
	}
	const lockWaitFlag = flagString(args, 'lock-wait');
	const lockWaitMs =
		lockWaitFlag === undefined ? DEFAULT_LOCK_WAIT_MS : Number(lockWaitFlag) * 1000;
	if (!(Number.isInteger(lockWaitMs) && lockWaitMs >= 0)) {
		throw new UsageError('--lock-wait takes a number of seconds (0: refuse at once)');
	}
	// Crash tests only (etl/fault.ts): announced before anything is read; a bad value is refused.
	let fault: Fault | null;
	try {
		fault = faultFromEnv();
	} catch (e) {
		if (e instanceof FaultSpecError) throw new UsageError(e.message);
		throw e;
	}
	if (fault) process.stderr.write(announce(fault));
	try {
		await stat(path);
	} catch {
		process.stderr.write(`ไม่พบ / not found: ${path}\n`);
		return EXIT.input;
	}
	// --registry FILE is imported into the database first: documents point at their LAO by a
	// foreign key, so every code a document resolves to must be in the laos table.
	const registryPath = flagString(args, 'registry');
	const registryRead = registryPath ? await readRegistryFile(registryPath) : null;
	if (registryPath && (!registryRead || registryRead.records.length === 0)) {
		process.stderr.write(`ทะเบียนใช้ไม่ได้ / unusable register: ${registryPath}\n`);
		return EXIT.input;
	}
	const handle = await openWriterDb('ingest', { lockWaitMs });
	if (!handle) return EXIT.database;
	try {
		if (registryPath && registryRead) {
			await importRegistry(handle.db, registryRead.records, { source: registryPath });
		}
		const registry: Registry = await registryFromDb(handle.db);
		if (registry.size <= 1) {
			process.stderr.write(
				'คำเตือน: ยังไม่มีทะเบียน อปท. ในฐานข้อมูล ชื่อ อปท. จะไม่ถูกระบุรหัส\n' +
					'warning: no LAO register in the database; LAOs stay unresolved (npm run etl -- registry import FILE)\n'
			);
		}
		const progress = createProgress(process.stderr, null);
		const summary = await ingest(handle.db, path, {
			registry,
			allowPrivate: args.flags.has('allow-private'),
			timeoutMs,
			isSynthetic: args.flags.has('synthetic'),
			fault,
			onFaultMissed: (message) => process.stderr.write(`${message}\n`),
			onEntry: (e) => {
				const [label, outcome] = describe(e);
				progress.tick(label, `${OUTCOME_TH[outcome] ?? outcome}/${outcome}`);
			}
		});
		progress.done();
		if (fault) process.stderr.write(`${fault.spec}: ไม่ถึงจุดที่กำหนด / never reached\n`);
		const { seen, loaded, quarantined, duplicate, skipped, failed, runId } = summary;
		if (args.flags.has('json')) {
			process.stdout.write(
				`${JSON.stringify({ runId, seen, loaded, quarantined, duplicate, skipped, failed, events: summary.events }, null, 2)}\n`
			);
		} else {
			process.stdout.write(
				`รอบนำเข้า ${runId}: พบ ${seen} = โหลด ${loaded} + กักกัน ${quarantined} + ซ้ำ ${duplicate}; ข้าม ${skipped}; ดึงไม่ได้ ${failed}\n` +
					`run ${runId}: seen ${seen} = loaded ${loaded} + quarantined ${quarantined} + duplicate ${duplicate}; skipped ${skipped}; failed ${failed}\n`
			);
		}
		return EXIT.ok;
	} catch (e) {
		const err = e as Error & { code?: string };
		if (err.code && /^(manifest|source|not_found)/.test(err.code)) {
			process.stderr.write(`อ่านข้อมูลนำเข้าไม่ได้ / input unreadable: ${err.message}\n`);
			return EXIT.input;
		}
		process.stderr.write(`ฐานข้อมูลหรือการนำเข้าขัดข้อง / ingest failed: ${err.message}\n`);
		return EXIT.database;
	} finally {
		await handle.close();
	}
}
