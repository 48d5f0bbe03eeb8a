import { mkdir, open, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db, Driver } from '../../db/client.ts';
import { withTestDatabase } from '../../db/testing.ts';
import { LoadError } from '../../etl/load/index.ts';
import { registryFromDb } from '../../etl/load/registry.ts';
import { ingest, type IngestSummary } from '../../etl/pipeline.ts';
import { rows, SEED, seededBytes, seedText, tempDir } from './helpers.ts';

const CHECKED = '<input checked="" type="checkbox"/>';

/**
 * Broken documents, made from the real annual plan where the damage is to a real document, in a
 * temp folder. Each must be kept as a quarantined source_documents row with its reasons, and
 * never as facts.
 */
async function writeBrokenFolder(dir: string): Promise<void> {
	const annual = seedText(SEED.annual);
	const lines = annual.split('\n');
	// The annual table runs from line 71 to its รวมทั้งสิ้น row at line 120: cut after line 100,
	// in the middle of its second page (item 21).
	await writeFile(join(dir, 'annual-truncated.txt'), `${lines.slice(0, 100).join('\n')}\n`);
	if (lines[119] !== 'รวมทั้งสิ้น\t\t\t185,000.00\t30\t23\t24\t28\t') {
		throw new Error('the seed changed: line 120 is no longer the รวมทั้งสิ้น row');
	}
	lines[119] = 'รวมทั้งสิ้น\t\t\t180,000.00\t30\t23\t24\t28\t';
	await writeFile(join(dir, 'annual-wrong-total.txt'), lines.join('\n'));
	await writeFile(
		join(dir, 'garbage.txt'),
		'แมว หมา ช้าง ม้า ทุจริต งบประมาณ\nกิน นอน เดิน วิ่ง มิติ ไตรมาส\nรวมทั้งสิ้น เทศบาล\n'
	);
	await writeFile(join(dir, 'empty.txt'), '');
	// Two text lines, then random bytes (no NUL, no CR or LF: each ends a line), then a NUL: the
	// NUL is on line 3.
	await writeFile(
		join(dir, 'binary.txt'),
		Buffer.concat([
			Buffer.from('PK header\nmore\n'),
			seededBytes(20_250, 4000, [0x00, 0x0a, 0x0d]),
			Buffer.from([0x00]),
			seededBytes(7, 500)
		])
	);
	// "เทศบาล" in TIS-620 (the Thai 8-bit code page), on line 2.
	await writeFile(
		join(dir, 'tis-620.txt'),
		Buffer.from([0x61, 0x0a, 0xe0, 0xb7, 0xc8, 0xba, 0xd2, 0xc5, 0x0a])
	);
	// 50 MB without writing 50 MB: one line, then a sparse extension.
	const big = join(dir, 'huge.txt');
	const fh = await open(big, 'w');
	await fh.write('แผนปฏิบัติการ\n');
	await fh.close();
	await truncate(big, 50 * 1000 * 1000);
	await writeFile(join(dir, 'scan.pdf'), '%PDF-1.4\n%âãÏÓ\n');
	// One good document, so that "loaded" is not trivially 0.
	await mkdir(join(dir, 'good'));
	await writeFile(join(dir, 'good', SEED.annual), annual);
}

export function registerQuarantineSuite(driver: Driver): void {
	describe(`quarantine end to end on ${driver}`, () => {
		let handle: Db;
		let db: Database;
		let folder: Awaited<ReturnType<typeof tempDir>>;
		let summary: IngestSummary;

		beforeAll(async () => {
			folder = await tempDir('quarantine');
			await writeBrokenFolder(folder.path);
			handle = await withTestDatabase(driver);
			db = handle.db;
			summary = await ingest(db, folder.path, { registry: await registryFromDb(db) });
		});

		afterAll(async () => {
			await handle?.close();
			await folder?.remove();
		});

		it('counts every file: seen 8 = loaded 1 + quarantined 7 + duplicate 0; 1 skipped', async () => {
			const { seen, loaded, quarantined, duplicate, skipped, failed } = summary;
			expect({ seen, loaded, quarantined, duplicate, skipped, failed }).toEqual({
				seen: 8,
				loaded: 1,
				quarantined: 7,
				duplicate: 0,
				skipped: 1,
				failed: 0
			});
			expect(seen).toBe(loaded + quarantined + duplicate);
			const [run] = await rows(
				db,
				sql`select status, seen, loaded, quarantined, duplicate, skipped, failed
					from load_runs where id = ${summary.runId}`
			);
			expect(run).toEqual({
				status: 'completed',
				seen: 8,
				loaded: 1,
				quarantined: 7,
				duplicate: 0,
				skipped: 1,
				failed: 0
			});
		});

		it('skips the PDF unread, and keeps the 50 MB file as a quarantined document', async () => {
			const skipped = summary.events.flatMap((e) =>
				e.type === 'skipped' ? [[e.origin, e.code]] : []
			);
			expect(skipped).toEqual([['scan.pdf', 'unsupported_type']]);
			const events = await rows(
				db,
				sql`select origin, type, code, message from run_events
					where load_run_id = ${summary.runId} order by origin`
			);
			expect(events).toEqual([
				{
					origin: 'scan.pdf',
					type: 'skipped',
					code: 'unsupported_type',
					message: 'unsupported file type .pdf: convert to text first'
				}
			]);
			// Over the parser's 20 MiB cap but under the source's 64 MiB: read, hashed, quarantined.
			const huge = await rows(
				db,
				sql`select d.verdict, d.byte_size, d.content is null as no_content,
						q.source_line, q.rule, q.expected, q.found
					from source_documents d join quarantine q on q.source_document_id = d.id
					where d.origin = 'huge.txt'`
			);
			expect(huge).toEqual([
				{
					verdict: 'quarantined',
					byte_size: 50_000_000,
					no_content: true,
					source_line: null,
					rule: 'document_too_large',
					expected: '<= 20971520 bytes',
					found: '50000000'
				}
			]);
		});

		it('keeps each quarantined document, and no facts from it', async () => {
			const docs = await rows(
				db,
				sql`select d.origin, d.verdict, d.kind, d.byte_size,
						(select count(*)::int from doc_tables x where x.source_document_id = d.id)
						+ (select count(*)::int from plan_items x where x.source_document_id = d.id)
						+ (select count(*)::int from plan_item_budgets x where x.source_document_id = d.id)
						+ (select count(*)::int from report_items x where x.source_document_id = d.id)
						+ (select count(*)::int from unassigned_amounts x where x.source_document_id = d.id)
						as facts,
						(select count(*)::int from quarantine q where q.source_document_id = d.id
							and q.sha256 = d.sha256 and q.origin = d.origin) as reasons
					from source_documents d order by d.origin`
			);
			// The good copy's facts: 2 tables + 59 items + 35 + 24×5 budgets + 30 unassigned = 246.
			expect(docs.map((d) => Object.values(d))).toEqual([
				['annual-truncated.txt', 'quarantined', 'annual_plan', 14_469, 0, 1],
				['annual-wrong-total.txt', 'quarantined', 'annual_plan', 344_756, 0, 1],
				['binary.txt', 'quarantined', null, 4516, 0, 1],
				['empty.txt', 'quarantined', null, 0, 0, 1],
				['garbage.txt', 'quarantined', null, 218, 0, 1],
				[`good/${SEED.annual}`, 'accepted_with_warnings', 'annual_plan', 344_756, 246, 0],
				['huge.txt', 'quarantined', null, 50_000_000, 0, 1],
				['tis-620.txt', 'quarantined', null, 9, 0, 1]
			]);
		});

		it('names line, rule, expected and found for each reason', async () => {
			const reasons = await rows(
				db,
				sql`select d.origin, q.source_line, q.rule, q.expected, q.found
					from quarantine q join source_documents d on d.id = q.source_document_id
					order by d.origin, q.id`
			);
			expect(reasons.map((r) => Object.values(r))).toEqual([
				[
					'annual-truncated.txt',
					100,
					'missing_grand_total',
					'รวมทั้งสิ้น',
					`21 โครงการเสริมสร้างความโปร่งใสในการบริหารงบประมาณ 2 0.00 ${Array(4).fill(CHECKED).join(' ')}`
				],
				// The total row says 180,000.00; the items add up to 185,000.00.
				['annual-wrong-total.txt', 120, 'grand_total_budget', '180000', '185000'],
				['binary.txt', 3, 'binary_document', 'UTF-8 text', 'binary'],
				['empty.txt', null, 'empty_document', null, null],
				[
					'garbage.txt',
					null,
					'unrecognised_document',
					'a table header: ภารกิจตามมิติ / ดำเนินการไตรมาส / เบิกจ่าย + สถานะ',
					null
				],
				['huge.txt', null, 'document_too_large', '<= 20971520 bytes', '50000000'],
				['tis-620.txt', 2, 'invalid_utf8', 'UTF-8', '0xe0']
			]);
		});

		it('quarantines the wrong total as an error, not a warning: no unassigned amount explains it', async () => {
			const checks = await rows(
				db,
				sql`select c.name, c.fiscal_year, c.declared, c.computed, c.ok, c.severity, c.source_line
					from checks c join source_documents d on d.id = c.source_document_id
					where d.origin = 'annual-wrong-total.txt' and c.name = 'grand_total_budget'`
			);
			expect(checks).toEqual([
				{
					name: 'grand_total_budget',
					fiscal_year: 2568,
					declared: '180000',
					computed: '185000',
					ok: false,
					severity: 'error',
					source_line: 120
				}
			]);
		});

		it('keeps the decoded text of a quarantined document, and none for undecodable bytes', async () => {
			const content = await rows(
				db,
				sql`select origin, content is null as no_text,
						coalesce(array_length(string_to_array(content, E'\n'), 1), 0) as lines
					from source_documents where verdict = 'quarantined' order by origin`
			);
			expect(content.map((c) => Object.values(c))).toEqual([
				['annual-truncated.txt', false, 100],
				['annual-wrong-total.txt', false, 2892],
				['binary.txt', true, 0],
				['empty.txt', true, 0],
				['garbage.txt', false, 3],
				['huge.txt', true, 0],
				['tis-620.txt', true, 0]
			]);
		});

		// Runs last: it adds a constraint the loader cannot satisfy, then removes it.
		it('records a run the database broke as failed, with the loader’s error', async () => {
			const one = await tempDir('refused');
			await writeFile(join(one.path, SEED.report), seedText(SEED.report));
			await db.execute(
				sql.raw('alter table report_items add constraint e2e_refuse check (ordinal < 0) not valid')
			);
			let error: unknown = null;
			try {
				await ingest(db, one.path, { registry: await registryFromDb(db) }).catch((e) => {
					error = e;
				});
			} finally {
				await db.execute(sql.raw('alter table report_items drop constraint e2e_refuse'));
				await one.remove();
			}
			// The loader's own error reaches the caller…
			expect(error).toBeInstanceOf(LoadError);
			expect((error as LoadError).message).toMatch(/^[^:]+: .*e2e_refuse/);
			// …and the ledger says the run failed, and why.
			const runs = await rows<{ status: string; error: string | null }>(
				db,
				sql`select status, error from load_runs where source = ${one.path}`
			);
			expect(runs.map((r) => [r.status, /e2e_refuse/.test(r.error ?? '')])).toEqual([
				['failed', true]
			]);
		});
	});
}
