import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DataType, tableFromIPC, type Table } from 'apache-arrow';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db, Driver } from '../../db/client.ts';
import { withTestDatabase } from '../../db/testing.ts';
import { registryFromDb } from '../../etl/load/registry.ts';
import { ingest } from '../../etl/pipeline.ts';
import * as extracts from '../../src/lib/server/extracts/index.ts';
import type { Scope } from '../../src/lib/server/extracts/index.ts';
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
			(await extracts.cachedExtract(db, name, scope)).identity;
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
				dim_province: 1
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

		describe('HTTP', () => {
			const get = (headers: Record<string, string> = {}, name = 'facts_report') =>
				extracts.serveExtract(
					new Request(`http://x/api/extracts/${name}`, { headers }),
					db,
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
							"unknown extract 'nope' (known: facts_plan, facts_report, dim_lao, dim_document, dim_province)"
					}
				]);
			});

			it('serves the overview JSON with the same caching headers', async () => {
				const response = await extracts.serveOverview(
					new Request('http://x/api/overview', { headers: { 'accept-encoding': 'br' } }),
					db,
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
					db,
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
