import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './accounts.ts';
import { etl, launchChromium, SCREENSHOTS, startApp, type App } from './harness.ts';

let app: App;
let browser: Browser;
let page: Page;

/** The three real seeds, then a small seeded demo (its first LAO, 9730001, has every stage). */
beforeAll(async () => {
	app = await startApp((dataDir) => {
		etl(dataDir, ['registry', 'import', 'fixtures/registry/dla-sample.csv']);
		etl(dataDir, ['ingest', 'fixtures/seeds']);
		etl(dataDir, [
			'demo',
			'--laos',
			'3',
			'--years',
			'2566-2568',
			'--seed',
			'7',
			'--out',
			join(dataDir, 'demo')
		]);
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

describe('LAO page', () => {
	it('shows Phichai: header, its annual plan, FY2568 with no report', async () => {
		await page.goto(`${app.url}/lao/4520106?lang=th`);
		expect(await page.textContent('[data-testid=lao-name]')).toBe('เทศบาลเมืองพิชัย');
		const meta = await page.$$eval('[data-testid=lao-meta] dd', (dds) =>
			dds.map((d) => (d.textContent ?? '').replace(/\s+/g, ' ').trim())
		);
		expect(meta).toEqual([
			'เทศบาลเมือง',
			'ลำปาง · อำเภอ เมืองลำปาง',
			'4520106',
			'18.33406, 99.53865'
		]);
		expect(await page.getAttribute('[data-field=province] a', 'href')).toBe(
			'/overview?province=52'
		);
		expect((await rowTexts('[data-testid=lao-documents]')).map((r) => r.slice(0, 5))).toEqual([
			['แผนประจำปี (E-PlanNACC)', '2568', 'ผ่าน มีข้อสังเกต', '59', '5']
		]);
		expect(await rowTexts('[data-testid=years]')).toEqual([
			['2568', 'ไม่มีแผนหลายปี', '35', '185,000.00', 'ไม่มีรายงาน']
		]);
		expect(await page.$$eval('[data-testid=follow] tbody', (b) => b.length)).toBe(35);
		expect(await page.$('[data-testid=synthetic-banner]')).toBeNull();
		await page.screenshot({ path: join(SCREENSHOTS, 'lao-phichai-th.png'), fullPage: true });
	});

	it('traces the 50,000.00 of annual item 5 to line 79 of its document', async () => {
		await page.goto(`${app.url}/lao/4520106`);
		const cell = '[data-testid=follow] tbody:nth-of-type(5) td[data-stage=annual] a.amount';
		expect(await page.textContent(cell)).toBe('50,000.00');
		await page.click(cell);
		await page.waitForURL(/\/documents\/\d+#L79$/);
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
	});

	it('shows Ang Thong PAO in English: the FY2566 report, 48 done, 4 not done, 627,872.00', async () => {
		await page.goto(`${app.url}/lao/2150101?lang=en`);
		expect(await rowTexts('[data-testid=years]')).toEqual([
			['2566', 'no multi-year plan', 'no annual plan', '52', '48', '4', '0', '627,872.00']
		]);
		await page.screenshot({ path: join(SCREENSHOTS, 'lao-angthong-en.png'), fullPage: true });
		await page.goto(`${app.url}/lao/2150101?lang=th`);
	});

	it('shows Samut Songkhram PAO: the multi-year plan, 35 items × 5 years', async () => {
		await page.goto(`${app.url}/lao/2750101`);
		const years = await rowTexts('[data-testid=years]');
		expect(years.map((r) => [r[0], r[1]])).toEqual(
			['2566', '2567', '2568', '2569', '2570'].map((y) => [y, '35'])
		);
		expect(await page.$$eval('[data-testid=follow] tbody', (b) => b.length)).toBe(35);
		expect(await page.$$eval('[data-testid=follow] tbody tr', (r) => r.length)).toBe(175);
	});

	it('follows a demo LAO through the damage, with the synthetic label', async () => {
		await page.goto(`${app.url}/lao/9730001`);
		expect(await page.textContent('[data-testid=synthetic-banner]')).toContain('ข้อมูลสาธิต');
		// 3 + 3 + 6 names spelt differently between stages (tests/db/lao-page.suite.ts).
		expect(await page.$$eval('[data-testid=follow] .variant', (v) => v.length)).toBe(12);
		await page.screenshot({ path: join(SCREENSHOTS, 'lao-demo-th.png'), fullPage: true });
		await page.goto(`${app.url}/lao/9730001?lang=en`);
		await page.screenshot({ path: join(SCREENSHOTS, 'lao-demo-en.png'), fullPage: true });
		await page.goto(`${app.url}/lao/9730001?lang=th`);
	});

	it('answers hostile and unknown codes with 400 / 404 and a message', async () => {
		const answers = [];
		for (const code of [
			'abc',
			'99999999999',
			"'%20or%201=1",
			'%00',
			'4520106%20',
			'1'.repeat(5000),
			'1234567'
		]) {
			const res = await app.fetch(`/lao/${code}`);
			const body = await res.text();
			answers.push([
				res.status,
				body.includes('รหัส อปท. ไม่ถูกต้อง') || body.includes('ไม่พบ อปท. รหัสนี้')
			]);
		}
		expect(answers).toEqual([
			[400, true],
			[400, true],
			[400, true],
			[400, true],
			[400, true],
			[400, true],
			[404, true]
		]);
		await page.goto(`${app.url}/lao/1234567`);
		expect(await page.textContent('[data-testid=error-message]')).toContain(
			'No LAO with this code in the register'
		);
	});
});
