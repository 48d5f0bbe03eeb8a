import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db, Driver } from '../../db/client.ts';
import { withTestDatabase } from '../../db/testing.ts';
import { runDemo } from '../../etl/demo/run.ts';
import { registryFromDb } from '../../etl/load/registry.ts';
import { ingest } from '../../etl/pipeline.ts';
import type { Scope } from '../../src/lib/server/extracts/index.ts';
import * as lists from '../../src/lib/server/lists/index.ts';
import { LIST_NAMES, PAGE_SIZE, type ListName } from '../../src/lib/lists/columns.ts';
import { EMPTY_FILTERS, type ViewFilters } from '../../src/lib/state/url-filters.ts';
import { importSampleRegistry, tempDir } from '../etl/helpers.ts';

const NATIONAL: Scope = { kind: 'national' };
/** A demo of 40 LAOs over two years on top of the three seed documents: thousands of list rows. */
const DEMO = { laos: 40, years: [2567, 2568], seed: 11 };

/**
 * The lists' snapshots (src/lib/server/lists/snapshot.ts: one statement, a row_number() window
 * per order) against the lists' own SQL (`fetchList`: the base query ORDER BY … LIMIT, the path
 * pages took before): every list, every order a request may ask for, both languages, several
 * views and scopes, row for row. The snapshot serves every page, sort and export, so this is what
 * holds them to the documented order.
 */
export function registerListSnapshotSuite(driver: Driver): void {
	describe(`list snapshots on ${driver}`, () => {
		let handle: Db;
		let db: Database;
		let out: { path: string; remove(): Promise<void> };

		beforeAll(async () => {
			handle = await withTestDatabase(driver);
			db = handle.db;
			await importSampleRegistry(db);
			await ingest(db, 'fixtures/seeds', { registry: await registryFromDb(db) });
			out = await tempDir('list-snapshot-demo');
			await runDemo(db, { ...DEMO, out: out.path, ingest: true });
		}, 600_000);

		afterAll(async () => {
			await handle?.close();
			await out?.remove();
		});

		const views: [string, Partial<ViewFilters>][] = [
			['every row', {}],
			['FY2568', { fiscalYears: [2568] }],
			['มิติ 2 and 4', { dimensions: [2, 4] }],
			['Lampang', { provinces: ['52'] }],
			['subdistrict admin orgs', { laoTypes: ['subdistrict_admin_org'] }],
			['warned documents', { verdicts: ['accepted_with_warnings'] }]
		];
		const scopes: [string, Scope][] = [
			['national', NATIONAL],
			['officer of 52', { kind: 'provinces', codes: ['52'] }],
			['officer of 15 and 90', { kind: 'provinces', codes: ['15', '90'] }]
		];

		for (const list of LIST_NAMES) {
			it(`${list}: every order of every view and scope equals the list's ORDER BY`, async () => {
				let compared = 0;
				let rowsCompared = 0;
				for (const [, scope] of scopes) {
					for (const [, view] of views) {
						const filters: ViewFilters = { ...EMPTY_FILTERS, ...view };
						const snapshot = await lists.snapshotList(db, scope, list, filters);
						const base = {
							list,
							filters,
							sort: 'province',
							dir: 'asc' as const,
							lang: 'th' as const
						};
						expect(
							{ total: snapshot.rows.length, anySynthetic: snapshot.anySynthetic },
							`${list} count`
						).toEqual(await lists.countList(db, scope, base));
						for (const order of lists.listOrders(list)) {
							const query = { ...base, ...order };
							const expected = await lists.fetchList(db, scope, query, null, 1_000_000);
							const actual = lists.readSnapshot(snapshot, order, 0, snapshot.rows.length);
							expect(actual, `${list} ${lists.orderName(list, order)}`).toEqual(expected);
							compared++;
							rowsCompared += actual.length;
						}
					}
				}
				console.log(`${list}: ${compared} orders compared, ${rowsCompared} rows`);
				expect(rowsCompared).toBeGreaterThan(0);
			}, 600_000);
		}

		it('the demo makes the lists long: 245 not done, 579 zero-budget, 333 unreported, 7 failed', async () => {
			const totals: Partial<Record<ListName, number>> = {};
			for (const list of LIST_NAMES) {
				totals[list] = (await lists.snapshotList(db, NATIONAL, list, EMPTY_FILTERS)).rows.length;
			}
			// Seeds (4 not done, 185 unreported register LAO-years, …) plus demo seed 11.
			expect(totals).toEqual({ not_done: 245, zero_budget: 579, no_report: 333, failed_docs: 7 });
		}, 120_000);

		it('a page and a later page are cut from one snapshot, kept until a run finishes', async () => {
			const run = (fn: (db: Database) => Promise<unknown>) => fn(db);
			const first = await lists.cachedSnapshot(run as never, NATIONAL, 'not_done', EMPTY_FILTERS);
			const again = await lists.cachedSnapshot(run as never, NATIONAL, 'not_done', EMPTY_FILTERS);
			expect(again).toBe(first);
			const request = {
				list: 'not_done' as const,
				filters: EMPTY_FILTERS,
				sort: 'budget',
				dir: 'desc' as const,
				page: 2,
				format: 'json' as const
			};
			const page = await lists.loadListPage(run as never, NATIONAL, request, 'en');
			if (!page.ok) throw new Error(page.error.message);
			expect(page.page.rows).toEqual(
				(await lists.fetchList(db, NATIONAL, { ...request, lang: 'en' }, null, 1_000_000)).slice(
					PAGE_SIZE,
					2 * PAGE_SIZE
				)
			);
		});
	});
}
