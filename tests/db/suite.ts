import { asc, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Db, Driver } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import * as schema from '../../db/schema/index.ts';
import { resetData, withTestDatabase } from '../../db/testing.ts';
import type { ParseReport } from '../../etl/parse/common/types.ts';
import {
	BATCH_SIZE,
	finishRun,
	loadDocument,
	LoadError,
	startRun,
	tableChecksums
} from '../../etl/load/index.ts';
import {
	annualPlan,
	brokenPlan,
	LAOS,
	largePlan,
	multiYearPlan,
	progressReport,
	quarantinedPlan
} from './reports.ts';

const DATA_TABLES = {
	source_documents: schema.sourceDocuments,
	doc_tables: schema.docTables,
	plan_items: schema.planItems,
	plan_item_budgets: schema.planItemBudgets,
	report_items: schema.reportItems,
	unassigned_amounts: schema.unassignedAmounts,
	checks: schema.checks,
	problems: schema.problems,
	quarantine: schema.quarantine
};
type TableName = keyof typeof DATA_TABLES;
const NONE = Object.fromEntries(Object.keys(DATA_TABLES).map((t) => [t, 0])) as Record<
	TableName,
	number
>;

/** Fact tables whose every row comes from one line. */
const LINED = {
	doc_tables: schema.docTables,
	plan_items: schema.planItems,
	plan_item_budgets: schema.planItemBudgets,
	report_items: schema.reportItems,
	unassigned_amounts: schema.unassignedAmounts
};

async function counts(db: Database): Promise<Record<TableName, number>> {
	const entries = await Promise.all(
		Object.entries(DATA_TABLES).map(async ([name, table]) => [name, await db.$count(table)])
	);
	return Object.fromEntries(entries) as Record<TableName, number>;
}

/**
 * The database suite, registered once per driver (STYLE habit 10): the assertions are the same
 * for PGlite and PostgreSQL, never forked.
 */
export function registerDbSuite(driver: Driver): void {
	describe(`db on ${driver}`, () => {
		let handle: Db;
		let db: Database;
		let runId: number;

		const load = (report: ParseReport, opts: { run?: number; isSynthetic?: boolean } = {}) =>
			loadDocument(db, {
				runId: opts.run ?? runId,
				report,
				origin: `seeds/${report.sha256.slice(0, 8)}.txt`,
				originKind: 'file',
				byteSize: 4096,
				content: `${report.title ?? ''}\n`,
				isSynthetic: opts.isSynthetic ?? false
			});

		beforeAll(async () => {
			handle = await withTestDatabase(driver);
			db = handle.db;
		});

		afterAll(async () => {
			await handle?.close();
		});

		beforeEach(async () => {
			await resetData(handle);
			await db.insert(schema.laos).values([...LAOS]);
			runId = await startRun(db, {
				kind: 'ingest',
				source: 'fixtures/seeds',
				isSynthetic: false,
				parserVersion: 'sujarit-parse/1'
			});
		});

		it('migrates to the twenty-two tables and seeds 77 provinces, twice without harm', async () => {
			await handle.migrate();
			const tables = await queryRows<{ name: string }>(
				db,
				sql`select table_name as name from information_schema.tables
					where table_schema = 'public' order by table_name`
			);
			expect(tables.map((t) => t.name)).toEqual([
				'checks',
				'doc_tables',
				'fact_cube',
				'laos',
				'load_runs',
				'login_throttle',
				'plan_item_budgets',
				'plan_items',
				'problems',
				'provinces',
				'quarantine',
				'release_documents',
				'release_figures',
				'release_laos',
				'releases',
				'report_items',
				'run_events',
				'sessions',
				'source_documents',
				'unassigned_amounts',
				'user_provinces',
				'users'
			]);
			expect(await db.$count(schema.provinces)).toBe(77);
			// A finished run whose counts do not add up is refused by the database itself.
			const runId = await startRun(db, {
				kind: 'ingest',
				source: 'x',
				isSynthetic: true,
				parserVersion: 't'
			});
			await expect(
				finishRun(db, runId, { seen: 3, loaded: 1, quarantined: 1, duplicate: 0 }, 'completed')
			).rejects.toMatchObject({
				cause: { message: expect.stringMatching(/"load_runs_counts_add_up"/) }
			});
			const [lampang] = await db
				.select()
				.from(schema.provinces)
				.where(eq(schema.provinces.code, '52'));
			expect(lampang).toEqual({
				code: '52',
				iso: 'TH-52',
				nameTh: 'ลำปาง',
				nameEn: 'Lampang',
				region: 'north'
			});
		});

		it('records a run from start to finish', async () => {
			await finishRun(db, runId, { seen: 5, loaded: 3, quarantined: 1, duplicate: 1 }, 'completed');
			const [run] = await db.select().from(schema.loadRuns).where(eq(schema.loadRuns.id, runId));
			expect(run).toMatchObject({
				kind: 'ingest',
				source: 'fixtures/seeds',
				status: 'completed',
				seen: 5,
				loaded: 3,
				quarantined: 1,
				duplicate: 1,
				skipped: 0,
				error: null,
				isSynthetic: false,
				parserVersion: 'sujarit-parse/1'
			});
			expect(run!.finishedAt).toBeInstanceOf(Date);
		});

		it('loads an annual plan: one document, one table, three items and their budgets', async () => {
			const report = annualPlan();
			const result = await load(report);
			expect(result.outcome).toBe('loaded');
			expect(await counts(db)).toEqual({
				...NONE,
				source_documents: 1,
				doc_tables: 1,
				plan_items: 3,
				plan_item_budgets: 3,
				checks: 2
			});

			const [doc] = await db.select().from(schema.sourceDocuments);
			expect(doc).toMatchObject({
				id: result.documentId,
				sha256: report.sha256,
				originKind: 'file',
				byteSize: 4096,
				kind: 'annual_plan',
				verdict: 'accepted',
				laoNameAsWritten: 'เทศบาลเมืองพิชัย',
				laoType: 'town_municipality',
				laoDlaCode: '4520106',
				laoResolution: 'resolved',
				provinceCode: '52',
				fiscalYears: [2568],
				asOf: '2024-10-15',
				itemCount: 3,
				failedChecks: 0,
				errorCount: 0,
				warningCount: 0,
				content: `${report.title}\n`,
				loadRunId: runId,
				isSynthetic: false
			});
			expect(doc!.report).toEqual(report);

			const items = await db
				.select({
					ordinal: schema.planItems.ordinal,
					dimension: schema.planItems.dimension,
					kind: schema.planItems.itemKind,
					quarters: schema.planItems.quarters,
					line: schema.planItems.sourceLine,
					otherLines: schema.planItems.otherLines,
					remark: schema.planItems.remark,
					lao: schema.planItems.laoDlaCode,
					year: schema.planItemBudgets.fiscalYear,
					amount: schema.planItemBudgets.amount
				})
				.from(schema.planItems)
				.innerJoin(
					schema.planItemBudgets,
					eq(schema.planItemBudgets.planItemId, schema.planItems.id)
				)
				.orderBy(asc(schema.planItems.ordinal));
			expect(items).toEqual([
				{
					ordinal: 1,
					dimension: 1,
					kind: 'project',
					quarters: [false, true, false, false],
					line: 75,
					otherLines: [],
					remark: null,
					lao: '4520106',
					year: 2568,
					amount: '50000.00'
				},
				{
					ordinal: 2,
					dimension: 2,
					kind: 'activity',
					quarters: [true, true, true, true],
					line: 83,
					otherLines: [84],
					remark: null,
					lao: '4520106',
					year: 2568,
					amount: '0.00'
				},
				{
					ordinal: 3,
					dimension: 4,
					kind: 'measure',
					quarters: [false, false, true, false],
					line: 95,
					otherLines: [],
					remark: 'งบกองกลาง',
					lao: '4520106',
					year: 2568,
					amount: '5000.00'
				}
			]);

			const [table] = await db.select().from(schema.docTables);
			expect(table).toMatchObject({
				tableIndex: 0,
				role: 'annual',
				fiscalYear: 2568,
				lineStart: 70,
				lineEnd: 101,
				sourceLine: 70,
				declared: { total: { '2568': 55_000 }, items: 3 }
			});
			const sum = await queryRows<{ total: string }>(
				db,
				sql`select sum(amount)::text as total from plan_item_budgets`
			);
			expect(sum).toEqual([{ total: '55000.00' }]);
		});

		it('keeps null budgets null and records unassigned amounts with their items', async () => {
			await load(multiYearPlan());
			const budgets = await db
				.select({
					ordinal: schema.planItems.ordinal,
					year: schema.planItemBudgets.fiscalYear,
					amount: schema.planItemBudgets.amount
				})
				.from(schema.planItemBudgets)
				.innerJoin(schema.planItems, eq(schema.planItems.id, schema.planItemBudgets.planItemId))
				.orderBy(asc(schema.planItems.ordinal), asc(schema.planItemBudgets.fiscalYear));
			expect(budgets.map((b) => [b.ordinal, b.year, b.amount])).toEqual([
				[1, 2566, '120000.50'],
				[1, 2567, '130000.00'],
				[2, 2566, null],
				[2, 2567, '20000.00'],
				[3, 2566, null],
				[3, 2567, '0.00']
			]);
			const unassigned = await db
				.select()
				.from(schema.unassignedAmounts)
				.orderBy(asc(schema.unassignedAmounts.sourceLine));
			expect(
				unassigned.map((u) => [u.sourceLine, u.fiscalYear, u.amount, u.reason, u.itemOrdinals])
			).toEqual([
				[132, 2566, '45000.00', 'shared_cell', [2, 3]],
				[150, 2567, '9999.99', 'row_without_item', []]
			]);
			const [doc] = await db.select().from(schema.sourceDocuments);
			expect([doc!.verdict, doc!.provinceCode, doc!.asOf, doc!.warningCount]).toEqual([
				'accepted_with_warnings',
				'75',
				null,
				1
			]);
			const [problem] = await db.select().from(schema.problems);
			expect(problem).toMatchObject({
				code: 'shared_budget_cell',
				severity: 'warning',
				sourceLine: 132,
				messageTh: 'ช่องงบประมาณเดียวมีจำนวนเงินของโครงการที่ 2 และ 3',
				expected: 'one amount per item',
				found: { items: [2, 3], amount: 45_000 }
			});
		});

		it('loads a progress report into report_items with budget, disbursed and status', async () => {
			await load(progressReport());
			expect(await counts(db)).toEqual({
				...NONE,
				source_documents: 1,
				doc_tables: 1,
				report_items: 2
			});
			const rows = await db
				.select()
				.from(schema.reportItems)
				.orderBy(asc(schema.reportItems.ordinal));
			expect(
				rows.map((r) => [r.ordinal, r.fiscalYear, r.budget, r.disbursed, r.status, r.laoDlaCode])
			).toEqual([
				[1, 2566, '30000.00', '28500.75', 'done', '2150101'],
				[2, 2566, '0.00', null, 'in_progress', '2150101']
			]);
		});

		it('stores checks with both sides as text and as numbers', async () => {
			await load(multiYearPlan());
			const rows = await db.select().from(schema.checks);
			expect(
				rows.map((c) => [
					c.name,
					c.fiscalYear,
					c.declared,
					c.declaredNum,
					c.computedNum,
					c.ok,
					c.detail,
					c.sourceLine
				])
			).toEqual([
				['total_budget', 2566, '165000.5', '165000.5', '165000.5', true, 'items + unassigned', 178]
			]);
		});

		it('reports a document already loaded as a duplicate and writes nothing', async () => {
			const first = await load(annualPlan());
			const before = await counts(db);
			const second = await load(annualPlan());
			expect([first.outcome, second.outcome]).toEqual(['loaded', 'duplicate']);
			expect(second.documentId).toBe(first.documentId);
			expect(await counts(db)).toEqual(before);
		});

		it('quarantines: one row per error naming line, rule, expected and found; no facts', async () => {
			const report = quarantinedPlan();
			const result = await load(report);
			expect(result.outcome).toBe('quarantined');
			expect(await counts(db)).toEqual({
				...NONE,
				source_documents: 1,
				checks: 2,
				problems: 3,
				quarantine: 3
			});
			const rows = await db.select().from(schema.quarantine).orderBy(asc(schema.quarantine.id));
			expect(rows.map((q) => [q.sourceLine, q.rule, q.expected, q.found])).toEqual([
				[88, 'amount_unreadable', 'an amount in baht', '๕o,ooo'],
				[91, 'dimension_out_of_range', '[1,2,3,4]', '5'],
				[100, 'total_budget', '185000', '180000']
			]);
			expect(rows.map((q) => q.message)).toEqual([
				'Budget cell "๕o,ooo" is not an amount.',
				'มิติที่ ๕ is not one of the four dimensions.',
				'total_budget 2568: declared 185000 ≠ computed 180000'
			]);
			expect(
				rows.every(
					(q) =>
						q.sourceDocumentId === result.documentId &&
						q.loadRunId === runId &&
						q.sha256 === report.sha256 &&
						q.origin === `seeds/${report.sha256.slice(0, 8)}.txt`
				)
			).toBe(true);
			const [doc] = await db.select().from(schema.sourceDocuments);
			expect([
				doc!.verdict,
				doc!.errorCount,
				doc!.warningCount,
				doc!.failedChecks,
				doc!.itemCount
			]).toEqual(['quarantined', 2, 1, 1, 3]);
		});

		it('rolls the whole document back when an insert fails midway', async () => {
			await load(progressReport());
			const before = await counts(db);
			const report = brokenPlan();
			const error = await load(report).then(
				() => null,
				(e: unknown) => e
			);
			expect(error).toBeInstanceOf(LoadError);
			expect((error as LoadError).code).toBe('load_failed');
			expect((error as LoadError).message).toMatch(
				/^seeds\/[0-9a-f]{8}\.txt: .*plan_items_dimension_check/
			);
			expect(
				await db.$count(schema.sourceDocuments, eq(schema.sourceDocuments.sha256, report.sha256))
			).toBe(0);
			expect(await counts(db)).toEqual(before);
			// The same connection keeps working after the rollback.
			expect((await load(annualPlan())).outcome).toBe('loaded');
		});

		it('leaves every checksum unchanged when the same reports are loaded again', async () => {
			const reports = [annualPlan(), multiYearPlan(), progressReport(), quarantinedPlan()];
			for (const r of reports) await load(r);
			const first = await tableChecksums(db);

			const again = await startRun(db, {
				kind: 'ingest',
				source: 'fixtures/seeds',
				isSynthetic: false,
				parserVersion: 'sujarit-parse/1'
			});
			const outcomes = [];
			for (const r of reports) outcomes.push((await load(r, { run: again })).outcome);
			expect(outcomes).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate']);
			expect(await tableChecksums(db)).toEqual(first);

			// From scratch, with ids shifted by a failed load and the reports in another order:
			// the content, hence the checksums, must still be the same.
			await resetData(handle);
			await db.insert(schema.laos).values([...LAOS]);
			const fresh = await startRun(db, {
				kind: 'ingest',
				source: 'fixtures/seeds',
				isSynthetic: false,
				parserVersion: 'sujarit-parse/1'
			});
			await expect(load(brokenPlan(), { run: fresh })).rejects.toThrow(LoadError);
			for (const r of [...reports].reverse()) await load(r, { run: fresh });
			const second = await tableChecksums(db);
			expect(second).toEqual(first);
			expect(Object.keys(second).sort()).toEqual([
				'checks',
				'doc_tables',
				'laos',
				'plan_item_budgets',
				'plan_items',
				'problems',
				'provinces',
				'quarantine',
				'report_items',
				'source_documents',
				'unassigned_amounts'
			]);
			// A checksum is sensitive to content: one changed amount changes it.
			await db.execute(sql`update plan_item_budgets set amount = amount + 1 where amount = 5000`);
			const third = await tableChecksums(db);
			expect(Object.keys(first).filter((t) => third[t] !== first[t])).toEqual([
				'plan_item_budgets'
			]);
		});

		it('fills the provenance columns on every fact row', async () => {
			for (const r of [annualPlan(), multiYearPlan(), progressReport()]) await load(r);
			await load(quarantinedPlan(), { isSynthetic: true });
			const missing: Record<string, number> = {};
			for (const [name, table] of Object.entries(LINED)) {
				missing[name] = await db.$count(table, isNull(table.sourceLine));
			}
			expect(missing).toEqual({
				doc_tables: 0,
				plan_items: 0,
				plan_item_budgets: 0,
				report_items: 0,
				unassigned_amounts: 0
			});
			const rows = await queryRows<{ name: string; n: number; runs: number; docs: number }>(
				db,
				sql`select name, count(*)::int as n, count(distinct load_run_id)::int as runs,
						count(distinct source_document_id)::int as docs
					from (
						select 'plan_items' as name, load_run_id, source_document_id from plan_items
						union all select 'plan_item_budgets', load_run_id, source_document_id from plan_item_budgets
						union all select 'report_items', load_run_id, source_document_id from report_items
						union all select 'unassigned_amounts', load_run_id, source_document_id from unassigned_amounts
						union all select 'checks', load_run_id, source_document_id from checks
						union all select 'problems', load_run_id, source_document_id from problems
					) x group by name order by name`
			);
			expect(rows.map((r) => [r.name, r.n, r.runs, r.docs])).toEqual([
				['checks', 5, 1, 3],
				['plan_item_budgets', 9, 1, 2],
				['plan_items', 6, 1, 2],
				['problems', 4, 1, 2],
				['report_items', 2, 1, 1],
				['unassigned_amounts', 2, 1, 1]
			]);
			const synthetic = await queryRows<{ name: string; n: number }>(
				db,
				sql`select 'source_documents' as name, count(*)::int as n from source_documents where is_synthetic
					union all select 'checks', count(*)::int from checks where is_synthetic
					union all select 'problems', count(*)::int from problems where is_synthetic
					union all select 'quarantine', count(*)::int from quarantine where is_synthetic`
			);
			expect(synthetic.map((r) => [r.name, r.n])).toEqual([
				['source_documents', 1],
				['checks', 2],
				['problems', 3],
				['quarantine', 3]
			]);
		});

		it('round-trips awkward text exactly: quotes, backslashes, braces, commas, "NULL"', async () => {
			const report = annualPlan();
			const names = ['โครงการ "สุจริต" {ปี ๖๘}, ระยะ ๒', 'C:\\path\\ไฟล์ \\"x\\"', 'NULL'];
			report.tables[0]!.items.forEach((it, i) => {
				it.name = names[i]!;
				it.remark = i === 2 ? 'NULL' : null;
			});
			report.problems = [
				{ line: 5, severity: 'warning', code: 'odd', message: "it's {a,b}", found: { q: '"' } }
			];
			await load(report);
			const items = await db
				.select({ name: schema.planItems.name, remark: schema.planItems.remark })
				.from(schema.planItems)
				.orderBy(asc(schema.planItems.ordinal));
			expect(items).toEqual([
				{ name: names[0], remark: null },
				{ name: names[1], remark: null },
				{ name: 'NULL', remark: 'NULL' }
			]);
			const [problem] = await db.select().from(schema.problems);
			expect([problem!.message, problem!.found, problem!.expected]).toEqual([
				"it's {a,b}",
				{ q: '"' },
				null
			]);
		});

		it(`links children correctly across INSERT batches of ${BATCH_SIZE} rows`, async () => {
			const count = BATCH_SIZE * 2 + 201;
			await load(largePlan(count));
			expect([await db.$count(schema.planItems), await db.$count(schema.planItemBudgets)]).toEqual([
				count,
				count * 2
			]);
			// Every budget must belong to the item whose ordinal it was computed from.
			const wrong = await queryRows<{ n: number }>(
				db,
				sql`select count(*)::int as n from plan_item_budgets b join plan_items i on i.id = b.plan_item_id
					where b.amount <> i.ordinal * 100 + case when b.fiscal_year = 2567 then 0.25 else 0 end
						or b.source_line <> i.source_line`
			);
			expect(wrong).toEqual([{ n: 0 }]);
		});
	});
}
