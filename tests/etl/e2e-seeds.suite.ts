import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db, Driver } from '../../db/client.ts';
import * as schema from '../../db/schema/index.ts';
import { withTestDatabase } from '../../db/testing.ts';
import { tableChecksums } from '../../etl/load/index.ts';
import { registryFromDb } from '../../etl/load/registry.ts';
import { ingest, type IngestSummary } from '../../etl/pipeline.ts';
import { importSampleRegistry, rows, SEED } from './helpers.ts';

/**
 * The three seed documents, from the register import to the database, on one driver. Every
 * figure below was counted in the documents themselves (fixtures/seeds), not copied from the
 * parser's output; the line numbers are the documents' own (1-based, blank lines counted).
 */
export function registerSeedsSuite(driver: Driver): void {
	describe(`seeds end to end on ${driver}`, () => {
		let handle: Db;
		let db: Database;
		let first: IngestSummary;
		const ids: Record<keyof typeof SEED, number> = { report: 0, plan: 0, annual: 0 };

		beforeAll(async () => {
			handle = await withTestDatabase(driver);
			db = handle.db;
			await importSampleRegistry(db);
			first = await ingest(db, 'fixtures/seeds', { registry: await registryFromDb(db) });
			const docs = await db
				.select({ id: schema.sourceDocuments.id, origin: schema.sourceDocuments.origin })
				.from(schema.sourceDocuments);
			for (const key of Object.keys(SEED) as Array<keyof typeof SEED>) {
				ids[key] = docs.find((d) => d.origin === SEED[key])?.id ?? -1;
			}
		});

		afterAll(async () => {
			await handle?.close();
		});

		it('loads the three seeds: seen 3 = loaded 3 + quarantined 0 + duplicate 0', () => {
			const { seen, loaded, quarantined, duplicate, skipped, failed } = first;
			expect({ seen, loaded, quarantined, duplicate, skipped, failed }).toEqual({
				seen: 3,
				loaded: 3,
				quarantined: 0,
				duplicate: 0,
				skipped: 0,
				failed: 0
			});
		});

		it('resolves each document to its DLA code and province', async () => {
			const docs = await rows(
				db,
				sql`select origin, kind, verdict, lao_dla_code, lao_resolution, province_code,
						fiscal_years, as_of
					from source_documents order by origin`
			);
			expect(docs.map((d) => [d.origin, d.kind, d.lao_dla_code, d.province_code, d.as_of])).toEqual(
				[
					[SEED.report, 'progress_report', '2150101', '15', '2024-01-04'],
					[SEED.plan, 'multi_year_plan', '2750101', '75', null],
					[SEED.annual, 'annual_plan', '4520106', '52', '2024-10-06']
				]
			);
			expect(docs.map((d) => [d.verdict, d.lao_resolution, d.fiscal_years])).toEqual([
				['accepted_with_warnings', 'resolved', [2566]],
				['accepted_with_warnings', 'resolved', [2566, 2567, 2568, 2569, 2570]],
				['accepted_with_warnings', 'resolved', [2568]]
			]);
		});

		describe('annual plan (เทศบาลเมืองพิชัย, FY 2568)', () => {
			it('stores the annual table and the multi-year excerpt as two tables', async () => {
				const tables = await rows(
					db,
					sql`select table_index, role, fiscal_year, line_start, line_end,
							(select count(*)::int from plan_items i where i.doc_table_id = t.id) as items
						from doc_tables t where source_document_id = ${ids.annual} order by table_index`
				);
				// Annual table: title line 71 to รวมทั้งสิ้น line 120. Excerpt: header 145 to the
				// page cut at 162 (items ๑–๒๔ of the 2566–2570 plan).
				expect(tables.map((t) => Object.values(t))).toEqual([
					[0, 'annual', 2568, 71, 120, 35],
					[1, 'multi_year_excerpt', null, 145, 162, 24]
				]);
			});

			it('has 35 items, 7/15/6/7 per dimension, 185,000.00 baht for 2568', async () => {
				const perDimension = await rows(
					db,
					sql`select i.dimension, count(*)::int as n, sum(b.amount)::text as budget
						from plan_items i join doc_tables t on t.id = i.doc_table_id
						join plan_item_budgets b on b.plan_item_id = i.id
						where t.source_document_id = ${ids.annual} and t.role = 'annual'
							and b.fiscal_year = 2568
						group by i.dimension order by i.dimension`
				);
				// Items 1–7 มิติ 1, 8–22 มิติ 2, 23–28 มิติ 3, 29–35 มิติ 4; budgets: 5,000 +
				// 50,000 + 50,000 + 10,000 (มิติ 1), 20,000 (มิติ 3), 50,000 (มิติ 4).
				expect(perDimension.map((r) => Object.values(r))).toEqual([
					[1, 7, '115000.00'],
					[2, 15, '0.00'],
					[3, 6, '20000.00'],
					[4, 7, '50000.00']
				]);
				const [total] = await rows(
					db,
					sql`select sum(b.amount)::text as total, count(*)::int as n
						from plan_item_budgets b join plan_items i on i.id = b.plan_item_id
						join doc_tables t on t.id = i.doc_table_id
						where t.source_document_id = ${ids.annual} and t.role = 'annual'
							and b.fiscal_year = 2568`
				);
				expect(total).toEqual({ total: '185000.00', n: 35 });
			});

			it('counts 30/23/24/28 quarter ticks from the stored quarters', async () => {
				const ticks = await rows(
					db,
					sql`select count(*) filter (where i.quarters[1])::int as q1,
							count(*) filter (where i.quarters[2])::int as q2,
							count(*) filter (where i.quarters[3])::int as q3,
							count(*) filter (where i.quarters[4])::int as q4
						from plan_items i join doc_tables t on t.id = i.doc_table_id
						where t.source_document_id = ${ids.annual} and t.role = 'annual'`
				);
				expect(ticks).toEqual([{ q1: 30, q2: 23, q3: 24, q4: 28 }]);
			});

			it('keeps the excerpt’s failed มิติ 1 subtotal: 265,000 declared, 215,000 in the cells', async () => {
				const failed = await rows(
					db,
					sql`select name, fiscal_year, dimension, declared, computed, source_line
						from checks where source_document_id = ${ids.annual} and not ok
						order by name, fiscal_year`
				);
				// Line 154 declares 265,000 a year; the column holds 200,000 (a cell shared by
				// items ๑–๕) + 10,000 + 5,000 = 215,000.
				expect(failed.map((c) => Object.values(c))).toEqual(
					[2566, 2567, 2568, 2569, 2570].map((y) => [
						'dimension_subtotal_budget',
						y,
						1,
						'265000',
						'215000',
						154
					])
				);
			});
		});

		describe('multi-year plan (อบจ.สมุทรสงคราม, 2566–2570)', () => {
			it('has 35 items, 11/16/3/5 per dimension', async () => {
				const perDimension = await rows(
					db,
					sql`select dimension, count(*)::int as n from plan_items
						where source_document_id = ${ids.plan} group by dimension order by dimension`
				);
				expect(perDimension.map((r) => [r.dimension, r.n])).toEqual([
					[1, 11],
					[2, 16],
					[3, 3],
					[4, 5]
				]);
			});

			it('assigns 4,695,000 a year to items and leaves 850,000 unassigned, never guessed', async () => {
				const assigned = await rows(
					db,
					sql`select fiscal_year, sum(amount)::text as assigned,
							count(*) filter (where amount is null)::int as nulls
						from plan_item_budgets where source_document_id = ${ids.plan}
						group by fiscal_year order by fiscal_year`
				);
				// Assigned: 100,000 + 3,000,000 + 200,000 (มิติ 1, lines 116, 120) + 25,000 (มิติ 2,
				// line 136) + 370,000 (มิติ 3) + 1,000,000 (มิติ 4) = 4,695,000. NULL: items 1–2
				// (one 50,000 cell, line 107) and 5–7 (one 400,000 cell, line 112).
				expect(assigned.map((r) => Object.values(r))).toEqual(
					[2566, 2567, 2568, 2569, 2570].map((y) => [y, '4695000.00', 5])
				);
				const unassigned = await rows(
					db,
					sql`select fiscal_year, source_line, amount::text, reason, item_ordinals
						from unassigned_amounts where source_document_id = ${ids.plan}
						order by fiscal_year, source_line`
				);
				// 50,000 (items 1, 2) + 400,000 (items 5–7) + 400,000 (line 113, no item) =
				// 850,000; with the assigned 4,695,000 that is the 5,545,000 the cells hold.
				expect(unassigned.map((r) => Object.values(r))).toEqual(
					[2566, 2567, 2568, 2569, 2570].flatMap((y) => [
						[y, 107, '50000.00', 'shared_cell', [1, 2]],
						[y, 112, '400000.00', 'shared_cell', [5, 6, 7]],
						[y, 113, '400000.00', 'row_without_item', []]
					])
				);
			});

			it('fails exactly the checks the document breaks', async () => {
				const failed = await rows(
					db,
					sql`select name, fiscal_year, declared, computed, source_line
						from checks where source_document_id = ${ids.plan} and not ok
						order by name, fiscal_year`
				);
				const years = [2566, 2567, 2568, 2569, 2570];
				expect(failed.map((c) => Object.values(c))).toEqual([
					// มิติ 1 declares 4,200,000 (line 125); its column holds 4,150,000.
					...years.map((y) => ['dimension_subtotal_budget', y, '4200000', '4150000', 125]),
					// รวมทั้งสิ้น declares 5,595,000 (line 182); the table's cells sum to 5,545,000.
					...years.map((y) => ['grand_total_budget', y, '5595000', '5545000', 182]),
					// Part 2 gives item ๖ of มิติ 2 25,000 (line 136); its Part 3 page: ไม่ใช้งบประมาณ.
					['part2_vs_part3_budget', 2566, '25000', '0', 136]
				]);
			});
		});

		describe('progress report (อบจ.อ่างทอง, FY 2566)', () => {
			it('has 52 items: 1,930,000.00 budgeted, 627,872.00 disbursed', async () => {
				const [sums] = await rows(
					db,
					sql`select count(*)::int as n, min(fiscal_year) as y0, max(fiscal_year) as y1,
							sum(budget)::text as budget, sum(disbursed)::text as disbursed
						from report_items where source_document_id = ${ids.report}`
				);
				expect(sums).toEqual({
					n: 52,
					y0: 2566,
					y1: 2566,
					budget: '1930000.00',
					disbursed: '627872.00'
				});
			});

			it('has 48 done, 4 not done, none pending or in progress', async () => {
				const statuses = await rows(
					db,
					sql`select s.status, count(r.id)::int as n
						from (values ('done'), ('in_progress'), ('not_done'), ('pending')) s(status)
						left join report_items r on r.status = s.status
							and r.source_document_id = ${ids.report}
						group by s.status order by s.status`
				);
				expect(statuses.map((r) => [r.status, r.n])).toEqual([
					['done', 48],
					['in_progress', 0],
					['not_done', 4],
					['pending', 0]
				]);
			});

			it('records the disagreeing summary copies and the repeated narrative entry', async () => {
				const failed = await rows(
					db,
					sql`select name, fiscal_year, declared, computed, source_line
						from checks where source_document_id = ${ids.report} and not ok`
				);
				// Thai-digit summary: ร้อยละ ๙๒.๓๑ (line 1070); Arabic copy: 100.00 (line 1184).
				expect(failed.map((c) => Object.values(c))).toEqual([
					['summary_copies_agree', 2566, '92.31', '100', 1184]
				]);
				const problems = await rows(
					db,
					sql`select code, severity, source_line from problems
						where source_document_id = ${ids.report}`
				);
				// "๔๕. กิจกรรมส่งเสริมชุมชนเฝ้าระวังการทุจริต" at line 874 and again at line 889.
				expect(problems.map((p) => Object.values(p))).toEqual([['duplicate_item', 'warning', 889]]);
			});
		});

		describe('provenance', () => {
			it('fills load run, document and line on every fact row; none is synthetic', async () => {
				const [run] = await rows<{ id: number }>(
					db,
					sql`select id from load_runs where kind = 'ingest'`
				);
				const tally = await rows(
					db,
					sql`select name, count(*)::int as n,
							count(*) filter (where load_run_id is distinct from ${run!.id})::int as bad_run,
							count(*) filter (where source_document_id is null)::int as no_doc,
							count(*) filter (where source_line is null)::int as no_line,
							count(*) filter (where is_synthetic)::int as synthetic
						from (
							select 'plan_items' as name, load_run_id, source_document_id, source_line, is_synthetic from plan_items
							union all select 'plan_item_budgets', load_run_id, source_document_id, source_line, is_synthetic from plan_item_budgets
							union all select 'report_items', load_run_id, source_document_id, source_line, is_synthetic from report_items
							union all select 'unassigned_amounts', load_run_id, source_document_id, source_line, is_synthetic from unassigned_amounts
							union all select 'checks', load_run_id, source_document_id, source_line, is_synthetic from checks
							union all select 'problems', load_run_id, source_document_id, source_line, is_synthetic from problems
						) x group by name order by name`
				);
				// Items 35 + 24 + 35; budgets 35 + 24×5 + 35×5; unassigned 30 + 15; checks 21 (report)
				// + 60 (plan: 20 subtotals, 4 + 1 counts, 5 totals, 5 foreword, 25 Part 3 pages) + 18
				// (annual); problems 1 + 8 + 3. A check over a whole table may have no line: none here.
				expect(tally.map((r) => Object.values(r))).toEqual([
					['checks', 99, 0, 0, 0, 0],
					['plan_item_budgets', 330, 0, 0, 0, 0],
					['plan_items', 94, 0, 0, 0, 0],
					['problems', 12, 0, 0, 0, 0],
					['report_items', 52, 0, 0, 0, 0],
					['unassigned_amounts', 45, 0, 0, 0, 0]
				]);
			});

			it('leads from an item’s source_line back to the line of the text that names it', async () => {
				const picked = await rows<{
					origin: string;
					ordinal: number;
					dimension: number;
					name: string;
					source_line: number;
					content: string;
				}>(
					db,
					sql`select d.origin, i.ordinal, i.dimension, i.name, i.source_line, d.content
						from (
							select source_document_id, ordinal, dimension, name, source_line, doc_table_id
							from plan_items
							union all
							select source_document_id, ordinal, dimension, name, source_line, doc_table_id
							from report_items
						) i join source_documents d on d.id = i.source_document_id
						join doc_tables t on t.id = i.doc_table_id
						where (d.origin, t.role, i.dimension, i.ordinal) in (
							(${SEED.annual}, 'annual', 1, 3), (${SEED.annual}, 'annual', 4, 35),
							(${SEED.plan}, 'multi_year', 1, 9), (${SEED.plan}, 'multi_year', 4, 5),
							(${SEED.report}, 'report', 2, 13)
						) order by d.origin, i.source_line`
				);
				const found = picked.map((p) => {
					const text = p.content.split('\n')[p.source_line - 1] ?? '';
					return [p.origin, p.ordinal, p.source_line, text.includes(p.name)];
				});
				// The lines, read in the documents: annual items 3 and 35 at lines 77 and 119; the
				// plan's ๙ (มิติ 1) shares line 116 with ๘, its ๕ (มิติ 4) is on line 179; report
				// item 13 is on line 1098.
				expect(found).toEqual([
					[SEED.report, 13, 1098, true],
					[SEED.plan, 9, 116, true],
					[SEED.plan, 5, 179, true],
					[SEED.annual, 3, 77, true],
					[SEED.annual, 35, 119, true]
				]);
			});
		});

		it('changes nothing when the same folder is ingested again (runs last)', async () => {
			const before = await tableChecksums(db);
			const runsBefore = await db.$count(schema.loadRuns);
			const again = await ingest(db, 'fixtures/seeds', { registry: await registryFromDb(db) });
			const { seen, loaded, quarantined, duplicate, skipped, failed } = again;
			expect({ seen, loaded, quarantined, duplicate, skipped, failed }).toEqual({
				seen: 3,
				loaded: 0,
				quarantined: 0,
				duplicate: 3,
				skipped: 0,
				failed: 0
			});
			expect(again.events.map((e) => (e.type === 'document' ? e.outcome : e.type))).toEqual([
				'duplicate',
				'duplicate',
				'duplicate'
			]);
			expect(await tableChecksums(db)).toEqual(before);
			expect(await db.$count(schema.loadRuns)).toBe(runsBefore + 1);
			const ledger = await rows(
				db,
				sql`select kind, source, status, seen, loaded, quarantined, duplicate, skipped, failed,
						error, finished_at is not null as finished
					from load_runs where id = ${again.runId}`
			);
			expect(ledger).toEqual([
				{
					kind: 'ingest',
					source: 'fixtures/seeds',
					status: 'completed',
					seen: 3,
					loaded: 0,
					quarantined: 0,
					duplicate: 3,
					skipped: 0,
					failed: 0,
					error: null,
					finished: true
				}
			]);
		});
	});
}
