import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db, Driver } from '../../db/client.ts';
import { withTestDatabase } from '../../db/testing.ts';
import { registryFromDb } from '../../etl/load/registry.ts';
import { ingest } from '../../etl/pipeline.ts';
import { buildCubeSql } from '../../src/lib/query/build-cube-sql.ts';
import { buildLaoPointsSql } from '../../src/lib/query/build-lao-points-sql.ts';
import { buildSliceSql, type SliceKey } from '../../src/lib/query/build-slice-sql.ts';
import { toQueryFilters } from '../../src/lib/query/view-filters.ts';
import * as extracts from '../../src/lib/server/extracts/index.ts';
import type { BreakdownKey, Scope } from '../../src/lib/server/extracts/index.ts';
import { LAO_TYPES } from '../../src/lib/query/codes.ts';
import { EMPTY_FILTERS, type ViewFilters } from '../../src/lib/state/url-filters.ts';
import { importSampleRegistry } from '../etl/helpers.ts';
import { openDuckDb, type DuckDb } from './extracts.duckdb.ts';

const NATIONAL: Scope = { kind: 'national' };
const view = (v: Partial<ViewFilters>): ViewFilters => ({ ...EMPTY_FILTERS, ...v });

/** [key, items planned, planned baht, reported, done, not done, disbursed] per group. */
type Brief = [string, number, number, number, number, number, number];
const brief = (rows: extracts.BreakdownRow[]): Brief[] =>
	rows.map((r) => [
		r.key,
		r.itemsPlanned,
		r.plannedBaht,
		r.reportedItems,
		r.done,
		r.notDone,
		r.disbursedBaht
	]);

const SLICE_OF: Record<BreakdownKey, SliceKey> = {
	fiscal_year: 'fiscal_year',
	dimension: 'dimension',
	lao_type: 'lao_type',
	province: 'province_code'
};

/**
 * The overview's figures within the URL's view, on the server (first paint) and in DuckDB over
 * the cubes (after the handover), over the three seed documents: the two must agree exactly.
 * Figures counted in the documents (tests/db/extracts.suite.ts, tests/etl/e2e-seeds.suite.ts).
 */
export function registerOverviewFiltersSuite(driver: Driver): void {
	describe(`overview within the view's filters on ${driver}`, () => {
		let handle: Db;
		let db: Database;
		let duck: DuckDb;

		beforeAll(async () => {
			handle = await withTestDatabase(driver);
			db = handle.db;
			await importSampleRegistry(db);
			await ingest(db, 'fixtures/seeds', { registry: await registryFromDb(db) });
			duck = await openDuckDb();
			for (const name of extracts.EXTRACT_NAMES) {
				duck.load(
					name,
					(await extracts.cachedExtract(extracts.direct(db), name, NATIONAL)).identity
				);
			}
			for (const statement of buildCubeSql()) duck.rows(statement);
		});

		afterAll(async () => {
			duck?.close();
			await handle?.close();
		});

		/** The same breakdown from DuckDB's cubes, in the server's shape. */
		const inDuck = (filters: ViewFilters, by: BreakdownKey): Brief[] =>
			duck
				.rows(buildSliceSql(SLICE_OF[by], toQueryFilters(filters)))
				.map((r) => [
					String(r.key),
					Number(r.items_planned),
					Number(r.planned_baht),
					Number(r.reported_items),
					Number(r.done),
					Number(r.not_done),
					Number(r.disbursed_baht)
				]);

		/** Server and DuckDB give the same groups; returns them for the exact assertion. */
		async function both(filters: ViewFilters, by: BreakdownKey, scope = NATIONAL) {
			const server = brief(await extracts.buildBreakdown(db, scope, filters, by));
			const duckRows = inDuck(filters, by);
			return scope === NATIONAL ? [server, duckRows] : [server, server];
		}

		it('province=52: Phichai alone, 35 items planned for 2568, 185,000.00 baht', async () => {
			const lampang: Brief[] = [['2568', 35, 185_000, 0, 0, 0, 0]];
			expect(await both(view({ provinces: ['52'] }), 'fiscal_year')).toEqual([lampang, lampang]);
			const overview = await extracts.buildOverview(db, NATIONAL, 'v', view({ provinces: ['52'] }));
			expect(
				overview.years.map((y) => [y.fiscalYear, y.itemsPlanned, y.plannedBaht, y.laosCovered])
			).toEqual([[2568, 35, 185_000, 1]]);
			const summary = await extracts.buildProvinceSummary(
				db,
				NATIONAL,
				view({ provinces: ['52'] })
			);
			expect(
				summary.map((r) => [r.provinceCode, r.fiscalYear, r.itemsPlanned, r.zeroBudgetItems])
			).toEqual([['52', 2568, 35, 29]]);
		});

		it('by มิติ: plans 7/15/6/7 items, reports 11/29/5/7 with their done, not done and money', async () => {
			const dims: Brief[] = [
				['1', 7, 115_000, 11, 9, 2, 581_822],
				['2', 15, 0, 29, 27, 2, 26_030],
				['3', 6, 20_000, 5, 5, 0, 20_020],
				['4', 7, 50_000, 7, 7, 0, 0]
			];
			expect(await both(EMPTY_FILTERS, 'dimension')).toEqual([dims, dims]);
		});

		it('dim=1 narrows both years; with province=52 only Phichai’s seven items remain', async () => {
			const dim1: Brief[] = [
				['2566', 0, 0, 11, 9, 2, 581_822],
				['2568', 7, 115_000, 0, 0, 0, 0]
			];
			expect(await both(view({ dimensions: [1] }), 'fiscal_year')).toEqual([dim1, dim1]);
			const both52: Brief[] = [['2568', 7, 115_000, 0, 0, 0, 0]];
			expect(await both(view({ dimensions: [1], provinces: ['52'] }), 'fiscal_year')).toEqual([
				both52,
				both52
			]);
		});

		it('by LAO type and by province; type=provincial_admin_org keeps อบจ.อ่างทอง’s report', async () => {
			const types: Brief[] = [
				['provincial_admin_org', 0, 0, 52, 48, 4, 627_872],
				['town_municipality', 35, 185_000, 0, 0, 0, 0]
			];
			const [server, duckRows] = await both(EMPTY_FILTERS, 'lao_type');
			expect([server, duckRows?.map(([k, ...rest]) => [LAO_TYPES[Number(k)], ...rest])]).toEqual([
				types,
				types
			]);
			const angThong: Brief[] = [['15', 0, 0, 52, 48, 4, 627_872]];
			expect(await both(view({ laoTypes: ['provincial_admin_org'] }), 'province')).toEqual([
				angThong,
				angThong
			]);
		});

		it('verdict: every seed is accepted with warnings, so verdict=accepted leaves nothing', async () => {
			expect(await both(view({ verdicts: ['accepted'] }), 'fiscal_year')).toEqual([[], []]);
			const all = await both(view({ verdicts: ['accepted_with_warnings'] }), 'province');
			expect(all).toEqual([
				[
					['15', 0, 0, 52, 48, 4, 627_872],
					['52', 35, 185_000, 0, 0, 0, 0]
				],
				[
					['15', 0, 0, 52, 48, 4, 627_872],
					['52', 35, 185_000, 0, 0, 0, 0]
				]
			]);
		});

		it('scope comes first: a user of Ang Thong asking for Lampang sees nothing', async () => {
			const angThongOnly: Scope = { kind: 'provinces', codes: ['15'] };
			expect(
				brief(
					await extracts.buildBreakdown(
						db,
						angThongOnly,
						view({ provinces: ['52'] }),
						'fiscal_year'
					)
				)
			).toEqual([]);
			expect(
				brief(await extracts.buildBreakdown(db, angThongOnly, EMPTY_FILTERS, 'province'))
			).toEqual([['15', 0, 0, 52, 48, 4, 627_872]]);
		});

		it('the LAO layer: registered LAOs with coordinates, figures where they have facts', async () => {
			const points = duck.rows(buildLaoPointsSql({}));
			const withFacts = points
				.filter((p) => p.items_planned !== null)
				.map((p) => [p.dla_code, p.province_code, p.items_planned, p.reported_items, p.done]);
			expect(withFacts).toEqual([
				['2150101', '15', 0, 52, 48],
				['4520106', '52', 35, 0, 0]
			]);
			const [{ n } = { n: 0 }] = duck.rows(
				'select count(*)::int as n from dim_lao where lat is not null and lon is not null'
			);
			expect(points.length).toBe(n);
			expect(
				duck.rows(buildLaoPointsSql({ provinces: ['52'], laoTypes: [2] })).map((p) => p.dla_code)
			).toContain('4520106');
		});
	});
}
