import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchAs, sessionToken, signIn } from './accounts.ts';
import {
	duckdbFiles,
	etl,
	isDuckdbRequest,
	launchChromium,
	publish,
	SCREENSHOTS,
	startApp,
	type App
} from './harness.ts';

/**
 * The public pages on the built app: a release of the three seeds published before the server
 * starts (the CLI, as an operator; PGlite is single-process), read on a phone by an anonymous
 * reader; a document ingested afterwards changes nothing public until a signed-in analyst
 * publishes release 2 from /publish (an officer is refused, an anonymous reader sent to sign in).
 */
let app: App;
let browser: Browser;
let phone: BrowserContext;
let page: Page;
/** An analyst's phone (signed in after the restart): the dashboard and /publish. */
let analyst: BrowserContext | undefined;
const requests: string[] = [];

const NOTE = 'ฉบับแรก: เอกสารจริงสามฉบับ\nFirst release: the three real documents';

beforeAll(async () => {
	app = await startApp(
		(dataDir) => {
			etl(dataDir, ['registry', 'import', 'fixtures/registry/dla-sample.csv']);
			etl(dataDir, ['ingest', 'fixtures/seeds']);
			publish(dataDir, NOTE);
		},
		{ officerProvinces: ['15'] }
	);
	browser = await launchChromium();
	phone = await browser.newContext({
		viewport: { width: 390, height: 844 },
		deviceScaleFactor: 2,
		isMobile: true,
		hasTouch: true
	});
	page = await phone.newPage();
	page.on('request', (r) => requests.push(r.url()));
	mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

async function kpis(): Promise<Record<string, string>> {
	return page.$$eval('[data-kpi]', (els) =>
		Object.fromEntries(
			els.map((el) => [
				el.getAttribute('data-kpi'),
				(el.querySelector('.value')?.textContent ?? '').trim()
			])
		)
	);
}

const text = async (selector: string) => ((await page.textContent(selector)) ?? '').trim();

/** Scrolls through the page so that every lazy chart draws, then screenshots it whole. */
async function screenshot(name: string, on: Page = page): Promise<void> {
	const page = on;
	for (let y = 0; y < 12_000; y += 600) {
		await page.evaluate((top) => window.scrollTo(0, top), y);
		await page.waitForTimeout(60);
	}
	await page.waitForTimeout(800);
	await page.evaluate(() => window.scrollTo(0, 0));
	await page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true });
}

const SEEDS = {
	laos_covered: '1',
	laos_reporting: '1',
	completion: '92.3%',
	not_done: '4',
	zero_budget: '82.9%',
	planned: '185,000.00',
	disbursed: '627,872.00'
};

describe('before anything is published', () => {
	it('says so plainly on the home page and on /releases', async () => {
		const empty = await startApp(() => {});
		try {
			const home = await page.goto(`${empty.url}/`);
			expect([home?.status(), await text('[data-testid=no-release] h1')]).toEqual([
				200,
				'ยังไม่มีข้อมูลเผยแพร่'
			]);
			await page.goto(`${empty.url}/releases`);
			expect(await text('[data-testid=no-release]')).toBe('ยังไม่มีข้อมูลเผยแพร่');
		} finally {
			await empty.stop();
		}
	});
});

describe('the public home page: the latest release', () => {
	it('paints release 1 of the seeds from the server, its first chart inline, no DuckDB', async () => {
		requests.length = 0;
		const response = await page.goto(`${app.url}/`, { waitUntil: 'domcontentloaded' });
		// The first chart is in the HTML itself, as SVG, with its data (no script needed).
		const html = (await response?.text()) ?? '';
		expect([
			response?.status(),
			/data-testid="ssr-chart"[^>]*>(<!---->)?<svg width="100%" role="img"/.test(html),
			html.includes('>2566</text>') && html.includes('>2568</text>')
		]).toEqual([200, true, true]);
		expect(await kpis()).toEqual(SEEDS);
		expect(await page.getAttribute('[data-testid=release]', 'data-version')).toBe('1');
		expect(await text('[data-testid=document-count]')).toBe('คำนวณจากเอกสาร 3 ฉบับ');
		expect(await text('[data-testid=release-note] .text')).toBe(NOTE);
		expect(await text('[data-testid=document-counts]')).toBe(
			'ทั้งหมด 3 ฉบับ: แผนประจำปี 1 · รายงานผล 1 · แผนหลายปี 1'
		);
		expect(await page.$('[data-testid=synthetic-banner]')).toBeNull();
		await page.waitForLoadState('networkidle');
		const duckdb = duckdbFiles();
		expect(duckdb.size).toBeGreaterThan(3);
		expect(requests.filter((u) => isDuckdbRequest(u, duckdb))).toEqual([]);
		expect(await page.getAttribute('[data-testid=engine-status]', 'data-status')).toBe('idle');
		await screenshot('release-home-phone-th.png');
	});

	it('lists the LAOs per province and the three documents', async () => {
		const counts = await page.$$eval('[data-testid=release-laos] tbody tr', (rows) =>
			rows.map((r) => [...r.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim()))
		);
		expect(counts).toEqual([
			['อ่างทอง', '0', '1'],
			['ลำปาง', '1', '0']
		]);
		const documents = await page.$$eval('[data-testid=release-documents] tbody tr', (rows) =>
			rows.map((r) =>
				[...r.querySelectorAll('td')].slice(0, 5).map((td) => (td.textContent ?? '').trim())
			)
		);
		expect(documents).toEqual([
			['อบจ.อ่างทอง', 'อ่างทอง', 'รายงานผลการดำเนินงาน', '2566', '52'],
			['เทศบาลเมืองพิชัย', 'ลำปาง', 'แผนประจำปี (E-PlanNACC)', '2568', '59'],
			['อบจ.สมุทรสงคราม', 'สมุทรสงคราม', 'แผนปฏิบัติการหลายปี', '2566–2570', '35']
		]);
	});

	it('hands over to DuckDB-WASM when the reader picks FY2568: 35 items, 185,000.00', async () => {
		requests.length = 0;
		await page.selectOption('[data-testid=filter-year]', '2568');
		await page.waitForURL(/\?fy=2568$/);
		expect([await text('[data-kpi-sub=items_planned]'), await kpis()]).toMatchObject([
			'35',
			{
				planned: '185,000.00',
				completion: '—',
				disbursed: '0.00'
			}
		]);
		await page.waitForSelector('[data-testid=engine-status][data-source=duckdb]', {
			timeout: 60_000
		});
		// The same figures, now computed in the browser from the release's own extracts.
		expect(await kpis()).toEqual({
			laos_covered: '1',
			laos_reporting: '0',
			completion: '—',
			not_done: '0',
			zero_budget: '82.9%',
			planned: '185,000.00',
			disbursed: '0.00'
		});
		expect(await text('[data-kpi-sub=items_planned]')).toBe('35');
		const extracts = requests.filter((u) => u.includes('/api/public/releases/'));
		expect(extracts.map((u) => new URL(u).pathname).sort((a, b) => a.localeCompare(b))).toEqual([
			'/api/public/releases/1/release_figures',
			'/api/public/releases/1/release_laos'
		]);
		expect(extracts.every((u) => /\?tag=[\w-]{16}$/.test(u))).toBe(true);
	});

	it('shows Ang Thong’s report by province, from DuckDB and the server alike', async () => {
		await page.selectOption('[data-testid=filter-year]', '');
		await page.selectOption('[data-testid=filter-province]', '15');
		await page.waitForURL(/\?province=15$/);
		await page.waitForSelector('[data-testid=engine-status][data-source=duckdb]');
		const angThong = {
			laos_covered: '0',
			laos_reporting: '1',
			completion: '92.3%',
			not_done: '4',
			zero_budget: '—',
			planned: '0.00',
			disbursed: '627,872.00'
		};
		expect(await kpis()).toEqual(angThong);
		expect(
			await page.$$eval('[data-testid=release-laos] tbody tr', (rows) =>
				rows.map((r) => [...r.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim()))
			)
		).toEqual([['อบจ.อ่างทอง', 'อ่างทอง', '—', '2566']]);
		// A copied link opens the same view, painted by the server.
		await page.goto(`${app.url}/releases/1?province=15`);
		expect(await kpis()).toEqual(angThong);
		expect(await page.getAttribute('[data-testid=engine-status]', 'data-source')).toBe('server');
	});

	it('switches to English and to Thai digits', async () => {
		await page.goto(`${app.url}/?lang=en&digits=thai`);
		expect([await text('h1'), (await kpis()).planned]).toEqual([
			'Public release ๑ latest',
			'๑๘๕,๐๐๐.๐๐'
		]);
		await page.goto(`${app.url}/?lang=th&digits=arabic`);
		expect(await text('h1')).toBe('ข้อมูลเผยแพร่ ฉบับที่ 1 ฉบับล่าสุด');
	});
});

describe('release URLs and extracts', () => {
	it('answers a malformed version 400 and an unknown one 404, with a message', async () => {
		const bad = await page.goto(`${app.url}/releases/1abc`);
		expect([bad?.status(), await text('[data-testid=error-message]')]).toEqual([
			400,
			'เลขฉบับต้องเป็นจำนวนเต็มตั้งแต่ 1: 1abc'
		]);
		const unknown = await page.goto(`${app.url}/releases/9`);
		expect([unknown?.status(), await text('[data-testid=error-message]')]).toEqual([
			404,
			'ไม่พบข้อมูลเผยแพร่ฉบับนี้: 9'
		]);
		const verdict = await page.goto(`${app.url}/releases/1?verdict=accepted`);
		expect([verdict?.status(), await text('[data-testid=error-message]')]).toEqual([
			400,
			'ตัวกรองใน URL ไม่ถูกต้อง: verdict=accepted'
		]);
	});

	it('serves the extracts immutable under the release’s tag, 404 otherwise', async () => {
		const html = await (await fetch(`${app.url}/`)).text();
		// The tag is in the page data (the engine's URLs are built from it).
		const found = html.match(/tag:"([\w-]{16})"/)?.[1] ?? '';
		const get = (path: string) =>
			fetch(`${app.url}${path}`, { headers: { 'accept-encoding': 'br' } });
		const [ok, wrong, name, version] = await Promise.all([
			get(`/api/public/releases/1/release_figures?tag=${found}`),
			get('/api/public/releases/1/release_figures?tag=AAAAAAAAAAAAAAAA'),
			get(`/api/public/releases/1/fact_cube?tag=${found}`),
			get('/api/public/releases/x1/release_figures')
		]);
		expect([
			found.length,
			ok.status,
			ok.headers.get('cache-control'),
			ok.headers.get('content-encoding'),
			ok.headers.get('content-type'),
			wrong.status,
			name.status,
			version.status
		]).toEqual([
			16,
			200,
			'public, max-age=31536000, immutable',
			'br',
			'application/vnd.apache.arrow.stream',
			404,
			404,
			400
		]);
	});

	it('lists every release with its date and note', async () => {
		await page.goto(`${app.url}/releases`);
		const items = await page.$$eval('[data-testid=releases] li', (els) =>
			els.map((el) => [el.getAttribute('data-version'), el.querySelector('.note')?.textContent])
		);
		expect(items).toEqual([['1', NOTE]]);
	});
});

describe('a document ingested after release 1', () => {
	it('changes nothing public until release 2 is published', async () => {
		await page.goto(`${app.url}/`);
		const before = { kpis: await kpis(), count: await text('[data-testid=document-counts]') };
		// PGlite is single-process: stop the server, ingest (synthetic demo documents of one LAO,
		// in the real text formats), serve the same folder again.
		await app.stop({ keepData: true });
		app = await startApp(
			(dataDir) => {
				etl(dataDir, ['demo', '--laos', '1', '--years', '2568', '--seed', '3']);
			},
			{ dataDir: app.dataDir }
		);
		await page.goto(`${app.url}/`);
		expect({ kpis: await kpis(), count: await text('[data-testid=document-counts]') }).toEqual(
			before
		);
		expect(await page.getAttribute('[data-testid=release]', 'data-version')).toBe('1');
		expect(await page.$('[data-testid=synthetic-banner]')).toBeNull();
		// The dashboard, reading the live tables, has the new documents at once (for an analyst).
		analyst = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
		await signIn(analyst, app.url, 'analyst');
		const dashboard = await analyst.newPage();
		await dashboard.goto(`${app.url}/overview`);
		expect(await dashboard.$('[data-testid=synthetic-banner]')).not.toBeNull();
		await dashboard.close();
	});

	it('sends an anonymous reader to sign in and refuses an officer at /publish (403)', async () => {
		const anonymous = await fetch(`${app.url}/publish`, {
			redirect: 'manual',
			headers: { accept: 'text/html' }
		});
		const officer = fetchAs(app.url, await sessionToken(app.url, 'officer15'));
		const form = new URLSearchParams({ note: 'x', based_on: '1' });
		const [page403, post403] = await Promise.all([
			officer('/publish', { headers: { accept: 'text/html' } }),
			officer('/publish', {
				method: 'POST',
				body: form,
				headers: {
					origin: app.url,
					'content-type': 'application/x-www-form-urlencoded',
					accept: 'application/json'
				}
			})
		]);
		expect([
			anonymous.status,
			anonymous.headers.get('location'),
			page403.status,
			post403.status
		]).toEqual([303, '/login?next=%2Fpublish', 403, 403]);
	});

	it('previews release 2 at /publish, refuses a note over 2,000 characters, then publishes', async () => {
		const page = await analyst!.newPage();
		await page.goto(`${app.url}/publish`);
		expect((await page.textContent('[data-testid=next]'))?.trim()).toMatch(
			/^จะเผยแพร่เป็นฉบับที่ 2 จากเอกสาร \d+ ฉบับ$/
		);
		const added = await page.$$eval('[data-testid=added-documents] tbody tr', (r) => r.length);
		expect(added).toBeGreaterThan(0);
		await page.fill('[data-testid=note]', 'ก'.repeat(2001));
		await page.click('[data-testid=publish]');
		expect(await (await page.waitForSelector('[data-testid=publish-error]')).textContent()).toBe(
			'หมายเหตุยาว 2,001 ตัวอักษร เกินกำหนด 2,000'
		);
		await page.fill('[data-testid=note]', 'ฉบับที่สอง: เพิ่มข้อมูลสาธิต');
		await page.click('[data-testid=publish]');
		expect(await (await page.waitForSelector('[data-testid=published]')).textContent()).toMatch(
			/^\s*เผยแพร่ฉบับที่ 2 แล้ว/
		);
		// The preview now compares with release 2: nothing left to publish.
		await page.waitForSelector('[data-testid=unchanged]');
		await screenshot('publish-phone-th.png', page);
		await page.close();
	});

	it('shows release 2 on the home page, labelled synthetic; release 1 is unchanged', async () => {
		await page.goto(`${app.url}/`);
		expect(await page.getAttribute('[data-testid=release]', 'data-version')).toBe('2');
		expect(await text('[data-testid=synthetic-banner] strong')).toBe(
			'ข้อมูลสาธิต / synthetic demo data'
		);
		await screenshot('release-2-phone-th.png');
		await page.goto(`${app.url}/releases/1`);
		expect(await kpis()).toEqual(SEEDS);
		expect(await page.$('[data-testid=synthetic-banner]')).toBeNull();
		expect(await text('.banner a')).toBe('ฉบับนี้ไม่ใช่ฉบับล่าสุด: ดูฉบับที่ 2');
	});
});
