import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/lists/csv.ts';
import { FORMULA_NAMES, writeFormulaDocument } from '../hostile/formula-document.ts';
import { etl, startApp, type App } from './harness.ts';

/**
 * Campaign 7 over HTTP: a real report whose not-done item names are spreadsheet formulas, loaded
 * by the CLI, downloaded from the built app's /api/lists/not_done as CSV by a signed-in analyst.
 */

let app: App;
let folder: string;

beforeAll(async () => {
	folder = mkdtempSync(join(tmpdir(), 'sujarit-formulas-'));
	await writeFormulaDocument(folder);
	app = await startApp((dataDir) => {
		etl(dataDir, ['registry', 'import', 'fixtures/registry/dla-sample.csv']);
		etl(dataDir, ['ingest', folder]);
	});
});

afterAll(async () => {
	await app?.stop();
	rmSync(folder, { recursive: true, force: true });
});

describe('/api/lists/not_done?format=csv', () => {
	it('serves formula names inert (a quote first) and amounts as bare numbers', async () => {
		const res = await app.fetch('/api/lists/not_done?format=csv&province=15&sort=source_line');
		expect([res.status, res.headers.get('content-type')]).toEqual([
			200,
			'text/csv; charset=utf-8; header=present'
		]);
		const rows = parseCsv(await res.text());
		const header = rows[0] ?? [];
		const at = (key: string) => header.indexOf(key);
		const cells = rows
			.slice(1)
			.map((r) => [
				Number(r[at('บรรทัด')]),
				r[at('ชื่อโครงการ/กิจกรรม/มาตรการ')],
				r[at('งบประมาณ (บาท)')],
				r[at('เบิกจ่าย (บาท)')]
			]);
		const budgets = new Map([
			[1087, '70000'],
			[1095, '100000'],
			[1115, '0'],
			[1124, '0']
		]);
		expect(cells).toEqual(
			[...FORMULA_NAMES].map(([line, name]) => [line, `'${name}`, budgets.get(line), '0'])
		);
	});
});
