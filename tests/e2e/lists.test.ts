import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/lists/csv.ts';
import { signIn } from './accounts.ts';
import { etl, launchChromium, SCREENSHOTS, startApp, type App } from './harness.ts';

let app: App;
let browser: Browser;
let page: Page;

beforeAll(async () => {
	app = await startApp((dataDir) => {
		etl(dataDir, ['registry', 'import', 'fixtures/registry/dla-sample.csv']);
		etl(dataDir, ['ingest', 'fixtures/seeds']);
	});
	browser = await launchChromium();
	page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
	await signIn(page.context(), app.url, 'analyst');
	mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

/** The four not-done items of the Ang Thong report (pao-ang-thong_report-2566.txt). */
const LINE_1087 =
	'โครงการฝึกอบรมการส่งเสริมคุณธรรมจริยธรรมบุคลากรองค์กรปกครองส่วนท้องถิ่นเพื่อเสริมสร้างวัฒนธรรมองค์กรสุจริต';
const LINE_1095 = 'โครงการส่งเสริมการดำเนินชีวิตตามหลักปรัชญาของเศรษฐกิจพอเพียง';
const LINE_1115 = 'มาตรการประเมินความคุ้มค่าในการบริหารงานขององค์การบริหารส่วนจังหวัดอ่างทอง';
const LINE_1124 = 'มาตรการป้องกันการใช้จ่ายงบประมาณที่ไม่สมควร ผิดวัตถุประสงค์ ไม่มีประสิทธิภาพ';

async function tableRows(): Promise<string[][]> {
	return page.$$eval('[data-testid=list-table] tbody tr', (trs) =>
		trs.map((tr) =>
			['name', 'source_line', 'budget', 'disbursed'].map(
				(c) => tr.querySelector(`[data-col=${c}]`)?.textContent?.trim() ?? ''
			)
		)
	);
}

describe('/lists', () => {
	it('lists the four not-done items of Ang Thong, sorts on the server, links to their lines', async () => {
		await page.goto(`${app.url}/lists?province=15`);
		expect(await page.textContent('[data-testid=list-total] strong')).toBe('4');
		expect(await tableRows()).toEqual([
			[LINE_1087, '1087', '70,000.00', '0.00'],
			[LINE_1095, '1095', '100,000.00', '0.00'],
			[LINE_1115, '1115', '0.00', '0.00'],
			[LINE_1124, '1124', '0.00', '0.00']
		]);
		expect(await page.getAttribute('[data-row="0"] [data-col=source_line] a', 'href')).toMatch(
			/^\/documents\/\d+#L1087$/
		);
		expect(await page.getAttribute('[data-row="0"] [data-col=lao_name] a', 'href')).toBe(
			'/lao/2150101'
		);
		expect(await page.$('[data-testid=synthetic-banner]')).toBeNull();
		await page.screenshot({ path: join(SCREENSHOTS, 'lists-th.png'), fullPage: true });

		// Budget, then again for descending: the URL keeps the order.
		await page.click('button[data-sort=budget]');
		await page.waitForFunction(() => location.search.includes('sort=budget'));
		await page.click('button[data-sort=budget]');
		await page.waitForFunction(() => location.search.includes('dir=desc'));
		await page.waitForFunction(
			() =>
				document.querySelector('[data-row="0"] [data-col=source_line]')?.textContent?.trim() ===
				'1095'
		);
		expect((await tableRows()).map((r) => r[1])).toEqual(['1095', '1087', '1115', '1124']);
		expect(new URL(page.url()).searchParams.get('province')).toBe('15');
	});

	it('downloads exactly the filtered, sorted list as CSV', async () => {
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.click('[data-testid=download-csv]')
		]);
		expect(download.suggestedFilename()).toBe('sujarit-not_done-province-15.csv');
		const text = readFileSync((await download.path())!, 'utf8');
		expect(text.startsWith('\uFEFF')).toBe(true);
		const lao = 'องค์การบริหารส่วนจังหวัดอ่างทอง,2150101,อ่างทอง,15,2566';
		expect(text.slice(1).split('\r\n')).toEqual([
			'อปท.,รหัส อปท.,จังหวัด,รหัสจังหวัด,ปีงบประมาณ,มิติ,ประเภท,ชื่อโครงการ/กิจกรรม/มาตรการ,งบประมาณ (บาท),เบิกจ่าย (บาท),เอกสาร,บรรทัด,ข้อมูลสาธิต',
			`${lao},1,project,${LINE_1095},100000,0,1,1095,false`,
			`${lao},1,project,${LINE_1087},70000,0,1,1087,false`,
			`${lao},2,measure,${LINE_1115},0,0,1,1115,false`,
			`${lao},2,measure,"${LINE_1124}",0,0,1,1124,false`.replace(`"${LINE_1124}"`, LINE_1124),
			''
		]);
		expect(parseCsv(text)).toHaveLength(5);
	});

	it('says plainly that Parquet cannot be built offline (no parquet in DuckDB-WASM 1.32.0)', async () => {
		// The Parquet path is wired (Arrow IPC → DuckDB-WASM → COPY … FORMAT parquet); the engine
		// has no parquet writer without fetching the extension, which we never do.
		const downloads: string[] = [];
		page.on('download', (d) => downloads.push(d.suggestedFilename()));
		await page.click('[data-testid=download-parquet]');
		await page.waitForSelector('[data-testid=export-error]', { timeout: 90_000 });
		expect(await page.textContent('[data-testid=export-error]')).toContain(
			'Parquet is not available: DuckDB-WASM 1.32.0 does not build the parquet extension in'
		);
		expect(downloads).toEqual([]);
	});

	it('switches lists, in English, with the failed-documents list', async () => {
		await page.goto(`${app.url}/lists?list=failed_docs&lang=en`);
		expect(await page.textContent('[data-testid=list-total] strong')).toBe('3');
		const docs = await page.$$eval('[data-testid=list-table] tbody tr', (trs) =>
			trs.map((tr) =>
				['lao_name', 'verdict', 'failed_checks', 'first_failure'].map(
					(c) => tr.querySelector(`[data-col=${c}]`)?.textContent?.trim() ?? ''
				)
			)
		);
		expect(docs).toEqual([
			[
				'องค์การบริหารส่วนจังหวัดสมุทรสงคราม',
				'Accepted with warnings',
				'11',
				'dimension_subtotal_budget'
			],
			['เทศบาลเมืองพิชัย', 'Accepted with warnings', '5', 'dimension_subtotal_budget'],
			['องค์การบริหารส่วนจังหวัดอ่างทอง', 'Accepted with warnings', '1', 'summary_copies_agree']
		]);
		await page.click('[data-list-tab=not_done]');
		await page.waitForFunction(
			() =>
				document.querySelector('[data-testid=lists-panel]')?.getAttribute('data-list') ===
				'not_done'
		);
		await page.waitForSelector('[data-testid=list-table]');
		expect(await page.textContent('[data-testid=list-total] strong')).toBe('4');
		expect(new URL(page.url()).searchParams.get('list')).toBe('not_done');
		await page.screenshot({ path: join(SCREENSHOTS, 'lists-en.png'), fullPage: true });
	});

	it('refuses hostile queries with a clear 400/404, never a 500', async () => {
		const status = async (path: string) => {
			const res = await app.fetch(`${path}`);
			const body = await res.text();
			// An HTML error page also holds the navigation (/lists…): read its error message only.
			const message = res.headers.get('content-type')?.startsWith('text/html')
				? (/error: \{message:"([^"]*)"/.exec(body)?.[1] ?? body)
				: body;
			return [res.status, (message.match(/sort|page|list|filter|province|format/) ?? [''])[0]];
		};
		expect(await status('/api/lists/not_done?sort=name%3B%20drop%20table%20laos')).toEqual([
			400,
			'sort'
		]);
		expect(await status('/api/lists/not_done?page=-1')).toEqual([400, 'page']);
		expect(await status('/api/lists/not_done?page=1e12')).toEqual([400, 'page']);
		expect(await status('/api/lists/not_done?page=2')).toEqual([404, 'page']);
		expect(await status('/api/lists/unknown')).toEqual([404, 'list']);
		expect(await status('/lists?list=unknown')).toEqual([400, 'list']);
		expect(await status('/lists?province=99')).toEqual([400, 'province']);
		expect(await status(`/api/lists/not_done?province=${'15,'.repeat(5000)}`)).toEqual([
			200,
			'list'
		]);
		expect(await status('/api/lists/not_done?fy=99999')).toEqual([400, 'filter']);
		expect(await status('/api/lists/not_done?format=xlsx')).toEqual([400, 'format']);
	});
});
