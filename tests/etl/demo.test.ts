import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.ts';
import { withTestDatabase } from '../../db/testing.ts';
import { runDemo, type DemoRunSummary } from '../../etl/demo/run.ts';
import { importSampleRegistry, rows, tempDir } from './helpers.ts';

/** Counted by the oracle in the test below (rows of the accepted documents), then pinned. */
const PLAN_ITEMS = 1372;
const REPORT_ITEMS = 792;

const count = async (handle: Db, query: ReturnType<typeof sql>) =>
	Number((await rows<{ n: number | string }>(handle.db, query))[0]?.n);

/**
 * `npm run etl -- demo` end to end on PGlite: the sample of the real register first (92 LAOs +
 * Bangkok), then 20 synthetic LAOs × 2566–2567 through the real pipeline. The figures were
 * counted from generateDemo's own output for seed 7 (the oracle), then pinned.
 */
describe('demo end to end on pglite (N = 20, 2566–2567, seed 7)', () => {
	let handle: Db;
	let out: { path: string; remove(): Promise<void> };
	let result: DemoRunSummary;

	beforeAll(async () => {
		handle = await withTestDatabase('pglite');
		await importSampleRegistry(handle.db);
		out = await tempDir('sujarit-demo-');
		result = await runDemo(handle.db, {
			laos: 20,
			years: [2566, 2567],
			seed: 7,
			out: out.path,
			ingest: true
		});
	});

	afterAll(async () => {
		await handle?.close();
		await out?.remove();
	});

	it('writes 96 documents and ingests them: seen 96 = loaded 94 + quarantined 2', () => {
		const s = result.ingest!;
		expect([result.written, s.seen, s.loaded, s.quarantined, s.duplicate, s.skipped]).toEqual([
			96, 96, 94, 2, 0, 0
		]);
		const broken = result.demo.documents.filter((d) => d.broken !== null).length;
		expect(broken).toBe(s.quarantined);
	});

	it('registers 20 synthetic LAOs (codes 9xxxxxx, names with สาธิต); the real register stays real', async () => {
		expect(
			await rows(
				handle.db,
				sql`select is_synthetic, count(*)::int as n, bool_and(dla_code like '9%') as nine,
					bool_and(name_th like 'สาธิต%') as demo_name
				from laos group by is_synthetic order by is_synthetic`
			)
		).toEqual([
			{ is_synthetic: false, n: 93, nine: false, demo_name: false },
			{ is_synthetic: true, n: 20, nine: true, demo_name: true }
		]);
		expect(
			await count(
				handle,
				sql`select count(*) as n from laos where dla_code = 'BMA' and is_synthetic`
			)
		).toBe(0);
	});

	it('documents by kind and verdict', async () => {
		expect(
			await rows(
				handle.db,
				sql`select kind, verdict, count(*)::int as n from source_documents
				group by kind, verdict order by kind, verdict`
			)
		).toEqual([
			{ kind: 'annual_plan', verdict: 'accepted', n: 39 },
			{ kind: 'annual_plan', verdict: 'quarantined', n: 1 },
			{ kind: 'multi_year_plan', verdict: 'accepted', n: 20 },
			{ kind: 'progress_report', verdict: 'accepted', n: 35 },
			{ kind: 'progress_report', verdict: 'quarantined', n: 1 }
		]);
	});

	it('loads the plan and report items of the accepted documents, exactly as generated', async () => {
		const accepted = result.demo.documents.filter((d) => d.broken === null);
		const rowsIn = (text: string) => text.split('\n').filter((l) => /^\d+\t/.test(l)).length;
		const planLines = (text: string) =>
			text.split('\n').filter((l) => /^[^\t]*\t[^\t]*\t[๐-๙]+\. /.test(l)).length;
		const expectedAnnual = accepted
			.filter((d) => d.kind === 'annual_plan')
			.reduce((s, d) => s + rowsIn(d.text), 0);
		const expectedPlan = accepted
			.filter((d) => d.kind === 'multi_year_plan')
			.reduce((s, d) => s + planLines(d.text), 0);
		const expectedReport = accepted
			.filter((d) => d.kind === 'progress_report')
			.reduce((s, d) => s + rowsIn(d.text), 0);
		const planItems = await count(handle, sql`select count(*) as n from plan_items`);
		const reportItems = await count(handle, sql`select count(*) as n from report_items`);
		expect([planItems, reportItems]).toEqual([expectedAnnual + expectedPlan, expectedReport]);
		expect([planItems, reportItems]).toEqual([PLAN_ITEMS, REPORT_ITEMS]);
	});

	it('every row of every table with is_synthetic is synthetic, but for the real register', async () => {
		const tables = await rows<{ table_name: string }>(
			handle.db,
			sql`select table_name from information_schema.columns
			where column_name = 'is_synthetic' and table_schema = 'public' order by table_name`
		);
		const notSynthetic: Record<string, number> = {};
		for (const { table_name } of tables) {
			notSynthetic[table_name] = await count(
				handle,
				sql`select count(*) as n from ${sql.identifier(table_name)} where not is_synthetic`
			);
		}
		// laos: the 92 sample LAOs + Bangkok; load_runs: the sample register's import.
		expect(notSynthetic).toEqual({
			checks: 0,
			doc_tables: 0,
			fact_cube: 0,
			laos: 93,
			load_runs: 1,
			plan_item_budgets: 0,
			plan_items: 0,
			problems: 0,
			quarantine: 0,
			release_documents: 0,
			release_figures: 0,
			release_laos: 0,
			report_items: 0,
			source_documents: 0,
			unassigned_amounts: 0
		});
	});

	it('no real-register LAO received a document or a fact row', async () => {
		expect(
			await count(
				handle,
				sql`select count(*) as n from source_documents d join laos l on l.dla_code = d.lao_dla_code
				where not l.is_synthetic or d.lao_dla_code is null`
			)
		).toBe(0);
		expect(
			await count(
				handle,
				sql`select count(*) as n from plan_items where lao_dla_code is null or lao_dla_code not like '9%'`
			)
		).toBe(0);
	});
});
