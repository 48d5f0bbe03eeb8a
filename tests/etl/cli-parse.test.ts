import { createHash } from 'node:crypto';
import { copyFile, mkdir, open, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParseReport } from '../../etl/parse/common/types.ts';
import {
	runCli,
	SAMPLE_CSV,
	SEED,
	SEEDS_DIR,
	seedText,
	STACK_TRACE,
	tempDir,
	THAI,
	type CliResult
} from './helpers.ts';

/**
 * `etl parse` and the help texts, as an operator meets them: a child process, its exit code, its
 * stdout and stderr. None of these commands opens the database; SUJARIT_DATA_DIR still points at
 * a temp folder, so that a regression that did would not write into the repository.
 */
let tmp: Awaited<ReturnType<typeof tempDir>>;
const annual = join(SEEDS_DIR, SEED.annual);
const report = join(SEEDS_DIR, SEED.report);
let wrongTotal: string;
let huge: string;
let hostile: string;

const cli = (...args: string[]) => runCli(args, { dataDir: join(tmp.path, 'db') });

function json(result: CliResult): ParseReport {
	return JSON.parse(result.stdout) as ParseReport;
}

/** Exit code, and both streams free of stack traces. */
function expectClean(result: CliResult, code: number): void {
	expect([result.code, STACK_TRACE.test(result.stdout), STACK_TRACE.test(result.stderr)]).toEqual([
		code,
		false,
		false
	]);
}

beforeAll(async () => {
	tmp = await tempDir('cli-parse');
	const lines = seedText(SEED.annual).split('\n');
	lines[119] = lines[119]!.replace('185,000.00', '180,000.00');
	wrongTotal = join(tmp.path, 'wrong-total.txt');
	await writeFile(wrongTotal, lines.join('\n'));
	huge = join(tmp.path, 'huge.txt');
	const fh = await open(huge, 'w');
	await fh.write('แผนปฏิบัติการ\n');
	await fh.close();
	await truncate(huge, 50 * 1000 * 1000);
	await mkdir(join(tmp.path, 'แผน ปี 2568 (ฉบับ "จริง")'));
	hostile = join(tmp.path, 'แผน ปี 2568 (ฉบับ "จริง")', 'เทศบาล เมืองพิชัย $HOME; ls.txt');
	await copyFile(annual, hostile);
});

afterAll(async () => {
	await tmp?.remove();
});

describe('etl parse', () => {
	it('prints an accepted annual plan as JSON and exits 0', async () => {
		const result = await cli('parse', annual, '--json', '--registry', SAMPLE_CSV);
		expectClean(result, 0);
		const r = json(result);
		const sha = createHash('sha256').update(seedText(SEED.annual)).digest('hex');
		expect([
			r.sha256,
			r.kind,
			r.verdict,
			r.lao?.dlaCode,
			r.fiscalYears,
			r.asOf,
			r.lineCount
		]).toEqual([
			sha,
			'annual_plan',
			'accepted_with_warnings',
			'4520106',
			[2568],
			'2024-10-06',
			2892
		]);
		expect(r.tables.map((t) => [t.role, t.items.length, t.lines])).toEqual([
			['annual', 35, [71, 120]],
			['multi_year_excerpt', 24, [145, 162]]
		]);
		const items = r.tables[0]!.items;
		expect(items.map((i) => i.ordinal)).toEqual(Array.from({ length: 35 }, (_, i) => i + 1));
		expect(items[34]).toMatchObject({
			ordinal: 35,
			dimension: 4,
			line: 119,
			budget: { '2568': 0 },
			quarters: [true, true, true, true]
		});
		expect(result.stderr).toBe('');
	});

	it('prints a report without a register: LAO unresolved, still accepted', async () => {
		const result = await cli('parse', report, '--json');
		expectClean(result, 0);
		const r = json(result);
		expect([r.kind, r.verdict, r.lao?.resolution, r.tables[0]?.items.length]).toEqual([
			'progress_report',
			'accepted_with_warnings',
			'unresolved',
			52
		]);
		expect(r.problems.map((p) => [p.code, p.line])).toEqual([
			['duplicate_item', 889],
			['lao_unresolved', 1072]
		]);
	});

	it('exits 1 on a quarantined document and still prints its report', async () => {
		const result = await cli('parse', wrongTotal, '--json');
		expectClean(result, 1);
		const r = json(result);
		expect(r.verdict).toBe('quarantined');
		expect(
			r.checks
				.filter((c) => !c.ok && c.severity === 'error')
				.map((c) => [c.name, c.line, c.declared, c.computed])
		).toEqual([['grand_total_budget', 120, 180_000, 185_000]]);
	});

	it('reports a 50 MB file as document_too_large (exit 1)', async () => {
		const result = await cli('parse', huge, '--json');
		expectClean(result, 1);
		const r = json(result);
		expect([r.verdict, r.kind, r.tables.length]).toEqual(['quarantined', null, 0]);
		expect(r.problems.map((p) => [p.code, p.severity, p.line, p.expected, p.found])).toEqual([
			['document_too_large', 'error', null, `<= ${20 * 1024 * 1024} bytes`, 50_000_000]
		]);
	});

	it('exits 2 without --json, and prints nothing on stdout', async () => {
		const result = await cli('parse', annual);
		expectClean(result, 2);
		expect([result.stdout, result.stderr]).toEqual([
			'',
			'ใช้คำสั่งไม่ถูกต้อง / usage error: parse prints JSON only: add --json\n(--help)\n'
		]);
	});

	it('exits 3 on a missing file', async () => {
		const result = await cli('parse', 'missing.txt', '--json');
		expectClean(result, 3);
		expect([result.stdout, result.stderr]).toEqual([
			'',
			'อ่านไฟล์ไม่ได้ / cannot read missing.txt: ENOENT\n'
		]);
	});

	it('exits 2 on an unknown option, on a second file, and on --max-bytes 0', async () => {
		const results = [
			await cli('parse', annual, '--json', '--bogus'),
			await cli('parse', annual, report, '--json'),
			await cli('parse', annual, '--json', '--max-bytes', '0')
		];
		for (const r of results) expectClean(r, 2);
		expect(results.map((r) => r.stderr.split('\n')[0])).toEqual([
			'ใช้คำสั่งไม่ถูกต้อง / usage error: unknown option --bogus',
			'ใช้คำสั่งไม่ถูกต้อง / usage error: parse takes exactly one file',
			'ใช้คำสั่งไม่ถูกต้อง / usage error: --max-bytes takes a positive whole number'
		]);
	});
});

describe('help', () => {
	const cases: Array<[string[], string, string]> = [
		[['--help'], 'สุจริต ETL · Sujarit ETL', 'Usage:'],
		[['help'], 'คำสั่ง / Commands:', 'ingest documents into the database'],
		[['ingest', '--help'], 'นำเข้าเอกสาร: อ่าน ตรวจกับยอดที่เอกสารประกาศเอง', 'Ingests documents'],
		[['parse', '--help'], 'อ่านและตรวจเอกสารหนึ่งฉบับ', 'Parses and validates one document'],
		[['parse', '-h'], 'รหัสออก / Exit:', 'quarantined'],
		[['registry', '--help'], 'นำเข้าทะเบียน อปท.', 'Imports the national LAO register']
	];
	for (const [args, th, en] of cases) {
		it(`${args.join(' ')} exits 0 with Thai and English text`, async () => {
			const result = await cli(...args);
			expectClean(result, 0);
			expect([result.stdout.includes(th), result.stdout.includes(en), result.stderr]).toEqual([
				true,
				true,
				''
			]);
			expect(THAI.test(result.stdout)).toBe(true);
		});
	}

	it('exits 2 with no command or an unknown one, showing the help', async () => {
		const none = await cli();
		const unknown = await cli('frobnicate');
		expectClean(none, 2);
		expectClean(unknown, 2);
		expect(none.stdout.startsWith('สุจริต ETL · Sujarit ETL\n')).toBe(true);
		expect(unknown.stderr.startsWith('คำสั่งไม่รู้จัก / unknown command: frobnicate\n')).toBe(true);
	});
});

describe('hostile argv', () => {
	it('reads a path with spaces, quotes, $ and Thai characters as one file', async () => {
		const result = await cli('parse', hostile, '--json');
		expectClean(result, 0);
		expect([json(result).kind, json(result).tables[0]?.items.length]).toEqual(['annual_plan', 35]);
	});

	it('exits 2 on --registry without a value, wherever it stands', async () => {
		const last = await cli('parse', annual, '--json', '--registry');
		const beforeFlag = await cli('parse', annual, '--registry', '--json');
		for (const r of [last, beforeFlag]) {
			expectClean(r, 2);
			expect(r.stderr).toBe('ใช้คำสั่งไม่ถูกต้อง / usage error: --registry needs a value\n(--help)\n');
		}
	});

	it('survives a 10,000-character file name and a 10,000-character option', async () => {
		const long = 'ก'.repeat(10_000);
		const asFile = await cli('parse', long, '--json');
		expectClean(asFile, 3);
		expect(asFile.stderr).toBe(`อ่านไฟล์ไม่ได้ / cannot read ${long}: ENAMETOOLONG\n`);
		const asOption = await cli('parse', annual, '--json', `--${'x'.repeat(10_000)}`);
		expectClean(asOption, 2);
		expect(asOption.stderr.startsWith('ใช้คำสั่งไม่ถูกต้อง / usage error: unknown option --xxx')).toBe(
			true
		);
	});
});
