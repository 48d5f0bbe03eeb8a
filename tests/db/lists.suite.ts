import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db, Driver } from '../../db/client.ts';
import { withTestDatabase } from '../../db/testing.ts';
import { registryFromDb } from '../../etl/load/registry.ts';
import { finishRun, startRun } from '../../etl/load/runs.ts';
import { ingest } from '../../etl/pipeline.ts';
import type { Scope } from '../../src/lib/server/extracts/index.ts';
import * as lists from '../../src/lib/server/lists/index.ts';
import { EMPTY_FILTERS, type ViewFilters } from '../../src/lib/state/url-filters.ts';
import type { ListName } from '../../src/lib/lists/columns.ts';
import { parseCsv } from '../../src/lib/lists/csv.ts';
import { importSampleRegistry } from '../etl/helpers.ts';

const NATIONAL: Scope = { kind: 'national' };

/** The lists over the three seed documents and the 93-LAO sample register, on one driver. */
export function registerListsSuite(driver: Driver): void {
	describe(`lists on ${driver}`, () => {
		let handle: Db;
		let db: Database;
		const q = (
			list: ListName,
			filters: Partial<ViewFilters> = {},
			sort = 'province',
			dir: 'asc' | 'desc' = 'asc'
		) => ({ list, filters: { ...EMPTY_FILTERS, ...filters }, sort, dir, lang: 'th' as const });
		const api = (name: string, search: string, cap?: number) =>
			lists.serveList((fn) => fn(db), NATIONAL, name, new URLSearchParams(search), 'th', cap);

		beforeAll(async () => {
			handle = await withTestDatabase(driver);
			db = handle.db;
			await importSampleRegistry(db);
			await ingest(db, 'fixtures/seeds', { registry: await registryFromDb(db) });
		});
		afterAll(async () => {
			await handle?.close();
		});

		it('not_done: the 4 not-done items of the Ang Thong report, with their lines and baht', async () => {
			const rows = await lists.fetchList(db, NATIONAL, q('not_done', {}, 'budget', 'desc'), 1);
			expect(
				rows.map((r) => [
					r.dla_code,
					r.fiscal_year,
					r.dimension,
					r.source_line,
					r.budget,
					r.disbursed
				])
			).toEqual([
				['2150101', 2566, 1, 1095, 100000, 0],
				['2150101', 2566, 1, 1087, 70000, 0],
				['2150101', 2566, 2, 1115, 0, 0],
				['2150101', 2566, 2, 1124, 0, 0]
			]);
			expect(rows[0]?.name).toBe('โครงการส่งเสริมการดำเนินชีวิตตามหลักปรัชญาของเศรษฐกิจพอเพียง');
			expect(rows[0]?.lao_name).toBe('องค์การบริหารส่วนจังหวัดอ่างทอง');
			expect(await lists.countList(db, NATIONAL, q('not_done', { dimensions: [2] }))).toEqual({
				total: 2,
				anySynthetic: false
			});
			expect(
				(await lists.countList(db, NATIONAL, q('not_done', { provinces: ['52'] }))).total
			).toBe(0);
			expect(
				(await lists.countList(db, { kind: 'provinces', codes: ['52'] }, q('not_done'))).total
			).toBe(0);
		});

		it('zero_budget: 29 of the 35 Phichai annual-plan items are an explicit 0 for 2568', async () => {
			const rows = await lists.fetchList(db, NATIONAL, q('zero_budget', {}, 'source_line'), 1);
			expect(rows.map((r) => r.source_line)).toEqual([
				75, 77, 78, 82, 83, 84, 85, 86, 87, 88, 94, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104,
				106, 107, 108, 109, 115, 117, 118, 119
			]);
			expect(new Set(rows.map((r) => `${r.dla_code}/${r.fiscal_year}`))).toEqual(
				new Set(['4520106/2568'])
			);
			expect(
				(await lists.countList(db, NATIONAL, q('zero_budget', { dimensions: [3] }))).total
			).toBe(5);
		});

		it('no_report: FY2568 lists all 93 register LAOs, Phichai first as planned-but-silent', async () => {
			const query = q('no_report', { fiscalYears: [2568] }, 'reason');
			expect(await lists.countList(db, NATIONAL, query)).toEqual({
				total: 93,
				anySynthetic: false
			});
			const rows = await lists.fetchList(db, NATIONAL, query, 1);
			expect(rows[0]).toMatchObject({
				dla_code: '4520106',
				reason: 'annual_plan',
				documents: 1,
				quarantined_reports: 0
			});
			expect(rows.filter((r) => r.reason === 'annual_plan')).toHaveLength(1);
			// Samut Songkhram has a multi-year plan covering 2568, but no annual plan nor report.
			const all = await lists.fetchList(db, NATIONAL, query, null, 1000);
			expect(all.find((r) => r.dla_code === '2750101')).toMatchObject({
				reason: 'no_annual_plan',
				documents: 1
			});
			expect(all.filter((r) => r.documents === 0)).toHaveLength(91);
			// Without a year: the years of accepted annual plans and reports (2566, 2568); Ang Thong
			// reported 2566, so 93 + 92 rows.
			expect((await lists.countList(db, NATIONAL, q('no_report'))).total).toBe(185);
			const both = await lists.fetchList(db, NATIONAL, q('no_report'), null, 1000);
			expect(both.some((r) => r.dla_code === '2150101' && r.fiscal_year === 2566)).toBe(false);
		});

		it('failed_docs: the three seeds, Samut Songkhram plan first with its 11 failed checks', async () => {
			const rows = await lists.fetchList(
				db,
				NATIONAL,
				q('failed_docs', {}, 'failed_checks', 'desc'),
				1
			);
			expect(
				rows.map((r) => [
					r.dla_code,
					r.kind,
					r.verdict,
					r.failed_checks,
					r.first_failure,
					r.first_failure_line,
					r.expected,
					r.found
				])
			).toEqual([
				[
					'2750101',
					'multi_year_plan',
					'accepted_with_warnings',
					11,
					'dimension_subtotal_budget',
					125,
					'4200000',
					'4150000'
				],
				[
					'4520106',
					'annual_plan',
					'accepted_with_warnings',
					5,
					'dimension_subtotal_budget',
					154,
					'265000',
					'215000'
				],
				[
					'2150101',
					'progress_report',
					'accepted_with_warnings',
					1,
					'summary_copies_agree',
					1184,
					'92.31',
					'100'
				]
			]);
			expect(
				(await lists.countList(db, NATIONAL, q('failed_docs', { fiscalYears: [2570] }))).total
			).toBe(1);
		});

		it('serves CSV of every row in the page order, and refuses past the cap', async () => {
			const res = await api('not_done', 'province=15&sort=budget&dir=desc&format=csv');
			expect(res.status).toBe(200);
			expect(res.headers.get('content-disposition')).toBe(
				'attachment; filename="sujarit-not_done-province-15.csv"'
			);
			const csv = parseCsv(await res.text());
			expect(csv.map((r) => [r[11], r[8]])).toEqual([
				['บรรทัด', 'งบประมาณ (บาท)'],
				['1095', '100000'],
				['1087', '70000'],
				['1115', '0'],
				['1124', '0']
			]);
			const big = await api('zero_budget', 'format=csv', 28);
			expect(big.status).toBe(413);
			expect(((await big.json()) as { error: string }).error).toContain('29 > 28');
			const arrow = await api('zero_budget', 'format=arrow');
			expect([arrow.status, arrow.headers.get('x-row-count')]).toEqual([200, '29']);
		});

		it('refuses hostile input with a clear status and message', async () => {
			const answer = async (name: string, search: string) => {
				const res = await api(name, search);
				return [res.status, ((await res.json()) as { code?: string }).code ?? 'ok'];
			};
			expect(await answer('not_done', 'sort=name;%20drop%20table%20laos')).toEqual([
				400,
				'bad_sort'
			]);
			expect(await answer('not_done', 'dir=sideways')).toEqual([400, 'bad_sort']);
			expect(await answer('not_done', 'page=-1')).toEqual([400, 'bad_page']);
			expect(await answer('not_done', 'page=1e12')).toEqual([400, 'bad_page']);
			expect(await answer('not_done', 'page=2')).toEqual([404, 'bad_page']);
			expect(await answer('unknown', '')).toEqual([404, 'unknown_list']);
			expect(await answer('not_done', 'province=99')).toEqual([400, 'bad_filter']);
			expect(await answer('not_done', "type=x'%20or%201=1")).toEqual([400, 'bad_filter']);
			expect(await answer('not_done', `province=${'15,'.repeat(10000)}`)).toEqual([200, 'ok']);
			expect(await answer('not_done', 'fy=25681')).toEqual([400, 'bad_filter']);
			expect(await answer('not_done', 'format=xlsx')).toEqual([400, 'bad_format']);
		});

		it('a list is kept per scope and data version: the same snapshot until a run finishes', async () => {
			const request = { ...q('not_done', {}, 'budget', 'desc'), page: 1, format: 'json' as const };
			const run = (fn: (db: Database) => Promise<unknown>) => fn(db);
			const snapshot = () =>
				lists.cachedSnapshot(run as never, NATIONAL, 'not_done', request.filters);
			const first = await snapshot();
			expect([(await snapshot()) === first, first.rows.length]).toEqual([true, 4]);
			const page = await lists.loadListPage(run as never, NATIONAL, request, 'th');
			if (!page.ok) throw new Error('not_done page 1 refused');
			expect(page.page.rows).toEqual(await lists.fetchList(db, NATIONAL, request, 1));
			const id = await startRun(db, {
				kind: 'ingest',
				source: 'lists cache test',
				isSynthetic: false,
				parserVersion: 'test'
			});
			await finishRun(db, id, {}, 'completed');
			const after = await snapshot();
			expect([after === first, after.rows]).toEqual([false, first.rows]);
		});
	});
}
