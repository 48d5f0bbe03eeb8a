/**
 * On PostgreSQL the server reads the latest release's unfiltered view when it starts
 * (releases/page.ts warmLatestRelease), before any reader asks. Proved by locking the release
 * tables against every read once the server has gone quiet: the public home page still answers,
 * from what was read at start, while a view never read before waits for the lock.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitIdle } from '../../bench/lib/app.ts';
import { etl, startApp, type App } from './harness.ts';
import { createPostgresDatabase, type PostgresDatabase } from './postgres.ts';

let pg: PostgresDatabase;
let app: App;

beforeAll(async () => {
	pg = await createPostgresDatabase('sujarit_warm');
	app = await startApp(
		(_dir, store) => {
			etl(store, ['registry', 'import', 'fixtures/registry/dla-sample.csv']);
			etl(store, ['ingest', 'fixtures/seeds/pao-ang-thong_report-2566.txt']);
			etl(store, ['release', 'publish', '--note=warm at start']);
		},
		{ dataDir: mkdtempSync(join(tmpdir(), 'sujarit-warm-')), databaseUrl: pg.url, users: false }
	);
	await waitIdle(app.pid);
}, 120_000);

afterAll(async () => {
	await app?.stop();
	await pg?.drop();
});

describe('the latest release, read at start on postgres', () => {
	it('answers its home page while the release tables are locked; a new view waits', async () => {
		const sql = postgres(pg.url, { max: 1, onnotice: () => {} });
		try {
			const home = (query = '') =>
				app.fetch(
					`/${query}`,
					{ headers: { accept: 'text/html' }, signal: AbortSignal.timeout(5_000) },
					null
				);
			let newView: Promise<Response> | null = null;
			const html = await sql.begin(async (tx) => {
				await tx`lock table release_figures, release_laos, release_documents in access exclusive mode`;
				const answer = await home();
				expect(answer.status).toBe(200);
				const text = await answer.text();
				// The control: a มิติ never asked reads release_figures, and waits for the lock.
				newView = home('?dim=2');
				const waited = await Promise.race([
					newView.then(
						() => 'answered',
						(e: Error) => e.name
					),
					new Promise((r) => setTimeout(() => r('still waiting'), 1_500))
				]);
				expect(waited).toBe('still waiting');
				return text;
			});
			expect(html).toContain('data-version="1"');
			expect(html).toContain('อ่างทอง');
			// The lock is gone: the waiting view is answered.
			const after = await newView!;
			expect(after.status).toBe(200);
		} finally {
			await sql.end();
		}
	});
});
