import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DataType, tableFromIPC, type Table } from 'apache-arrow';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database, Db, Driver } from '../../db/client.ts';
import { withTestDatabase } from '../../db/testing.ts';
import { registryFromDb } from '../../etl/load/registry.ts';
import { finishRun, startRun } from '../../etl/load/runs.ts';
import { ingest } from '../../etl/pipeline.ts';
import * as extracts from '../../src/lib/server/extracts/index.ts';
import type { Scope } from '../../src/lib/server/extracts/index.ts';
import { inScope } from '../../src/lib/server/db/scoped.ts';
import { EMPTY_FILTERS } from '../../src/lib/state/url-filters.ts';
import { viewKey } from '../../src/lib/state/view-axes.ts';
import { importSampleRegistry, rows, SEED } from '../etl/helpers.ts';
import { openDuckDb, type DuckDb } from './extracts.duckdb.ts';

const NATIONAL: Scope = { kind: 'national' };
const PHICHAI: Scope = { kind: 'provinces', codes: ['52'] };

/** Decoded rows with plain values: Arrow lists become arrays. */
const plain = (table: Table) =>
	table
		.toArray()
		.map((row: { toJSON(): Record<string, unknown> }) =>
			Object.fromEntries(
				Object.entries(row.toJSON()).map(([k, v]) => [
					k,
					v && typeof v === 'object' && 'toArray' in v
						? [...(v as unknown as Iterable<unknown>)]
						: v
				])
			)
		);

const sum = (values: unknown[]) => values.reduce<number>((a, v) => a + (Number(v) || 0), 0);

/**
 * The extracts over the three seed documents (tests/etl/e2e-seeds.suite.ts counts every figure
 * below in the documents themselves), on one driver.
 */
export function registerExtractsSuite(driver: Driver): void {
	describe(`extracts on ${driver}`, () => {
		let handle: Db;
		let db: Database;
		const ids: Record<keyof typeof SEED, number> = { report: 0, plan: 0, annual: 0 };
		const ipc = async (name: string, scope: Scope = NATIONAL) =>
			(await extracts.cachedExtract(extracts.direct(db), name, scope)).identity;
		const decode = async (name: string, scope: Scope = NATIONAL) =>
			tableFromIPC(await ipc(name, scope));

		beforeAll(async () => {
			handle = await withTestDatabase(driver);
			db = handle.db;
			await importSampleRegistry(db);
			await ingest(db, 'fixtures/seeds', { registry: await registryFromDb(db) });
			const docs = await rows<{ id: number; origin: string }>(
				db,
				sql`select id, origin from source_documents`
			);
			for (const key of Object.keys(SEED) as Array<keyof typeof SEED>) {
				ids[key] = docs.find((d) => d.origin === SEED[key])?.id ?? -1;
			}
		});

		afterAll(async () => {
			await handle?.close();
		});

		it('gives each extract the schema the dashboard expects, strings dictionary-encoded', async () => {
			const schemas: Record<string, string[][]> = {};
			for (const name of extracts.EXTRACT_NAMES) {
				const table = await decode(name);
				schemas[name] = table.schema.fields.map((f) => [f.name, String(f.type)]);
				for (const field of table.schema.fields) {
					if (DataType.isUtf8(field.type)) throw new Error(`${name}.${field.name} is plain Utf8`);
				}
				expect(table.schema.metadata.get('sujarit.extract')).toBe(name);
			}
			const dict = 'Dictionary<Int32, Utf8>';
			expect(schemas).toEqual({
				facts_plan: [
					['lao_key', 'Int32'],
					['doc_key', 'Int32'],
					['fiscal_year', 'Int16'],
					['dimension', 'Int8'],
					['item_kind', 'Int8'],
					['budget', 'Float64'],
					['zero_budget', 'Bool'],
					['is_synthetic', 'Bool'],
					['source_line', 'Int32']
				],
				facts_report: [
					['lao_key', 'Int32'],
					['doc_key', 'Int32'],
					['fiscal_year', 'Int16'],
					['dimension', 'Int8'],
					['item_kind', 'Int8'],
					['budget', 'Float64'],
					['status', 'Int8'],
					['disbursed', 'Float64'],
					['is_synthetic', 'Bool'],
					['source_line', 'Int32']
				],
				dim_lao: [
					['lao_key', 'Int32'],
					['dla_code', dict],
					['name_th', dict],
					['type', 'Int8'],
					['province_code', dict],
					['lat', 'Float64'],
					['lon', 'Float64'],
					['sort_key', 'Int32']
				],
				dim_document: [
					['doc_key', 'Int32'],
					['lao_key', 'Int32'],
					['province_code', dict],
					['kind', dict],
					['verdict', dict],
					['fiscal_years', 'List<Int16>'],
					['origin', dict],
					['failed_checks', 'Int32'],
					['is_synthetic', 'Bool']
				],
				dim_province: [
					['code', dict],
					['name_th', dict],
					['name_en', dict],
					['region', dict]
				],
				facts_cube: [
					['lao_key', 'Int32'],
					['fiscal_year', 'Int16'],
					['dimension', 'Int8'],
					['verdict', dict],
					['is_synthetic', 'Bool'],
					['plan_items', 'Int32'],
					['zero_budget_items', 'Int32'],
					['planned_baht', 'Float64'],
					['report_items', 'Int32'],
					['done', 'Int32'],
					['not_done', 'Int32'],
					['disbursed_baht', 'Float64']
				]
			});
			const report = await decode('facts_report');
			expect(
				report.schema.fields.find((f) => f.name === 'status')?.metadata.get('sujarit.codes')
			).toBe('["pending","in_progress","done","not_done"]');
		});

		it('facts_plan: the Phichai annual plan only, 35 items for FY 2568 summing to 185,000', async () => {
			const facts = plain(await decode('facts_plan'));
			expect(facts.length).toBe(35);
			expect([...new Set(facts.map((f) => [f.doc_key, f.fiscal_year].join()))]).toEqual([
				`${ids.annual},2568`
			]);
			expect(sum(facts.map((f) => f.budget))).toBe(185_000);
			// Six items carry money (5,000 + 50,000 + 50,000 + 10,000, 20,000, 50,000); none null.
			expect(facts.map((f) => [f.zero_budget, f.budget === null])).toEqual(
				facts.map((f) => [f.budget === 0, false])
			);
			expect(facts.filter((f) => f.zero_budget).length).toBe(29);
			expect([1, 2, 3, 4].map((d) => facts.filter((f) => f.dimension === d).length)).toEqual([
				7, 15, 6, 7
			]);
			expect(facts.filter((f) => f.is_synthetic).length).toBe(0);
			// Item 3 of มิติ 1 is on line 77, item 35 on line 119 (e2e-seeds.suite.ts).
			expect([facts[2]?.source_line, facts[34]?.source_line]).toEqual([77, 119]);
		});

		it('facts_report: 52 items for FY 2566, 1,930,000 budgeted, 627,872 disbursed, 48 done / 4 not', async () => {
			const facts = plain(await decode('facts_report'));
			expect(facts.length).toBe(52);
			expect(new Set(facts.map((f) => f.fiscal_year))).toEqual(new Set([2566]));
			expect(new Set(facts.map((f) => f.doc_key))).toEqual(new Set([ids.report]));
			expect(sum(facts.map((f) => f.budget))).toBe(1_930_000);
			expect(sum(facts.map((f) => f.disbursed))).toBe(627_872);
			// status codes: 0 pending, 1 in_progress, 2 done, 3 not_done.
			expect([0, 1, 2, 3].map((s) => facts.filter((f) => f.status === s).length)).toEqual([
				0, 0, 48, 4
			]);
		});

		it('dim_lao: the three LAOs with their provinces, keys shared with the facts', async () => {
			const laos = plain(await decode('dim_lao'));
			const [{ n } = { n: 0 }] = await rows<{ n: number }>(
				db,
				sql`select count(*)::int as n from laos`
			);
			expect(laos.length).toBe(n);
			const byCode = new Map(laos.map((l) => [l.dla_code, l]));
			expect(
				['4520106', '2750101', '2150101'].map((code) => {
					const l = byCode.get(code);
					return [code, l?.province_code, l?.type];
				})
			).toEqual([
				// type codes index LAO_TYPES: 2 town_municipality, 0 provincial_admin_org.
				['4520106', '52', 2],
				['2750101', '75', 0],
				['2150101', '15', 0]
			]);
			const plan = plain(await decode('facts_plan'));
			const report = plain(await decode('facts_report'));
			expect([plan[0]?.lao_key, report[0]?.lao_key]).toEqual([
				byCode.get('4520106')?.lao_key,
				byCode.get('2150101')?.lao_key
			]);
			// sort_key is Intl.Collator('th') order: a permutation of 1..n.
			expect(laos.map((l) => l.sort_key).sort((a, b) => Number(a) - Number(b))).toEqual(
				laos.map((_, i) => i + 1)
			);
			const sorted = [...laos].sort((a, b) => Number(a.sort_key) - Number(b.sort_key));
			const collator = new Intl.Collator('th');
			expect(
				sorted.every(
					(l, i) =>
						i === 0 || collator.compare(String(sorted[i - 1]?.name_th), String(l.name_th)) <= 0
				)
			).toBe(true);
		});

		it('dim_document and dim_province describe the documents and the 77 provinces', async () => {
			const docs = plain(await decode('dim_document'));
			expect(
				docs.map((d) => [d.doc_key, d.province_code, d.kind, d.verdict, d.fiscal_years])
			).toEqual(
				[
					[ids.report, '15', 'progress_report', 'accepted_with_warnings', [2566]],
					[
						ids.plan,
						'75',
						'multi_year_plan',
						'accepted_with_warnings',
						[2566, 2567, 2568, 2569, 2570]
					],
					[ids.annual, '52', 'annual_plan', 'accepted_with_warnings', [2568]]
				].sort((a, b) => Number(a[0]) - Number(b[0]))
			);
			const provinces = plain(await decode('dim_province'));
			expect(provinces.length).toBe(77);
			expect(provinces.find((p) => p.code === '52')).toEqual({
				code: '52',
				name_th: 'ลำปาง',
				name_en: 'Lampang',
				region: 'north'
			});
		});

		it("a 'provinces' scope of ['52'] keeps only Phichai's rows", async () => {
			const counts: Record<string, number> = {};
			for (const name of extracts.EXTRACT_NAMES)
				counts[name] = (await decode(name, PHICHAI)).numRows;
			const [{ n } = { n: 0 }] = await rows<{ n: number }>(
				db,
				sql`select count(*)::int as n from laos where province_code = '52'`
			);
			expect(counts).toEqual({
				facts_plan: 35,
				facts_report: 0,
				dim_lao: n,
				dim_document: 1,
				dim_province: 1,
				facts_cube: 4
			});
			const laos = plain(await decode('dim_lao', PHICHAI));
			expect(new Set(laos.map((l) => l.province_code))).toEqual(new Set(['52']));
			expect(extracts.scopeKey({ kind: 'provinces', codes: ['75', '52', '75'] })).toBe(
				'provinces:52,75'
			);
			expect((await decode('facts_plan', { kind: 'provinces', codes: [] })).numRows).toBe(0);
		});

		it('rejects an unknown extract name with a typed error', async () => {
			await expect(extracts.buildExtract(db, 'facts_secret', NATIONAL)).rejects.toMatchObject({
				code: 'unknown_extract',
				extract: 'facts_secret'
			});
		});

		describe('round trip through DuckDB-WASM (Node blocking bundle)', () => {
			let duck: DuckDb;
			beforeAll(async () => {
				duck = await openDuckDb();
				for (const name of extracts.EXTRACT_NAMES) duck.load(name, await ipc(name));
			});
			afterAll(() => duck?.close());

			it('gives the sums PostgreSQL gives', async () => {
				const inDuck = duck.rows(
					`select 'plan' as t, p.fiscal_year::int as fy, count(*)::int as n,
						round(sum(budget), 2) as budget, null::double as disbursed,
						count(*) filter (where zero_budget)::int as extra
					from facts_plan p group by p.fiscal_year
					union all
					select 'report', fiscal_year::int, count(*)::int, round(sum(budget), 2),
						round(sum(disbursed), 2), count(*) filter (where status = 2)::int
					from facts_report group by fiscal_year
					order by 1, 2`
				);
				const inPostgres = await rows(
					db,
					sql`select 'plan' as t, b.fiscal_year as fy, count(*)::int as n,
							sum(b.amount)::float8 as budget, null::float8 as disbursed,
							count(*) filter (where b.amount = 0)::int as extra
						from plan_item_budgets b join plan_items i on i.id = b.plan_item_id
						join doc_tables t on t.id = i.doc_table_id and t.role = 'annual'
						group by b.fiscal_year
						union all
						select 'report', fiscal_year, count(*)::int, sum(budget)::float8,
							sum(disbursed)::float8, count(*) filter (where status = 'done')::int
						from report_items group by fiscal_year
						order by 1, 2`
				);
				expect(inDuck).toEqual(inPostgres);
				expect(inDuck).toEqual([
					{ t: 'plan', fy: 2568, n: 35, budget: 185_000, disbursed: null, extra: 29 },
					{ t: 'report', fy: 2566, n: 52, budget: 1_930_000, disbursed: 627_872, extra: 48 }
				]);
			});

			it('facts_cube gives the item tables’ sums per fiscal year and มิติ', async () => {
				const inDuck = duck.rows(
					`select fiscal_year::int as fy, dimension::int as dim, sum(plan_items)::int as plan_n,
						round(sum(planned_baht), 2) as planned, sum(zero_budget_items)::int as zero,
						sum(report_items)::int as report_n, sum(done)::int as done,
						sum(not_done)::int as not_done, round(sum(disbursed_baht), 2) as disbursed
					from facts_cube group by all order by 1, 2`
				);
				const inPostgres = await rows(
					db,
					sql`with plan as (
							select coalesce(b.fiscal_year, t.fiscal_year) as fy, i.dimension as dim, b.amount
							from plan_items i join doc_tables t on t.id = i.doc_table_id and t.role = 'annual'
							left join plan_item_budgets b on b.plan_item_id = i.id
						), report as (
							select coalesce(r.fiscal_year, t.fiscal_year) as fy, r.dimension as dim, r.status,
								r.disbursed
							from report_items r join doc_tables t on t.id = r.doc_table_id
						), p as (
							select fy, dim, count(*)::int as n, sum(amount) as planned,
								count(*) filter (where amount = 0)::int as zero
							from plan group by 1, 2
						), r as (
							select fy, dim, count(*)::int as n, count(*) filter (where status = 'done')::int as done,
								count(*) filter (where status = 'not_done')::int as not_done,
								sum(disbursed) as disbursed
							from report group by 1, 2
						)
						select coalesce(p.fy, r.fy) as fy, coalesce(p.dim, r.dim)::int as dim,
							coalesce(p.n, 0) as plan_n, coalesce(p.planned, 0)::float8 as planned,
							coalesce(p.zero, 0) as zero, coalesce(r.n, 0) as report_n,
							coalesce(r.done, 0) as done, coalesce(r.not_done, 0) as not_done,
							coalesce(r.disbursed, 0)::float8 as disbursed
						from p full join r on r.fy = p.fy and r.dim = p.dim
						order by 1, 2`
				);
				expect(inDuck).toEqual(inPostgres);
				const report = (dim: number, n: number, done: number, notDone: number, baht: number) => ({
					fy: 2566,
					dim,
					plan_n: 0,
					planned: 0,
					zero: 0,
					report_n: n,
					done,
					not_done: notDone,
					disbursed: baht
				});
				const plan = (dim: number, n: number, baht: number, zero: number) => ({
					fy: 2568,
					dim,
					plan_n: n,
					planned: baht,
					zero,
					report_n: 0,
					done: 0,
					not_done: 0,
					disbursed: 0
				});
				expect(inDuck).toEqual([
					report(1, 11, 9, 2, 581_822),
					report(2, 29, 27, 2, 26_030),
					report(3, 5, 5, 0, 20_020),
					report(4, 7, 7, 0, 0),
					plan(1, 7, 115_000, 3),
					plan(2, 15, 0, 15),
					plan(3, 6, 20_000, 5),
					plan(4, 7, 50_000, 6)
				]);
				expect(
					duck.rows(
						`select l.dla_code, c.verdict, bool_or(c.is_synthetic) as syn, count(*)::int as n
						from facts_cube c join dim_lao l using (lao_key) group by all order by 1`
					)
				).toEqual([
					{ dla_code: '2150101', verdict: 'accepted_with_warnings', syn: false, n: 4 },
					{ dla_code: '4520106', verdict: 'accepted_with_warnings', syn: false, n: 4 }
				]);
			});

			it('joins facts to the dimensions on their keys and reads the dictionaries', async () => {
				expect(
					duck.rows(
						`select l.dla_code, p.name_en, d.kind, count(*)::int as n
						from facts_plan f join dim_lao l using (lao_key)
						join dim_document d using (doc_key)
						join dim_province p on p.code = l.province_code
						group by all order by 1`
					)
				).toEqual([{ dla_code: '4520106', name_en: 'Lampang', kind: 'annual_plan', n: 35 }]);
			});
		});

		it('overview: per fiscal year, the figures the first chart needs', async () => {
			const overview = await extracts.buildOverview(db, NATIONAL, 'v');
			expect(overview).toEqual({
				scope: 'national',
				dataVersion: 'v',
				years: [
					{
						fiscalYear: 2566,
						laosCovered: 0,
						laosReporting: 1,
						itemsPlanned: 0,
						plannedBaht: 0,
						reportedItems: 52,
						done: 48,
						notDone: 4,
						completionRate: 48 / 52,
						zeroBudgetShare: null,
						disbursedBaht: 627_872,
						includesSynthetic: false
					},
					{
						fiscalYear: 2568,
						laosCovered: 1,
						laosReporting: 0,
						itemsPlanned: 35,
						plannedBaht: 185_000,
						reportedItems: 0,
						done: 0,
						notDone: 0,
						completionRate: null,
						zeroBudgetShare: 29 / 35,
						disbursedBaht: 0,
						includesSynthetic: false
					}
				]
			});
		});

		describe('cache and warm-up', () => {
			const ANG_THONG: Scope = { kind: 'provinces', codes: ['15'] };

			it('warm-up builds the unfiltered figures, those one click away and every extract of the scope, in order', async () => {
				expect(await extracts.cachedKeys(extracts.direct(db), ANG_THONG)).toEqual({
					payloads: [],
					values: []
				});
				await extracts.warm((fn) => fn(db), ANG_THONG);
				expect(await extracts.cachedKeys(extracts.direct(db), ANG_THONG)).toEqual({
					payloads: [
						'facts_cube',
						'dim_lao',
						'dim_province',
						'dim_document',
						'facts_plan',
						'facts_report'
					],
					// The unfiltered view, then its one year (2566) and each มิติ.
					values: [
						EMPTY_FILTERS,
						{ ...EMPTY_FILTERS, fiscalYears: [2566] },
						...[1, 2, 3, 4].map((d) => ({ ...EMPTY_FILTERS, dimensions: [d] }))
					].map((view) => `figures:${viewKey(view)}`)
				});
				const figures = await extracts.cachedViewFigures((fn) => fn(db), ANG_THONG, EMPTY_FILTERS);
				expect(figures).toEqual(await extracts.buildViewFigures(db, ANG_THONG, EMPTY_FILTERS));
				expect(
					figures.years.map((y) => [
						y.fiscalYear,
						y.laosReporting,
						y.reportedItems,
						y.done,
						y.notDone,
						y.disbursedBaht
					])
				).toEqual([[2566, 1, 52, 48, 4, 627_872]]);
				expect(figures.byProvince.map((p) => p.key)).toEqual(['15']);
			});

			it('a province-scoped reader’s data version moves when a run finishes, though it cannot see the runs', async () => {
				const version = () =>
					inScope(db, PHICHAI, (tx) => extracts.dataVersion(tx, PHICHAI), { readOnly: true });
				const national = () =>
					inScope(db, NATIONAL, (tx) => extracts.dataVersion(tx, NATIONAL), { readOnly: true });
				const before = [await version(), await national()];
				// The scope only narrows where the cube's xmin is looked for (an index probe instead
				// of a scan past every other province): the policy alone gives the same version.
				expect(
					await inScope(db, PHICHAI, (tx) => extracts.dataVersion(tx), { readOnly: true })
				).toBe(before[0]);
				// Row-level security hides load_runs outside the national scope: 0 runs, no last id.
				expect(before[0]).toMatch(/^0\.0\.\d+$/);
				expect(before[1]).toMatch(/^[1-9]\d*\.[1-9]\d*\.\d+$/);
				const id = await startRun(db, {
					kind: 'ingest',
					source: 'extracts cache test',
					isSynthetic: false,
					parserVersion: 'test'
				});
				expect([await version(), await national()]).toEqual(before);
				await finishRun(db, id, {}, 'completed');
				const after = [await version(), await national()];
				expect([after[0] === before[0], after[1] === before[1]]).toEqual([false, false]);
				expect(after[0]).toMatch(/^0\.0\.\d+$/);
			});
			it('dataVersionText, the one-round-trip read, gives what dataVersion gives', async () => {
				const both = (scope: Scope) =>
					inScope(
						db,
						scope,
						async (tx) => [
							await extracts.dataVersion(tx, scope),
							extracts.versionFromRow(
								(await rows<extracts.VersionRow>(tx, sql.raw(extracts.dataVersionText(scope))))[0]
							)
						],
						{ readOnly: true }
					);
				for (const scope of [
					NATIONAL,
					PHICHAI,
					{ kind: 'provinces', codes: ['52', '15', '52'] },
					{ kind: 'provinces', codes: [] }
				] satisfies Scope[]) {
					const [a, b] = await both(scope);
					expect(b).toBe(a);
				}
				expect((await both(NATIONAL))[0]).toMatch(/^[1-9]\d*\.[1-9]\d*\.\d+$/);
				// No province: no cube row, and row-level security hides the runs.
				expect((await both({ kind: 'provinces', codes: [] }))[0]).toBe('0.0.');
				expect(() =>
					extracts.dataVersionText({ kind: 'provinces', codes: ["15') or true --"] })
				).toThrow('bad province code');
			});

			it('keeps a scope’s data version: read on the quick lane, again in the background from half a second, never used past a second', async () => {
				const { VERSION_REFRESH_AFTER_MS, VERSION_TTL_MS } = extracts;
				let clock = Date.now() + 3_600_000;
				const now = vi.spyOn(Date, 'now').mockImplementation(() => clock);
				try {
					const calls = { main: 0, quick: 0 };
					const inPhichai = <T>(fn: (tx: Database) => Promise<T>) =>
						inScope(db, PHICHAI, fn, { readOnly: true });
					const run: extracts.Runner = Object.assign(
						<T>(fn: (tx: Database) => Promise<T>) => {
							calls.main++;
							return inPhichai(fn);
						},
						{
							source: {},
							quickVersion: (scope: Scope) => {
								calls.quick++;
								return inPhichai((tx) => extracts.dataVersion(tx, scope));
							}
						}
					);
					/** A run finishes: the data version moves (fact_cube is rebuilt). */
					const finishARun = async () => {
						const id = await startRun(db, {
							kind: 'ingest',
							source: 'version refresh test',
							isSynthetic: false,
							parserVersion: 'test'
						});
						await finishRun(db, id, {}, 'completed');
					};
					const v0 = await extracts.versionOf(run, PHICHAI);
					expect(calls).toEqual({ main: 0, quick: 1 });
					clock += VERSION_REFRESH_AFTER_MS - 1;
					expect(await extracts.versionOf(run, PHICHAI)).toBe(v0);
					expect(calls.quick).toBe(1);

					await finishARun();
					clock += 1;
					// Half a second old: the kept version answers at once, one read goes out behind it.
					expect(await extracts.versionOf(run, PHICHAI)).toBe(v0);
					expect(await extracts.versionOf(run, PHICHAI)).toBe(v0);
					expect(calls.quick).toBe(2);
					let v1 = v0;
					for (let i = 0; i < 200 && v1 === v0; i++) {
						await new Promise((r) => setTimeout(r, 10));
						v1 = await extracts.versionOf(run, PHICHAI);
					}
					expect(v1).not.toBe(v0);
					expect(calls).toEqual({ main: 0, quick: 2 });

					// A second of quiet: the first reader waits for a fresh read, not a kept one.
					clock += VERSION_TTL_MS;
					await finishARun();
					const v2 = await extracts.versionOf(run, PHICHAI);
					expect(v2).not.toBe(v1);
					expect(calls).toEqual({ main: 0, quick: 3 });
				} finally {
					now.mockRestore();
				}
			});
		});

		describe('HTTP', () => {
			const get = (headers: Record<string, string> = {}, name = 'facts_report') =>
				extracts.serveExtract(
					new Request(`http://x/api/extracts/${name}`, { headers }),
					extracts.direct(db),
					name,
					NATIONAL
				);

			it('serves brotli, gzip or identity with an ETag, and 304 on If-None-Match', async () => {
				const raw = await ipc('facts_report');
				const br = await get({ 'accept-encoding': 'gzip, deflate, br' });
				const etag = br.headers.get('etag');
				expect([
					br.status,
					br.headers.get('content-type'),
					br.headers.get('content-encoding'),
					br.headers.get('cache-control'),
					br.headers.get('vary'),
					/^W\/"[\w-]{27}"$/.test(etag ?? '')
				]).toEqual([
					200,
					'application/vnd.apache.arrow.stream',
					'br',
					'private, no-cache',
					'Accept-Encoding',
					true
				]);
				const unbr = brotliDecompressSync(Buffer.from(await br.arrayBuffer()));
				expect(tableFromIPC(unbr).numRows).toBe(52);
				expect(Buffer.compare(unbr, Buffer.from(raw))).toBe(0);

				const gz = await get({ 'accept-encoding': 'gzip, br;q=0' });
				expect(gz.headers.get('content-encoding')).toBe('gzip');
				expect(
					Buffer.compare(gunzipSync(Buffer.from(await gz.arrayBuffer())), Buffer.from(raw))
				).toBe(0);

				const plainResponse = await get();
				expect([
					plainResponse.headers.get('content-encoding'),
					plainResponse.headers.get('etag')
				]).toEqual([null, etag]);
				expect((await plainResponse.arrayBuffer()).byteLength).toBe(raw.byteLength);

				const notModified = await get({ 'if-none-match': etag ?? '', 'accept-encoding': 'br' });
				expect([
					notModified.status,
					notModified.headers.get('etag'),
					await notModified.text()
				]).toEqual([304, etag, '']);
				expect((await get({ 'if-none-match': 'W/"other"' })).status).toBe(200);
			});

			it('answers 404 JSON for an unknown extract', async () => {
				const response = await get({}, 'nope');
				expect([response.status, await response.json()]).toEqual([
					404,
					{
						error:
							"unknown extract 'nope' (known: facts_plan, facts_report, dim_lao, dim_document, dim_province, facts_cube)"
					}
				]);
			});

			it('serves the overview JSON with the same caching headers', async () => {
				const response = await extracts.serveOverview(
					new Request('http://x/api/overview', { headers: { 'accept-encoding': 'br' } }),
					extracts.direct(db),
					NATIONAL
				);
				const body = JSON.parse(
					brotliDecompressSync(Buffer.from(await response.arrayBuffer())).toString()
				);
				expect([
					response.headers.get('content-type'),
					response.headers.get('cache-control'),
					response.headers.get('vary'),
					body.years.map((y: { fiscalYear: number }) => y.fiscalYear)
				]).toEqual([
					'application/json; charset=utf-8',
					'private, no-cache',
					'Accept-Encoding',
					[2566, 2568]
				]);
			});

			it('changes the ETag when a run finishes, not before (runs last)', async () => {
				const before = (await get()).headers.get('etag');
				expect((await get()).headers.get('etag')).toBe(before);
				const scoped = await extracts.serveExtract(
					new Request('http://x/api/extracts/facts_report'),
					extracts.direct(db),
					'facts_report',
					PHICHAI
				);
				expect(scoped.headers.get('etag')).not.toBe(before);
				await db.execute(
					sql`insert into load_runs (kind, source, status, parser_version)
						values ('demo', 'extracts test', 'running', 'test')`
				);
				expect((await get()).headers.get('etag')).toBe(before);
				await db.execute(
					sql`update load_runs set status = 'completed' where source = 'extracts test'`
				);
				expect((await get()).headers.get('etag')).not.toBe(before);
			});
		});
	});
}
