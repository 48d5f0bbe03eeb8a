import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, PASSWORD, signIn } from './accounts.ts';
import { etl, launchChromium, SCREENSHOTS, startApp, type App } from './harness.ts';

/**
 * Who sees what, in a real browser on the built app, with the three real seeds: Ang Thong PAO's
 * report (province 15), Phichai's annual plan (Lampang, 52) and Samut Songkhram PAO's plan (75).
 * An officer of Ang Thong signs in through the form, then tries Lampang's pages, extracts and
 * lists by URL and is refused; screenshots show what each role sees.
 */
let app: App;
let browser: Browser;
let page: Page;

beforeAll(async () => {
	app = await startApp(
		(dataDir) => {
			etl(dataDir, ['registry', 'import', 'fixtures/registry/dla-sample.csv']);
			etl(dataDir, ['ingest', 'fixtures/seeds']);
			addUser(dataDir, 'gone', 'analyst');
		},
		{ officerProvinces: ['15'] }
	);
	browser = await launchChromium();
	page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
	mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true });

async function signInByForm(username: string, password: string): Promise<void> {
	await page.fill('input[name=username]', username);
	await page.fill('input[name=password]', password);
	await Promise.all([page.waitForLoadState('load'), page.click('button[type=submit]')]);
}

const documentIds = async () =>
	(await (await app.fetch('/documents')).text())
		.match(/\/documents\/(\d+)/g)
		?.map((m) => m.slice(11));

describe('signing in', () => {
	it('sends an anonymous reader of /overview to /login and back after signing in', async () => {
		await page.goto(`${app.url}/overview?province=15`);
		expect(new URL(page.url()).pathname).toBe('/login');
		expect(new URL(page.url()).searchParams.get('next')).toBe('/overview?province=15');
		await shot('login-th.png');
		await signInByForm('officer15', PASSWORD);
		expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/overview?province=15');
		expect(await page.textContent('[data-testid=account]')).toContain('officer15');
	});

	it('gives the same answer to an unknown name and a wrong password, and sets no cookie', async () => {
		const answer = async (username: string, password: string) => {
			const res = await app.fetch(
				'/login',
				{
					method: 'POST',
					redirect: 'manual',
					headers: {
						origin: app.url,
						accept: 'text/html',
						'content-type': 'application/x-www-form-urlencoded'
					},
					body: new URLSearchParams({ username, password })
				},
				null
			);
			const body = await res.text();
			return [res.status, /ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง/.test(body), res.headers.has('set-cookie')];
		};
		expect(await answer('nobody-here', PASSWORD)).toEqual([400, true, false]);
		expect(await answer('analyst', 'wrong password!')).toEqual([400, true, false]);
	});
});

describe('an officer of Ang Thong (15)', () => {
	it('sees Ang Thong only: documents, overview, lists', async () => {
		await page.goto(`${app.url}/documents`);
		const laos = await page.$$eval('[data-testid=documents] tbody tr td:first-child', (tds) =>
			tds.map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim())
		);
		expect(laos).toEqual(['องค์การบริหารส่วนจังหวัดอ่างทอง 2150101']);
		await shot('officer15-documents.png');
		await page.goto(`${app.url}/overview`);
		await page.waitForSelector('[data-testid=chart-years]');
		const body = (await page.textContent('main')) ?? '';
		expect(body).not.toContain('185,000.00'); // Phichai's (Lampang) annual plan total
		await shot('officer15-overview.png');
	});

	it("is refused Lampang's and Samut Songkhram's LAO pages, documents, risk and admin", async () => {
		const token = await app.token('officer15');
		const officer = (path: string) => app.fetch(path, { redirect: 'manual' }, 'officer15');
		const national = await documentIds();
		expect(national?.length).toBe(3);
		const statuses: [string, number][] = [];
		for (const path of [
			'/lao/2150101',
			'/lao/4520106',
			'/lao/2750101',
			...(national ?? []).map((id) => `/documents/${id}`),
			'/risk',
			'/publish',
			'/admin/users',
			'/admin/view-as'
		]) {
			statuses.push([path, (await officer(path)).status]);
		}
		const documents = Object.fromEntries(statuses.filter(([p]) => p.startsWith('/documents')));
		expect(Object.values(documents).sort()).toEqual([200, 404, 404]);
		expect(statuses.filter(([p]) => !p.startsWith('/documents'))).toEqual([
			['/lao/2150101', 200],
			['/lao/4520106', 404],
			['/lao/2750101', 404],
			['/risk', 403],
			['/publish', 403],
			['/admin/users', 403],
			['/admin/view-as', 403]
		]);
		expect(token.length).toBe(32);
		// The same refusals in the browser, screenshotted.
		await page.goto(`${app.url}/lao/4520106`);
		expect(await page.textContent('body')).toContain('4520106');
		await shot('officer15-lao-lampang-404.png');
		await page.goto(`${app.url}/risk`);
		await shot('officer15-risk-403.png');
	});

	it("gets extracts and lists with Ang Thong's rows only", async () => {
		const arrow = async (name: string) =>
			tableFromIPC(
				new Uint8Array(
					await (await app.fetch(`/api/extracts/${name}`, {}, 'officer15')).arrayBuffer()
				)
			);
		const laos = (await arrow('dim_lao')).toArray().map((r) => String(r.province_code));
		expect(new Set(laos)).toEqual(new Set(['15']));
		const documents = (await arrow('dim_document')).toArray().map((r) => String(r.province_code));
		expect(documents).toEqual(['15']);
		const res = await app.fetch('/api/extracts/dim_lao', {}, 'officer15');
		expect(res.headers.get('cache-control')).toBe('no-store');
		const list = await (await app.fetch('/api/lists/not_done?format=csv', {}, 'officer15')).text();
		expect(list).toContain('2150101');
		expect(list).not.toContain('4520106');
		const failed = await (
			await app.fetch('/api/lists/failed_docs?format=csv', {}, 'officer15')
		).text();
		expect(failed).not.toMatch(/4520106|2750101/);
	});

	it('signs out: the session is gone from the database at once', async () => {
		const token = await app.token('officer15');
		await page.goto(`${app.url}/overview`);
		await Promise.all([page.waitForURL(`${app.url}/`), page.click('[data-testid=logout]')]);
		await shot('signed-out-home.png');
		// The browser's own session (signed in by the form) no longer opens the dashboard …
		await page.goto(`${app.url}/overview`);
		expect(new URL(page.url()).pathname).toBe('/login');
		// … while another session of the same account (app.token) still does.
		const res = await fetch(`${app.url}/api/overview`, {
			headers: { cookie: `sujarit_session=${token}` }
		});
		expect(res.status).toBe(200);
	});
});

describe('an admin viewing as an officer', () => {
	it('sees the banner and exactly the officer view, then comes back', async () => {
		await signIn(page.context(), app.url, 'admin');
		await page.goto(`${app.url}/admin/view-as`);
		await page.check('input[name=role][value=province_officer]');
		await page.check('input[name=provinces][value="15"]');
		await Promise.all([
			page.waitForURL(/\/overview$/),
			page.click('[data-testid=view-as-form] button')
		]);
		expect(await page.textContent('[data-testid=view-as-banner]')).toContain('15');
		await page.goto(`${app.url}/documents`);
		expect(await page.$$eval('[data-testid=documents] tbody tr', (r) => r.length)).toBe(1);
		await shot('admin-view-as-officer15.png');
		await page.goto(`${app.url}/risk`);
		expect(await page.textContent('body')).toContain('403');
		await page.goto(`${app.url}/admin/view-as`);
		await Promise.all([
			page.waitForLoadState('load'),
			page.click('[data-testid=view-as-banner] button')
		]);
		expect(await page.$('[data-testid=view-as-banner]')).toBeNull();
		await page.goto(`${app.url}/documents`);
		expect(await page.$$eval('[data-testid=documents] tbody tr', (r) => r.length)).toBe(3);
	});

	it('disables an account from the admin page: its session ends at once', async () => {
		const token = await app.token('gone');
		expect((await app.fetch('/api/overview', {}, 'gone')).status).toBe(200);
		await page.goto(`${app.url}/admin/users`);
		await shot('admin-users.png');
		await Promise.all([
			page.waitForResponse(/admin\/users/),
			page.click('[data-testid=disable-gone]')
		]);
		await page.waitForSelector('tr[data-username=gone].disabled');
		const res = await fetch(`${app.url}/api/overview`, {
			headers: { cookie: `sujarit_session=${token}` }
		});
		expect([res.status, (await res.json()).code]).toEqual([401, 'sign_in']);
		// Signing in again as the disabled account: the answer an unknown name gets.
		const again = await fetch(`${app.url}/login`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: app.url,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ username: 'gone', password: PASSWORD })
		});
		expect([again.status, /ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง/.test(await again.text())]).toEqual([400, true]);
	});
});

describe('throttling and cross-site requests', () => {
	it('locks a name after 5 failures, even for the right password, and says so', async () => {
		const attempt = async (password: string) =>
			(
				await app.fetch(
					'/login',
					{
						method: 'POST',
						redirect: 'manual',
						headers: {
							origin: app.url,
							accept: 'text/html',
							'content-type': 'application/x-www-form-urlencoded'
						},
						body: new URLSearchParams({ username: 'admin', password })
					},
					null
				)
			).status;
		const statuses = [];
		for (let i = 0; i < 5; i++) statuses.push(await attempt(`wrong ${i} password`));
		statuses.push(await attempt(PASSWORD));
		// A plain form post gets the fail() status: 400 for each wrong password, then 429.
		expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
	});

	it('refuses every cross-site or Origin-less write, whatever its content type', async () => {
		const token = await app.token('analyst');
		const targets = ['/logout', '/login', '/publish', '/admin/users?/add', '/api/overview'];
		const origins = ['https://evil.example', null, 'null'];
		const types = [
			'application/x-www-form-urlencoded',
			'multipart/form-data; boundary=x',
			'text/plain',
			'application/json'
		];
		const seen = new Set<number>();
		for (const target of targets)
			for (const origin of origins)
				for (const type of types) {
					const headers: Record<string, string> = {
						'content-type': type,
						cookie: `sujarit_session=${token}`
					};
					if (origin) headers.origin = origin;
					const res = await fetch(`${app.url}${target}`, {
						method: 'POST',
						redirect: 'manual',
						headers,
						body: type.startsWith('application/json') ? '{}' : 'username=x&password=y'
					});
					seen.add(res.status);
				}
		expect([...seen]).toEqual([403]);
		// The session survived all of it (no cross-site /logout went through).
		expect((await app.fetch('/api/overview')).status).toBe(200);
		// A same-origin JSON endpoint refuses a form body (415) rather than reading it.
		const form = await app.fetch('/api/overview', {
			method: 'POST',
			headers: {
				origin: app.url,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: 'a=b'
		});
		expect(form.status).toBe(415);
	});
});
