import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './accounts.ts';
import { etl, launchChromium, SCREENSHOTS, startApp, type App } from './harness.ts';

let app: App;
let browser: Browser;
let page: Page;

const NOT_PROOF_TH = 'คะแนนนี้เป็นสัญญาณให้ตรวจสอบเพิ่มเติม ไม่ใช่หลักฐานการทุจริต';
const NOT_PROOF_EN = 'A high score is a reason to look closer, not proof of wrongdoing.';

/** The sample register, the three real seeds, and a demo of 40 LAOs × 2567–2568 (seed 5). */
beforeAll(async () => {
	app = await startApp((dataDir) => {
		etl(dataDir, ['registry', 'import', 'fixtures/registry/dla-sample.csv']);
		etl(dataDir, ['ingest', 'fixtures/seeds']);
		etl(dataDir, [
			'demo',
			'--laos',
			'40',
			'--years',
			'2567-2568',
			'--seed',
			'5',
			'--out',
			join(dataDir, 'demo')
		]);
	});
	browser = await launchChromium();
	page = await browser.newPage({ viewport: { width: 1500, height: 1300 } });
	await signIn(page.context(), app.url, 'analyst');
	mkdirSync(SCREENSHOTS, { recursive: true });
}, 600_000);

afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

const ranks = () =>
	page.$$eval('[data-testid=risk-table] tbody tr', (trs) =>
		trs.map((tr) => [
			tr.getAttribute('data-lao'),
			(tr.querySelector('[data-testid=rank]')?.textContent ?? '').trim(),
			(tr.querySelector('[data-testid=score] strong')?.textContent ?? '').trim()
		])
	);

describe('/risk', () => {
	it('says, in Thai first, that the score is not proof; ranks demo LAOs by score', async () => {
		await page.goto(`${app.url}/risk?lang=th`);
		expect(await page.textContent('[data-testid=not-proof]')).toContain(NOT_PROOF_TH);
		// The demo is included: the synthetic label shows.
		expect(await page.isVisible('[data-testid=synthetic-banner]')).toBe(true);
		const rows = await ranks();
		const ranked = rows.filter(([, rank]) => rank !== '—');
		expect(ranked[0]?.[1]).toBe('1');
		expect(ranked.every(([code]) => code?.startsWith('9'))).toBe(true);
		const scores = ranked.map(([, , s]) => Number(s));
		expect(scores).toEqual([...scores].sort((a, b) => b - a));
		expect(ranked.length).toBeGreaterThan(20);
		await page.screenshot({ path: join(SCREENSHOTS, 'risk-th.png'), fullPage: false });
	});

	it('shows the sentence in English, and a breakdown that opens', async () => {
		await page.goto(`${app.url}/risk?lang=en`);
		expect(await page.textContent('[data-testid=not-proof]')).toContain(NOT_PROOF_EN);
		await page.click(
			'[data-testid=risk-table] tbody tr:first-child [data-testid=breakdown-toggle]'
		);
		const text = await page.textContent('[data-testid=breakdown] dl');
		expect(text).toContain('Not done');
		expect(text).toContain('percentile');
		await page.screenshot({ path: join(SCREENSHOTS, 'risk-en.png'), fullPage: false });
	});

	it('Ang Thong shows 4 / 52 not done and its disbursement gap, not ranked (2 อบจ. peers)', async () => {
		await page.goto(`${app.url}/risk?lang=en&province=15`);
		const row = page.locator('tr[data-lao="2150101"]');
		expect(
			(await row.locator('[data-component=not_done_share]').innerText()).replace(/\s+/g, ' ')
		).toBe('7.7% P50 · 4 / 52');
		expect(
			(await row.locator('[data-component=disbursement_gap]').innerText()).replace(/\s+/g, ' ')
		).toBe('67.5% P50 · 627,872.00 / 1,930,000.00');
		expect((await row.locator('[data-testid=score]').innerText()).trim()).toContain(
			'insufficient data'
		);
	});

	it('filters round-trip in the URL and survive a reload', async () => {
		await page.goto(`${app.url}/risk?lang=en`);
		await page.selectOption('[data-testid=filter-type]', 'subdistrict_admin_org');
		await page.waitForURL(/type=subdistrict_admin_org/);
		await page.selectOption('[data-testid=filter-year]', '2568');
		await page.waitForURL(/fy=2568/);
		const url = new URL(page.url());
		expect([url.searchParams.get('type'), url.searchParams.get('fy')]).toEqual([
			'subdistrict_admin_org',
			'2568'
		]);
		await page.reload();
		expect([
			await page.$eval('[data-testid=filter-type]', (s) => (s as HTMLSelectElement).value),
			await page.$eval('[data-testid=filter-year]', (s) => (s as HTMLSelectElement).value)
		]).toEqual(['subdistrict_admin_org', '2568']);
		const types = await page.$$eval('[data-testid=risk-table] tbody tr td:nth-child(3)', (tds) => [
			...new Set(tds.map((td) => td.textContent?.trim()))
		]);
		expect(types).toEqual(['Subdistrict admin. org.']);
	});

	it('a click on a LAO opens /lao/<dla_code>', async () => {
		await page.goto(`${app.url}/risk`);
		const code = await page.getAttribute(
			'[data-testid=risk-table] tbody tr:first-child',
			'data-lao'
		);
		await page.click('[data-testid=risk-table] tbody tr:first-child [data-testid=lao-link]');
		await page.waitForURL((u) => u.pathname.startsWith('/lao/'));
		expect(new URL(page.url()).pathname).toBe(`/lao/${code}`);
	});

	it('hostile query strings: 400 for the table parameters, 404 past the last page, notice for filters', async () => {
		const status = async (q: string) => (await app.fetch(`/risk?${q}`)).status;
		expect([
			await status('page=abc'),
			await status('page=0'),
			await status(`page=${'9'.repeat(400)}`),
			await status('sort=1;drop%20table%20laos'),
			await status('dir=sideways'),
			await status('page=999')
		]).toEqual([400, 400, 400, 400, 400, 404]);
		const res = await app.fetch(
			`/risk?lang=en&province=99,15');--&type=%3Cscript%3E&fy=${'1'.repeat(300)}`
		);
		const html = await res.text();
		expect(res.status).toBe(200);
		expect(html).toContain('Values in the link that were not understood were ignored:');
		expect(html).toContain('province=99');
		// Shown as text, escaped, never as markup.
		expect(html).toContain('type=&lt;script>');
		expect(html).not.toContain('type=<script>');
	});
});
