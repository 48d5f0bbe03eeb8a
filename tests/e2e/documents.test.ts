import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './accounts.ts';
import { etl, launchChromium, ROOT, SCREENSHOTS, startApp, type App } from './harness.ts';

const SEEDS = join(ROOT, 'fixtures/seeds');
const ANNUAL = 'town-mun-phichai-lampang_annual-plan-2568.txt';

let app: App;
let browser: Browser;
let page: Page;

beforeAll(async () => {
	// The three real samples, plus the annual plan cut off inside its table (before รวมทั้งสิ้น).
	const folder = mkdtempSync(join(tmpdir(), 'sujarit-e2e-docs-'));
	for (const f of [
		'pao-ang-thong_report-2566.txt',
		'pao-samut-songkhram_plan-2566-2570.txt',
		ANNUAL
	]) {
		copyFileSync(join(SEEDS, f), join(folder, f));
	}
	const lines = readFileSync(join(SEEDS, ANNUAL), 'utf8').split('\n');
	writeFileSync(join(folder, 'truncated-annual.txt'), lines.slice(0, 100).join('\n'));
	app = await startApp((dataDir) => {
		etl(dataDir, ['registry', 'import', 'fixtures/registry/dla-sample.csv']);
		etl(dataDir, ['ingest', folder]);
	});
	browser = await launchChromium();
	page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
	await signIn(page.context(), app.url, 'analyst');
	mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

async function rowTexts(selector: string): Promise<string[][]> {
	return page.$$eval(`${selector} tbody tr`, (rows) =>
		rows.map((r) =>
			[...r.querySelectorAll('td')].map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim())
		)
	);
}

describe('documents view', () => {
	it('lists every ingested document with its LAO, kind, years, verdict, items and failed checks', async () => {
		await page.goto(`${app.url}/documents`);
		const rows = (await rowTexts('[data-testid=documents]')).map((r) => r.slice(0, 7)).sort();
		expect(rows).toEqual([
			[
				'องค์การบริหารส่วนจังหวัดสมุทรสงคราม 2750101',
				'สมุทรสงคราม',
				'แผนปฏิบัติการหลายปี',
				'2566–2570',
				'ผ่าน มีข้อสังเกต',
				'35',
				'11'
			],
			[
				'องค์การบริหารส่วนจังหวัดอ่างทอง 2150101',
				'อ่างทอง',
				'รายงานผลการดำเนินงาน',
				'2566',
				'ผ่าน มีข้อสังเกต',
				'52',
				'1'
			],
			// Code-point order: เ sorts after อ. The truncated copy is quarantined (no รวมทั้งสิ้น row).
			['เทศบาลเมืองพิชัย 4520106', 'ลำปาง', 'แผนประจำปี (E-PlanNACC)', '2568', 'กักกัน', '21', '0'],
			[
				'เทศบาลเมืองพิชัย 4520106',
				'ลำปาง',
				'แผนประจำปี (E-PlanNACC)',
				'2568',
				'ผ่าน มีข้อสังเกต',
				'59',
				'5'
			]
		]);
		await page.screenshot({ path: join(SCREENSHOTS, 'documents.png'), fullPage: true });
	});

	it('filters by verdict through the URL', async () => {
		await page.goto(`${app.url}/documents`);
		await page.selectOption('select[name=verdict]', 'quarantined');
		await page.waitForURL(/verdict=quarantined/);
		const rows = await rowTexts('[data-testid=documents]');
		expect(rows.map((r) => [r[0], r[4], r[7]])).toEqual([
			['เทศบาลเมืองพิชัย 4520106', 'กักกัน', 'truncated-annual.txt']
		]);
	});

	it('switches to English and keeps the choice', async () => {
		await page.goto(`${app.url}/documents?lang=en`);
		expect(await page.textContent('h1')).toBe('Ingested documents');
		await page.goto(`${app.url}/documents`);
		expect(await page.textContent('h1')).toBe('Ingested documents');
		await page.goto(`${app.url}/documents?lang=th`);
		expect(await page.textContent('h1')).toBe('เอกสารที่นำเข้า');
	});

	it('renders Thai in the bundled Noto Sans Thai font', async () => {
		await page.goto(`${app.url}/documents`);
		const loaded = await page.evaluate(async () => {
			await document.fonts.ready;
			return document.fonts.check('16px "Noto Sans Thai"', 'สุจริต');
		});
		const family = await page.$eval('h1', (h) => getComputedStyle(h).fontFamily);
		expect([loaded, family.split(',')[0]]).toEqual([true, '"Noto Sans Thai"']);
	});
});

describe('document page', () => {
	async function openAnnual(): Promise<void> {
		await page.goto(`${app.url}/documents?verdict=accepted_with_warnings&kind=annual_plan`);
		await page.click('[data-testid=documents] tbody tr a');
		await page.waitForSelector('[data-testid=checks]');
	}

	it('shows the checks with declared and computed values and their lines', async () => {
		await openAnnual();
		const checks = await rowTexts('[data-testid=checks]');
		expect(checks.slice(0, 6)).toEqual([
			[
				'grand_total_budget· รวมทั้งสิ้น row vs sum of item budgets',
				'2568',
				'185,000',
				'185,000',
				'ตรง',
				'120'
			],
			['quarter_tick_count· Q1', '2568', '30', '30', 'ตรง', '120'],
			['quarter_tick_count· Q2', '2568', '23', '23', 'ตรง', '120'],
			['quarter_tick_count· Q3', '2568', '24', '24', 'ตรง', '120'],
			['quarter_tick_count· Q4', '2568', '28', '28', 'ตรง', '120'],
			['item_ordinals_sequence· row ordinals vs 1..n', '2568', '1..35', '1..35', 'ตรง', '71']
		]);
		const failed = checks.filter((c) => c[4] === 'ไม่ตรง').map((c) => [c[1], c[2], c[3], c[5]]);
		expect(failed).toEqual(
			[2566, 2567, 2568, 2569, 2570].map((y) => [String(y), '265,000', '215,000', '154'])
		);
	});

	it('lists the 35 annual items and traces a budget to its source line', async () => {
		await openAnnual();
		const items = await rowTexts('[data-testid=items-0]');
		expect(items.length).toBe(35);
		// Item 5: โครงการส่งเสริมการบริหารงานตามหลักธรรมาภิบาลฯ, 50,000.00, line 79 of the file.
		expect(items[4]).toEqual([
			'5',
			'1',
			'โครงการส่งเสริมการบริหารงานตามหลักธรรมาภิบาลเพื่อป้องกันการทุจริต',
			'50,000.00',
			'1234',
			'79'
		]);
		await page.click('[data-testid=items-0] tbody tr:nth-child(5) a.amount');
		await page.waitForURL(/#L79$/);
		const target = await page.$eval('#L79', (el) => ({
			text: el.textContent ?? '',
			targeted: el.matches(':target'),
			highlighted: el.classList.contains('item'),
			visible:
				el.getBoundingClientRect().top >= 0 &&
				el.getBoundingClientRect().bottom <= window.innerHeight
		}));
		expect(target).toEqual({
			text: expect.stringContaining('โครงการส่งเสริมการบริหารงานตามหลักธรรมาภิบาลเพื่อป้องกันการทุจริต'),
			targeted: true,
			highlighted: true,
			visible: true
		});
		await page.screenshot({ path: join(SCREENSHOTS, 'document-annual-L79.png') });
	});

	it('writes numbers in Thai digits on request and remembers it', async () => {
		await page.goto(`${app.url}/documents?digits=thai`);
		await openAnnual();
		const thai = (await rowTexts('[data-testid=items-0]'))[4];
		await page.goto(`${app.url}/documents?digits=arabic`);
		await openAnnual();
		const arabic = (await rowTexts('[data-testid=items-0]'))[4];
		// The amount and the line follow the preference; the item's own number and name do not move.
		expect([thai?.[3], arabic?.[3]]).toEqual(['๕๐,๐๐๐.๐๐', '50,000.00']);
	});

	it('shows a quarantined document with its reason and the line', async () => {
		await page.goto(`${app.url}/documents?verdict=quarantined`);
		await page.click('[data-testid=documents] tbody tr a');
		await page.waitForSelector('[data-testid=problems]');
		expect(await page.textContent('[data-testid=banner]')).toBe(
			'เอกสารถูกกักกัน: รายการด้านล่างไม่ได้ถูกนำเข้าเป็นข้อมูล'
		);
		const problems = await rowTexts('[data-testid=problems]');
		expect(problems.map((p) => [p[0], p[1], p[3]])).toEqual([
			['ร้ายแรง', 'missing_grand_total', '100']
		]);
		await page.screenshot({ path: join(SCREENSHOTS, 'document-quarantined.png'), fullPage: false });
	});

	it('answers 404 for documents that do not exist or malformed ids', async () => {
		const statuses = [];
		for (const id of ['999999', 'abc', '1%27%20or%201=1', '-1', '1'.repeat(40)]) {
			statuses.push((await app.fetch(`/documents/${id}`)).status);
		}
		expect(statuses).toEqual([404, 404, 404, 404, 404]);
	});
});
