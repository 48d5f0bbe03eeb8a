import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, Driver } from '../../db/client.ts';
import { withTestDatabase } from '../../db/testing.ts';
import { runDemo } from '../../etl/demo/run.ts';
import { registryFromDb } from '../../etl/load/registry.ts';
import { ingest } from '../../etl/pipeline.ts';
import { importSampleRegistry, rows, tempDir } from '../etl/helpers.ts';

/** Per fiscal year, straight from the item tables: the oracle the cube must equal. */
const ORACLE = sql`
	with plan as (
		select coalesce(b.fiscal_year, t.fiscal_year) as fy, b.amount
		from plan_items i join doc_tables t on t.id = i.doc_table_id and t.role = 'annual'
		join source_documents d on d.id = i.source_document_id
		left join plan_item_budgets b on b.plan_item_id = i.id
		where d.verdict <> 'quarantined'
	), report as (
		select coalesce(r.fiscal_year, t.fiscal_year) as fy, r.status, r.disbursed
		from report_items r join doc_tables t on t.id = r.doc_table_id
		join source_documents d on d.id = r.source_document_id
		where d.verdict <> 'quarantined'
	), years as (select fy from plan union select fy from report)
	select y.fy::int as fiscal_year,
		(select count(*) from plan p where p.fy = y.fy)::int as plan_items,
		(select coalesce(sum(amount), 0) from plan p where p.fy = y.fy)::numeric(18, 2)::text as planned,
		(select count(*) from plan p where p.fy = y.fy and amount = 0)::int as zero,
		(select count(*) from report r where r.fy = y.fy)::int as report_items,
		(select count(*) from report r where r.fy = y.fy and status = 'done')::int as done,
		(select count(*) from report r where r.fy = y.fy and status = 'not_done')::int as not_done,
		(select coalesce(sum(disbursed), 0) from report r where r.fy = y.fy)::numeric(18, 2)::text as disbursed
	from years y where y.fy is not null order by 1`;

const CUBE = sql`
	select fiscal_year, sum(plan_items)::int as plan_items, sum(planned_baht)::text as planned,
		sum(zero_budget_items)::int as zero, sum(report_items)::int as report_items,
		sum(done)::int as done, sum(not_done)::int as not_done,
		sum(disbursed_baht)::text as disbursed
	from fact_cube group by fiscal_year order by 1`;

/** fact_cube, rebuilt when a run finishes, on one driver. */
export function registerFactCubeSuite(driver: Driver): void {
	describe(`fact_cube on ${driver}`, () => {
		let handle: Db;

		beforeAll(async () => {
			handle = await withTestDatabase(driver);
			await importSampleRegistry(handle.db);
			await ingest(handle.db, 'fixtures/seeds', { registry: await registryFromDb(handle.db) });
		});

		afterAll(async () => {
			await handle?.close();
		});

		it('holds the seeds: Phichai FY2568 35 items 185,000.00 (29 at zero); Ang Thong FY2566 52 items, 48 done, 4 not done, 627,872.00 of 1,930,000.00', async () => {
			const cube = await rows(
				handle.db,
				sql`select lao_dla_code, province_code, lao_type, fiscal_year, verdict, is_synthetic,
					sum(plan_items)::int as plan_items, sum(planned_baht)::text as planned,
					sum(zero_budget_items)::int as zero, sum(report_items)::int as report_items,
					sum(done)::int as done, sum(not_done)::int as not_done,
					sum(report_budget_baht)::text as budget, sum(disbursed_baht)::text as disbursed
				from fact_cube group by 1, 2, 3, 4, 5, 6 order by fiscal_year`
			);
			expect(cube).toEqual([
				{
					lao_dla_code: '2150101',
					province_code: '15',
					lao_type: 'provincial_admin_org',
					fiscal_year: 2566,
					verdict: 'accepted_with_warnings',
					is_synthetic: false,
					plan_items: 0,
					planned: '0.00',
					zero: 0,
					report_items: 52,
					done: 48,
					not_done: 4,
					budget: '1930000.00',
					disbursed: '627872.00'
				},
				{
					lao_dla_code: '4520106',
					province_code: '52',
					lao_type: 'town_municipality',
					fiscal_year: 2568,
					verdict: 'accepted_with_warnings',
					is_synthetic: false,
					plan_items: 35,
					planned: '185000.00',
					zero: 29,
					report_items: 0,
					done: 0,
					not_done: 0,
					budget: '0.00',
					disbursed: '0.00'
				}
			]);
			// Per มิติ, the annual plan's own split (lines 75–119): 7 / 15 / 6 / 7 items.
			const dims = await rows(
				handle.db,
				sql`select dimension, sum(plan_items)::int as n from fact_cube
					where fiscal_year = 2568 group by 1 order by 1`
			);
			expect(dims.map((d) => [d.dimension, d.n])).toEqual([
				[1, 7],
				[2, 15],
				[3, 6],
				[4, 7]
			]);
		});

		it('equals the item tables after a seeded demo run (oracle per fiscal year)', async () => {
			const out = await tempDir('sujarit-cube-');
			try {
				await runDemo(handle.db, {
					laos: 12,
					years: [2567, 2568],
					seed: 11,
					out: out.path,
					ingest: true
				});
			} finally {
				await out.remove();
			}
			const [cube, oracle] = [await rows(handle.db, CUBE), await rows(handle.db, ORACLE)];
			expect(cube).toEqual(oracle);
			expect(cube.map((r) => r.fiscal_year)).toEqual([2566, 2567, 2568]);
			const synthetic = await rows<{ n: number }>(
				handle.db,
				sql`select count(*)::int as n from fact_cube
					where is_synthetic and lao_dla_code not like '9%'`
			);
			expect(synthetic[0]?.n).toBe(0);
		});
	});
}
