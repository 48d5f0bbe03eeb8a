/**
 * Kept pages ($lib/server/response-cache) on the built app and PostgreSQL, where the ETL can
 * load while the app serves: a page read again is the page drawn before, byte for byte; each
 * viewer gets their own; a new load run is seen within the data version's second; an ETag still
 * answers 304 until then. Refusals are never kept.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitIdle } from '../../bench/lib/app.ts';
import { etl, startApp, type App } from './harness.ts';
import { createPostgresDatabase, type PostgresDatabase } from './postgres.ts';
import type { Store } from './store.ts';

let pg: PostgresDatabase;
let app: App;
let store: Store;

beforeAll(async () => {
	pg = await createPostgresDatabase('sujarit_kept');
	const dataDir = mkdtempSync(join(tmpdir(), 'sujarit-kept-'));
	store = { dataDir, databaseUrl: pg.url };
	app = await startApp(
		(_dir, s) => {
			etl(s, ['registry', 'import', 'fixtures/registry/dla-sample.csv']);
			etl(s, ['ingest', 'fixtures/seeds/pao-ang-thong_report-2566.txt']);
		},
		{
			dataDir,
			databaseUrl: pg.url,
			users: true,
			officerProvinces: ['15', '52'],
			// The overview never waits for its charts here: drawn without, and not kept.
			env: { SUJARIT_CHART_WAIT_MS: '0' }
		}
	);
}, 120_000);

afterAll(async () => {
	await app?.stop();
	await pg?.drop();
});

const documentLinks = (html: string) => new Set(html.match(/\/documents\/\d+/g) ?? []).size;

describe('kept pages on postgres', () => {
	it('answers a page read again as drawn, with its ETag; each viewer gets their own', async () => {
		const first = await app.fetch('/documents', { headers: { accept: 'text/html' } });
		const firstHtml = await first.text();
		const second = await app.fetch('/documents', { headers: { accept: 'text/html' } });
		expect(await second.text()).toBe(firstHtml);
		expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
		expect(second.headers.get('cache-control')).toBe('no-store');
		expect(documentLinks(firstHtml)).toBe(1);
		const notModified = await app.fetch('/documents', {
			headers: { accept: 'text/html', 'if-none-match': first.headers.get('etag')! }
		});
		expect(notModified.status).toBe(304);
		// The same address for an officer of Lampang (52): their name, their (empty) province.
		const officer = await (
			await app.fetch('/documents', { headers: { accept: 'text/html' } }, 'officer52')
		).text();
		expect(officer).toContain('officer52');
		expect(officer).not.toContain('>analyst<');
		expect(documentLinks(officer)).toBe(0);
		expect(firstHtml).not.toContain('officer52');
	});

	it('sees a new load run within the data version’s second, pages and client data alike', async () => {
		const page = () => app.fetch('/documents', { headers: { accept: 'text/html' } });
		const data = () => app.fetch('/documents/__data.json?x-sveltekit-invalidated=01');
		const before = await page();
		const etag = before.headers.get('etag')!;
		const dataBefore = await (await data()).text();
		expect(await (await data()).text()).toBe(dataBefore);
		etl(store, ['ingest', 'fixtures/seeds/town-mun-phichai-lampang_annual-plan-2568.txt']);
		await new Promise((r) => setTimeout(r, 1_100));
		const after = await page();
		expect(after.headers.get('etag')).not.toBe(etag);
		expect(documentLinks(await after.text())).toBe(2);
		expect(await (await data()).text()).not.toBe(dataBefore);
		const officer = await (
			await app.fetch('/documents', { headers: { accept: 'text/html' } }, 'officer52')
		).text();
		expect(documentLinks(officer)).toBe(1);
		const stale = await app.fetch('/documents', {
			headers: { accept: 'text/html', 'if-none-match': etag }
		});
		expect(stale.status).toBe(200);
	});

	it('keeps the public’s release pages until the next release; an account’s are drawn', async () => {
		const home = () => app.fetch('/', { headers: { accept: 'text/html' } }, null);
		const emptyHtml = await (await home()).text();
		expect(emptyHtml).toContain('data-testid="no-release"');
		expect(await (await home()).text()).toBe(emptyHtml);
		etl(store, ['release', 'publish', '--note=kept pages 1']);
		await new Promise((r) => setTimeout(r, 1_100));
		const first = await home();
		const html = await first.text();
		expect(html).toContain('data-version="1"');
		const again = await home();
		expect(await again.text()).toBe(html);
		expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
		const data = () => app.fetch('/__data.json?x-sveltekit-invalidated=01', {}, null);
		const dataBefore = await (await data()).text();
		expect(dataBefore).toContain('kept pages 1');
		expect(await (await data()).text()).toBe(dataBefore);
		// A signed-in reader's home names the account: drawn for them, never the public's copy.
		const analyst = await (await app.fetch('/', { headers: { accept: 'text/html' } })).text();
		expect(analyst).toContain('data-version="1"');
		expect(analyst).not.toBe(html);
		expect(html).not.toContain('analyst');
		// A release's extract: its release looked up once a second, a version not yet published too.
		const extract = (version: number) =>
			app.fetch(`/api/public/releases/${version}/release_laos`, {}, null);
		const one = await extract(1);
		expect(one.status).toBe(200);
		expect(Buffer.from(await (await extract(1)).arrayBuffer())).toEqual(
			Buffer.from(await one.arrayBuffer())
		);
		expect((await extract(2)).status).toBe(404);
		etl(store, ['release', 'publish', '--note=kept pages 2']);
		await new Promise((r) => setTimeout(r, 1_100));
		expect((await extract(2)).status).toBe(200);
		expect(await (await home()).text()).toContain('data-version="2"');
		expect(await (await data()).text()).toContain('kept pages 2');
		const list = await (
			await app.fetch('/releases', { headers: { accept: 'text/html' } }, null)
		).text();
		expect(list).toContain('kept pages 2');
	});

	it('draws an overview without its SVG charts when they are late, keeps it not, and has them next time', async () => {
		const overview = async () =>
			(await app.fetch('/overview?fy=2566', { headers: { accept: 'text/html' } })).text();
		const late = await overview();
		expect(late).toContain('data-testid="chart-years"');
		expect(late.split('<svg').length - 1).toBe(0);
		let drawn = late;
		for (let i = 0; i < 50 && !drawn.includes('<svg'); i++) {
			await new Promise((r) => setTimeout(r, 200));
			drawn = await overview();
		}
		expect(drawn.split('<svg').length - 1).toBe(5);
		expect(await overview()).toBe(drawn);
	});

	it('draws the charts of the views one click away after a scope’s first overview', async () => {
		const page = async (query: string) =>
			(
				await app.fetch(`/overview${query}`, { headers: { accept: 'text/html' } }, 'officer15')
			).text();
		const svgs = (html: string) => html.split('<svg').length - 1;
		// The officer's first overview: drawn at once without charts (the page waits 0 ms here)…
		const first = await page('');
		expect(first).toContain('data-testid="chart-years"');
		expect(svgs(first)).toBe(0);
		// …and the scope's warm-up draws the unfiltered view's charts and those of each fiscal
		// year and มิติ. Once the server is quiet, views never asked before come with theirs.
		await waitIdle(app.pid, 1500, 60_000);
		for (const query of ['?dim=3', '?fy=2566']) {
			const html = await page(query);
			expect(html, query).toContain('data-testid="chart-years"');
			expect(svgs(html), query).toBe(5);
		}
	});

	it('keeps no refusal: an officer of Ang Thong asking for Lampang’s LAO page is refused each time', async () => {
		const lampang = '4520106'; // เทศบาลเมืองพิชัย, the annual plan's LAO (fixtures/registry)
		for (let i = 0; i < 3; i++) {
			const r = await app.fetch(
				`/lao/${lampang}`,
				{ headers: { accept: 'text/html' } },
				'officer15'
			);
			expect(r.status).toBe(404);
		}
		const own = await app.fetch(
			`/lao/${lampang}`,
			{ headers: { accept: 'text/html' } },
			'officer52'
		);
		expect(own.status).toBe(200);
	});
});
