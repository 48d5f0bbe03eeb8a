import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db, Driver } from '../../db/client.ts';
import { withTestDatabase } from '../../db/testing.ts';
import { runDemo } from '../../etl/demo/run.ts';
import { registryFromDb } from '../../etl/load/registry.ts';
import { ingest } from '../../etl/pipeline.ts';
import type { Scope } from '../../src/lib/server/extracts/index.ts';
import { finishRun, startRun } from '../../etl/load/runs.ts';
import { cachedSortedRanking } from '../../src/lib/server/risk/cached.ts';
import { buildRanking, type RiskRow } from '../../src/lib/server/risk/ranking.ts';
import { sortRows } from '../../src/lib/server/risk/table-params.ts';
import { EMPTY_FILTERS, parseFilters, type ViewFilters } from '../../src/lib/state/url-filters.ts';
import { importSampleRegistry, rows, tempDir } from '../etl/helpers.ts';

const NATIONAL: Scope = { kind: 'national' };
const ANG_THONG = '2150101';
const PHICHAI = '4520106';
const SAMUT_SONGKHRAM = '2750101';

/** The demo the suite ranks: 40 synthetic LAOs × 2566–2568, seed 11 (deterministic). */
const DEMO = { laos: 40, years: [2566, 2567, 2568], seed: 11 } as const;

const n = (v: unknown) => Number(v);
const one = async (db: Database, query: ReturnType<typeof sql>) =>
	(await rows<Record<string, unknown>>(db, query))[0] ?? {};

/**
 * The risk ranking over the three real seed documents plus a seeded demo, on one driver. The
 * per-LAO components are recomputed for one demo LAO by plain SQL (the oracle), one question per
 * query, and the real seeds' figures are the ones counted in the documents themselves.
 */
export function registerRiskSuite(driver: Driver): void {
	describe(`risk ranking on ${driver}`, () => {
		let handle: Db;
		let db: Database;
		let out: { path: string; remove(): Promise<void> };
		let national: RiskRow[];
		const by = (list: RiskRow[], code: string) => list.find((r) => r.dlaCode === code);
		const rank = async (filters: Partial<ViewFilters>, scope: Scope = NATIONAL) =>
			(await buildRanking(db, scope, { ...EMPTY_FILTERS, ...filters })).rows;

		beforeAll(async () => {
			handle = await withTestDatabase(driver);
			db = handle.db;
			await importSampleRegistry(db);
			await ingest(db, 'fixtures/seeds', { registry: await registryFromDb(db) });
			out = await tempDir('risk-demo');
			await runDemo(db, { ...DEMO, out: out.path, ingest: true });
			national = await rank({});
		}, 300_000);

		afterAll(async () => {
			await handle?.close();
			await out?.remove();
		});

		it('Ang Thong 2150101 (FY2566 report): not done 4/52, gap 1 − 627,872/1,930,000, no plan years', () => {
			const r = by(national, ANG_THONG)!;
			expect(r.components.not_done_share).toMatchObject({
				value: 4 / 52,
				numerator: 4,
				denominator: 52
			});
			expect(r.components.disbursement_gap).toMatchObject({
				value: 1 - 627_872 / 1_930_000,
				numerator: 627_872,
				denominator: 1_930_000
			});
			// No annual plan: zero-budget share and missing reports are missing, not zero.
			expect([r.components.zero_budget_share.value, r.components.missing_reports.value]).toEqual([
				null,
				null
			]);
			// The report fails summary_copies_agree: ร้อยละ ๙๒.๓๑ (line 1070) vs 100.00 (line 1184).
			expect(r.components.failing_documents).toMatchObject({
				value: 1,
				numerator: 1,
				denominator: 1
			});
			expect(r.failingDocumentIds.length).toBe(1);
			// Two อบจ. have data (Ang Thong, Samut Songkhram): too few peers to rank.
			expect([r.type, r.available, r.isSynthetic, r.peerSize, r.rank, r.reason]).toEqual([
				'provincial_admin_org',
				3,
				false,
				2,
				null,
				'small_peer_group'
			]);
		});

		it('Phichai 4520106 (FY2568 annual plan, no report): missing reports 1/1, zero budget 29/35', () => {
			const r = by(national, PHICHAI)!;
			expect(r.components.missing_reports).toMatchObject({
				value: 1,
				numerator: 1,
				denominator: 1
			});
			expect(r.missingYears).toEqual([2568]);
			expect(r.components.zero_budget_share).toMatchObject({
				value: 29 / 35,
				numerator: 29,
				denominator: 35
			});
			expect([r.components.not_done_share.value, r.components.disbursement_gap.value]).toEqual([
				null,
				null
			]);
		});

		it('Samut Songkhram 2750101 (multi-year plan only): one component, not ranked', () => {
			const r = by(national, SAMUT_SONGKHRAM)!;
			// Its plan fails dimension_subtotal_budget and grand_total_budget (lines 125, 182).
			expect([r.available, r.rank, r.reason, r.components.failing_documents.value]).toEqual([
				1,
				null,
				'few_components',
				1
			]);
		});

		it('peer groups: every LAO type with data, sized as the documents say (oracle)', async () => {
			const oracle = await rows<{ type: string; n: number }>(
				db,
				sql`select l.type, count(distinct l.dla_code)::int as n
					from source_documents d join laos l on l.dla_code = d.lao_dla_code
					group by l.type order by l.type`
			);
			const sizes = Object.fromEntries(national.map((r) => [r.type, r.peerSize]));
			expect(sizes).toEqual(Object.fromEntries(oracle.map((o) => [o.type, o.n])));
			// Pinned from the oracle above (sample register + seeds + demo N = 40, seed 11).
			expect(sizes).toEqual({
				provincial_admin_org: 2,
				subdistrict_admin_org: 27,
				subdistrict_municipality: 12,
				town_municipality: 2
			});
			expect(national.length).toBe(oracle.reduce((a, o) => a + o.n, 0));
		});

		it('one demo LAO: all five components equal a straightforward SQL oracle', async () => {
			const ranked = national.filter((r) => r.isSynthetic && r.available === 5);
			const lao = ranked.sort((a, b) => a.dlaCode.localeCompare(b.dlaCode))[0]!;
			const code = lao.dlaCode;
			const accepted = sql`d.verdict in ('accepted', 'accepted_with_warnings')`;
			const report = await one(
				db,
				sql`select count(*) as items, count(*) filter (where r.status = 'not_done') as not_done,
						sum(r.budget) filter (where r.budget > 0) as budget,
						sum(coalesce(r.disbursed, 0)) filter (where r.budget > 0) as disbursed
					from report_items r join source_documents d on d.id = r.source_document_id
					where d.lao_dla_code = ${code} and ${accepted}`
			);
			const plan = await one(
				db,
				sql`select count(*) as items, count(*) filter (where b.amount = 0) as zero
					from plan_items i
					join doc_tables t on t.id = i.doc_table_id
					join source_documents d on d.id = i.source_document_id
					left join plan_item_budgets b on b.plan_item_id = i.id
					where d.lao_dla_code = ${code} and ${accepted} and t.role = 'annual'`
			);
			const years = await one(
				db,
				sql`select count(*) as planned, count(*) filter (where not exists (
						select 1 from source_documents r where r.lao_dla_code = a.lao_dla_code
						and r.kind = 'progress_report' and a.fiscal_years[1] = any(r.fiscal_years))) as missing
					from source_documents a
					where a.lao_dla_code = ${code} and a.kind = 'annual_plan'
						and a.verdict in ('accepted', 'accepted_with_warnings')`
			);
			const docs = await one(
				db,
				sql`select count(*) as docs,
						count(*) filter (where verdict = 'quarantined' or failed_checks > 0) as failing
					from source_documents where lao_dla_code = ${code}`
			);
			const c = lao.components;
			expect([
				[c.not_done_share.numerator, c.not_done_share.denominator],
				[c.zero_budget_share.numerator, c.zero_budget_share.denominator],
				[c.disbursement_gap.numerator, c.disbursement_gap.denominator],
				[c.missing_reports.numerator, c.missing_reports.denominator],
				[c.failing_documents.numerator, c.failing_documents.denominator]
			]).toEqual([
				[n(report.not_done), n(report.items)],
				[n(plan.zero), n(plan.items)],
				[n(report.disbursed), n(report.budget)],
				[n(years.missing), n(years.planned)],
				[n(docs.failing), n(docs.docs)]
			]);
			expect(c.disbursement_gap.value).toBe(
				Math.min(1, Math.max(0, 1 - n(report.disbursed) / n(report.budget)))
			);
			// Its percentile among its peers, recomputed from the peers' values.
			const peers = national.filter((r) => r.type === lao.type);
			const values = peers
				.map((p) => p.components.not_done_share.value)
				.filter((v): v is number => v !== null);
			const mine = c.not_done_share.value!;
			const below = values.filter((v) => v < mine).length;
			const equal = values.filter((v) => v === mine).length;
			expect(c.not_done_share.percentile).toBe(
				values.length === 1 ? 0.5 : (below + (equal - 1) / 2) / (values.length - 1)
			);
			expect(lao.peerSize).toBe(peers.length);
		});

		it('a provincial scope narrows every pass: only Ang Thong province (15)', async () => {
			const scoped = await rank({}, { kind: 'provinces', codes: ['15'] });
			expect([...new Set(scoped.map((r) => r.provinceCode))]).toEqual(['15']);
			expect(by(scoped, ANG_THONG)?.components.not_done_share.numerator).toBe(4);
			expect(await rank({}, { kind: 'provinces', codes: [] })).toEqual([]);
		});

		it('filters: FY 2568 drops the 2566 report; province and type narrow the LAOs and peers', async () => {
			const fy = await rank({ fiscalYears: [2568] });
			expect([by(fy, ANG_THONG), by(fy, PHICHAI)?.components.zero_budget_share.numerator]).toEqual([
				undefined,
				29
			]);
			const town = await rank({ laoTypes: ['town_municipality'] });
			expect(new Set(town.map((r) => r.type))).toEqual(new Set(['town_municipality']));
			expect(by(town, PHICHAI)?.peerSize).toBe(by(national, PHICHAI)?.peerSize);
			const lampang = await rank({ provinces: ['52'] });
			expect(lampang.every((r) => r.provinceCode === '52')).toBe(true);
		});

		it('มิติ narrows the item components only: Ang Thong by dimension sums to 52 items', async () => {
			const counts = [];
			for (const d of [1, 2, 3, 4]) {
				const r = by(await rank({ dimensions: [d] }), ANG_THONG);
				counts.push([
					r?.components.not_done_share.denominator ?? 0,
					r?.components.failing_documents.denominator
				]);
			}
			expect(counts.reduce((a, [items]) => a + Number(items), 0)).toBe(52);
			expect(counts.every(([, docs]) => docs === 1)).toBe(true);
		});

		it('hostile query strings reach the SQL only as validated values (dropped and listed)', async () => {
			const { filters, rejected } = parseFilters(
				new URLSearchParams(
					"province=15');drop table laos;--&type=<script>&fy=99999&dim=0,9&verdict=quarantined"
				)
			);
			expect([filters, rejected]).toEqual([
				EMPTY_FILTERS,
				[
					"province=15');drop table laos;--",
					'type=<script>',
					'dim=0',
					'dim=9',
					'fy=99999',
					'verdict=quarantined'
				]
			]);
			expect((await rank(filters)).length).toBe(national.length);
		});

		// Last: it finishes a run (the data version moves; the data does not).
		it('kept per scope and data version (risk/cached.ts): the same ranking until a run finishes', async () => {
			const get = () => cachedSortedRanking((fn) => fn(db), NATIONAL, EMPTY_FILTERS, 'name', 'asc');
			const first = await get();
			const again = await get();
			expect([again.ranking === first.ranking, again.sorted === first.sorted]).toEqual([
				true,
				true
			]);
			expect([first.ranking.rows, first.sorted]).toEqual([
				national,
				sortRows(national, 'name', 'asc')
			]);
			const id = await startRun(db, {
				kind: 'ingest',
				source: 'risk cache test',
				isSynthetic: false,
				parserVersion: 'test'
			});
			await finishRun(db, id, {}, 'completed');
			const after = await get();
			expect([after.ranking === first.ranking, after.ranking.rows]).toEqual([false, national]);
		});
	});
}
