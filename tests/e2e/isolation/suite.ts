/**
 * The isolation matrix, one suite for both drivers (isolation.pglite.test.ts,
 * isolation.postgres.test.ts): canaries seeded in three provinces and in a document with no
 * province, release 1 published, more canaries ingested and never published; then every route of
 * src/routes asked by every principal, and ≥ 1,000 randomized probes (fast-check, seeded), every
 * body decoded and searched. Writes test-results/isolation-<driver>.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIST_NAMES } from '../../../src/lib/lists/columns.ts';
import { ROUTE_ACCESS } from '../../../src/lib/server/access/routes.ts';
import { PASSWORD, sessionToken } from '../accounts.ts';
import { ROOT, startApp, type App } from '../harness.ts';
import { createPostgresDatabase, type PostgresDatabase } from '../postgres.ts';
import type { Store } from '../store.ts';
import { maySee } from './canaries.ts';
import { CANARY_PROVINCES } from './documents.ts';
import {
	adminAction,
	addAccounts,
	CLI_ACCOUNTS,
	signInPrincipals,
	type Principal
} from './principals.ts';
import { runProbe, type ProbeContext, type ProbeRequest } from './probe.ts';
import { matrixRequests, requestArbitrary, uncoveredActions } from './requests.ts';
import { uncovered, walkRoutes, type RouteFiles, type World } from './routes.ts';
import { addUser, ingestPhase, planSeed, readBack, seedPublished, type Seed } from './seed.ts';
import { Stats } from './stats.ts';

export type Driver = 'pglite' | 'postgres';

/** Probes at once: enough to keep the server busy, few enough for a 2-core machine. */
const CONCURRENCY = 8;
const RANDOM_PROBES = Number(process.env.ISOLATION_PROBES ?? 1000);

async function pool<T>(items: T[], size: number, run: (item: T) => Promise<void>) {
	let next = 0;
	await Promise.all(
		Array.from({ length: size }, async () => {
			while (next < items.length) await run(items[next++]!);
		})
	);
}

export function registerIsolationSuite(driver: Driver): void {
	describe(`isolation matrix on ${driver}`, () => {
		let app: App | undefined;
		let pg: PostgresDatabase | null = null;
		let seed: Seed;
		let principals: Principal[];
		let world: World;
		let routes: RouteFiles[];
		let ctx: ProbeContext;
		const stats = new Stats();
		const failures: string[] = [];
		const started = performance.now();
		const seeding = { published: 0, unpublished: 0, agedSessions: 0 };
		const fcSeed = Number(process.env.ISOLATION_SEED ?? Date.now() % 2 ** 31);
		const randomRun = { numRuns: 0, failed: false };
		let dataDir = '';

		beforeAll(async () => {
			pg = driver === 'postgres' ? await createPostgresDatabase('sujarit_iso') : null;
			seed = planSeed();
			dataDir = mkdtempSync(join(tmpdir(), 'sujarit-isolation-'));
			const store: Store = pg ? { dataDir, databaseUrl: pg.url } : dataDir;
			// Phase 1: release 1 of the first canaries, the first accounts, the app.
			seeding.published = (await seedPublished(store, seed)).seen;
			for (const account of CLI_ACCOUNTS) await addUser(store, account);
			const first = await startApp(() => {}, { dataDir, databaseUrl: pg?.url });
			app = first;
			const admin = await sessionToken(first.url, 'admin');
			await addAccounts(first.url, admin, PASSWORD);
			// Two sessions that must be dead when the app comes back: one aged (below), one whose
			// account the admin disables.
			const expiredToken = await sessionToken(first.url, 'expiring');
			const disabledToken = await sessionToken(first.url, 'retired');
			await adminAction(first.url, admin, 'disable', { username: 'retired' });
			await first.stop({ keepData: true });
			// Phase 2, with no app holding the store (PGlite is one process's at a time).
			seeding.unpublished = (await ingestPhase(store, seed, 'unpublished')).seen;
			seeding.agedSessions = await readBack(store, seed, expiredToken);
			app = await startApp(() => {}, { dataDir, databaseUrl: pg?.url });
			principals = await signInPrincipals(app.url, { expiredToken, disabledToken });
			const home = await (await fetch(`${app.url}/`)).text();
			world = {
				documentIds: seed.documents.map((d) => d.id),
				laoCodes: CANARY_PROVINCES.flatMap((p) => [p.pao.code, p.town.code]),
				releaseVersions: [1],
				releaseTag: home.match(/tag:"([\w-]{16})"/)?.[1] ?? 'no-tag-on-home'
			};
			routes = walkRoutes(join(ROOT, 'src/routes'));
			ctx = { baseUrl: app.url, documents: seed.documents, stats };
		}, 600_000);

		afterAll(async () => {
			writeSummary();
			await app?.stop();
			// Also when the seeding failed before any app served the folder.
			if (dataDir) rmSync(dataDir, { recursive: true, force: true });
			await pg?.drop();
		});

		function writeSummary() {
			mkdirSync(join(ROOT, 'test-results'), { recursive: true });
			const tokens = seed?.canaries ?? [];
			const summary = {
				driver,
				seconds: Math.round((performance.now() - started) / 100) / 10,
				fastCheckSeed: fcSeed,
				routesCovered: [...stats.routes.entries()]
					.map(([route, kinds]) => ({
						route,
						access: ROUTE_ACCESS[route],
						requests: [...kinds].sort()
					}))
					.sort((a, b) => a.route.localeCompare(b.route)),
				principals: (principals ?? []).map((p) => ({
					name: p.name,
					scope: p.scope.kind === 'provinces' ? p.scope.codes : p.scope.kind,
					sawCanaries: stats.sawTokens(
						p.name,
						tokens.map((c) => c.token)
					).length
				})),
				probes: {
					total: stats.probes,
					matrix: stats.probes - randomRun.numRuns,
					randomized: randomRun.numRuns,
					randomizedFailed: randomRun.failed
				},
				responsesByStatus: stats.responsesByStatus,
				bodiesByKind: stats.bodiesByKind,
				bytesDecodedByKind: stats.bytesDecodedByKind,
				canariesPerProvince: Object.fromEntries(
					[...new Set(tokens.map((c) => c.province))].map((province) => [
						province,
						{
							tokens: tokens.filter((c) => c.province === province).map((c) => c.token),
							documents: (seed?.documents ?? []).filter((d) => d.province === province).length
						}
					])
				),
				seeding,
				observations: stats.observations,
				failures: failures.length,
				failureSamples: failures.slice(0, 50)
			};
			writeFileSync(
				join(ROOT, `test-results/isolation-${driver}.json`),
				`${JSON.stringify(summary, null, 2)}\n`
			);
		}

		it('seeds canaries in three provinces and one with no province, published then not', () => {
			expect([
				seeding.published,
				seeding.unpublished,
				seeding.agedSessions,
				seed.documents.length,
				[...new Set(seed.documents.map((d) => `${d.province}:${d.phase}`))].length
			]).toEqual([10, 10, 1, 20, 8]);
		});

		it('walks every route under src/routes and can instantiate each, with every action', () => {
			expect(routes.map((r) => r.id)).toEqual(Object.keys(ROUTE_ACCESS).sort());
			expect([uncovered(routes, world), uncoveredActions(routes)]).toEqual([[], []]);
		});

		it('the matrix: every principal asks every route, parameters of every province', async () => {
			const requests = matrixRequests(routes, world);
			const jobs = principals.flatMap((p) => requests.map((r) => [p, r] as const));
			await pool(jobs, CONCURRENCY, async ([p, r]) => {
				failures.push(...(await runProbe(ctx, p, r)).failures);
			});
			expect(failures).toEqual([]);
			expect(stats.probes).toBe(jobs.length);
		}, 600_000);

		it('positive controls: each scope saw exactly its own canaries, published or not', () => {
			const all = seed.canaries;
			const seen = Object.fromEntries(
				principals.map((p) => [
					p.name,
					stats
						.sawTokens(
							p.name,
							all.map((c) => c.token)
						)
						.sort()
				])
			);
			const expected = Object.fromEntries(
				principals.map((p) => [
					p.name,
					all
						.filter((c) => maySee(p.scope, c.province))
						.map((c) => c.token)
						.sort()
				])
			);
			expect(seen).toEqual(expected);
			// Not an empty oracle: the national scopes saw all 8, officers 2 or 4.
			expect(principals.map((p) => [p.name, seen[p.name]!.length])).toEqual([
				['anonymous', 0],
				['officer-A-15', 2],
				['officer-B-52', 2],
				['officer-AC-15-75', 4],
				['analyst', 8],
				['admin', 8],
				['admin-as-officer-15', 2],
				['admin-as-public', 0],
				['expired-session', 0],
				['disabled-account', 0],
				['forged-cookie', 0]
			]);
		});

		it('is not blind: the analyst’s cookie judged as an officer of 15 fails every oracle', async () => {
			const analyst = principals.find((p) => p.name === 'analyst')!;
			const impostor: Principal = {
				...analyst,
				name: 'impostor',
				effectiveRole: 'province_officer',
				scope: { kind: 'provinces', codes: ['15'] }
			};
			const lampang = seed.documents.find((d) => d.province === '52')!;
			const scratch = { ...ctx, stats: new Stats() };
			const get = (
				route: string,
				kind: 'page' | 'data' | 'endpoint',
				url: string
			): ProbeRequest => ({
				route,
				kind,
				method: 'GET',
				url,
				accept: kind === 'page' ? 'html' : 'json'
			});
			const results = await Promise.all(
				[
					get('/(app)/documents/[id]', 'page', `/documents/${lampang.id}`),
					get('/api/lists/[name]', 'endpoint', '/api/lists/not_done?format=csv'),
					get('/api/extracts/[name]', 'endpoint', '/api/extracts/dim_document'),
					get('/api/extracts/[name]', 'endpoint', '/api/extracts/facts_cube'),
					get('/(app)/documents', 'data', '/documents/__data.json'),
					get('/(app)/overview', 'data', '/overview/__data.json'),
					get('/(app)/risk', 'page', '/risk')
				].map((r) => runProbe(scratch, impostor, r))
			);
			expect(
				results.map(({ failures: f }) => [
					f.some((x) => /LEAK .*(CANARY|UNPUB)-P52/i.test(x)),
					f.some((x) => /rows of provinces .*52/.test(x)),
					f.some((x) => /totals by year/.test(x)),
					f.some((x) => /national route served/.test(x))
				])
			).toEqual([
				[true, false, false, false],
				[true, true, false, false],
				[false, true, false, false],
				[false, false, true, false],
				[false, true, false, false],
				[false, true, true, false],
				[false, false, false, true]
			]);
		});

		it('the public pages show release 1 (10 documents), not what was ingested after it', async () => {
			const html = await (await fetch(`${app!.url}/`)).text();
			const count = html.match(/data-testid="document-count"[^>]*>([^<]*)</)?.[1];
			const [two, figures] = await Promise.all([
				fetch(`${app!.url}/releases/2`, { headers: { accept: 'text/html' } }),
				fetch(`${app!.url}/api/public/releases/1/release_figures?tag=${world.releaseTag}`)
			]);
			expect([count, two.status, figures.status, world.releaseTag.length]).toEqual([
				'คำนวณจากเอกสาร 10 ฉบับ',
				404,
				200,
				16
			]);
		});

		it('serves no Parquet: every list answers format=parquet with a 400', async () => {
			const analyst = principals.find((p) => p.name === 'analyst')!;
			const answers = await Promise.all(
				LIST_NAMES.map(async (list) => {
					const res = await fetch(`${app!.url}/api/lists/${list}?format=parquet`, {
						headers: { cookie: `sujarit_session=${analyst.token}` }
					});
					return [res.status, ((await res.json()) as { code?: string }).code];
				})
			);
			expect(answers).toEqual(LIST_NAMES.map(() => [400, 'bad_format']));
		});

		it(`${RANDOM_PROBES} randomized probes: principal × route × parameters`, async () => {
			const probe = fc.tuple(
				fc.constantFrom(...principals),
				requestArbitrary(routes, world)
			) as fc.Arbitrary<readonly [Principal, ProbeRequest]>;
			const before = stats.probes;
			let runs = 0;
			try {
				await fc.assert(
					fc.asyncProperty(probe, async ([p, r]) => {
						runs++;
						const { failures: found } = await runProbe(ctx, p, r);
						if (found.length) throw new Error(found.join('\n'));
					}),
					{ numRuns: RANDOM_PROBES, seed: fcSeed }
				);
			} catch (e) {
				randomRun.failed = true;
				failures.push(`fast-check seed ${fcSeed}: ${(e as Error).message}`);
				throw e;
			} finally {
				randomRun.numRuns = runs;
			}
			expect([runs, stats.probes - before]).toEqual([RANDOM_PROBES, RANDOM_PROBES]);
		}, 600_000);

		it('the probes ended no principal’s session: each still reads as itself', async () => {
			const statuses = await Promise.all(
				principals.map(async (p) => {
					const res = await fetch(`${app!.url}/api/overview`, {
						headers: p.token ? { cookie: `sujarit_session=${p.token}` } : {}
					});
					return [p.name, res.status];
				})
			);
			expect(statuses).toEqual(
				principals.map((p) => [
					p.name,
					p.scope.kind === 'none' ? (p.token && p.username ? 403 : 401) : 200
				])
			);
		});
	});
}
