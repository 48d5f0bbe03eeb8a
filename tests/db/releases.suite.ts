import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db, Driver } from '../../db/client.ts';
import { withTestDatabase } from '../../db/testing.ts';
import { runDemo } from '../../etl/demo/run.ts';
import { registryFromDb } from '../../etl/load/registry.ts';
import { ingest } from '../../etl/pipeline.ts';
import {
	buildReleaseSliceSql,
	type ReleaseSliceKey
} from '../../src/lib/query/build-release-slice-sql.ts';
import { toBreakdown } from '../../src/lib/query/slice-breakdown.ts';
import { toQueryFilters } from '../../src/lib/query/view-filters.ts';
import { RELEASE_EXTRACT_NAMES } from '../../src/lib/releases/types.ts';
import { inScope, type DbScope } from '../../src/lib/server/db/scoped.ts';
import * as extracts from '../../src/lib/server/extracts/index.ts';
import * as releases from '../../src/lib/server/releases/index.ts';
import * as pageReads from '../../src/lib/server/releases/view-reads.ts';
import { EMPTY_FILTERS, type ViewFilters } from '../../src/lib/state/url-filters.ts';
import { importSampleRegistry, rows, SEED, SEEDS_DIR, tempDir } from '../etl/helpers.ts';
import { openDuckDb, type DuckDb } from './extracts.duckdb.ts';

const NATIONAL: DbScope = { kind: 'national' };
const PUBLIC: DbScope = { kind: 'public' };
const view = (v: Partial<ViewFilters>): ViewFilters => ({ ...EMPTY_FILTERS, ...v });
const FIRST = new Date('2025-01-15T03:00:00.000Z');
const SECOND = new Date('2025-02-01T09:30:00.000Z');

/** [key, items planned, planned baht, reported, done, not done, disbursed, LAOs with plan, reporting]. */
type Brief = [string, number, number, number, number, number, number, number, number];

function briefs(
	list: {
		key: string;
		itemsPlanned: number;
		plannedBaht: number;
		reportedItems: number;
		done: number;
		notDone: number;
		disbursedBaht: number;
		laosCovered: number;
		laosReporting: number;
	}[]
): Brief[] {
	return list
		.map((r): Brief => [
			r.key,
			r.itemsPlanned,
			r.plannedBaht,
			r.reportedItems,
			r.done,
			r.notDone,
			r.disbursedBaht,
			r.laosCovered,
			r.laosReporting
		])
		.sort((a, b) => a[0].localeCompare(b[0]));
}

/** Copies some of the seed documents into a folder of their own, to ingest them apart. */
function seedsFolder(root: string, name: string, files: string[]): string {
	const dir = join(root, name);
	mkdirSync(dir, { recursive: true });
	for (const file of files) copyFileSync(join(SEEDS_DIR, file), join(dir, file));
	return dir;
}

/**
 * Public releases on one driver: publishing (national scope, one transaction, immutable), the
 * preview against the latest release, the public reads (scope 'public', release tables only),
 * the release's extracts in DuckDB equal to the server's figures, and the key property — a
 * document ingested after a release is invisible to every public read until the next release.
 * Figures are the seeds' own (tests/etl/e2e-seeds.suite.ts): Ang Thong's FY2566 report 52 items,
 * 48 done, 4 not done, 627,872.00 disbursed; Phichai's FY2568 annual plan 35 items, 185,000.00.
 */
export function registerReleasesSuite(driver: Driver): void {
	describe(`public releases on ${driver}`, () => {
		let handle: Db;
		let db: Database;
		let folders: Awaited<ReturnType<typeof tempDir>>;
		const national = <T>(fn: (tx: Database) => Promise<T>) => inScope(db, NATIONAL, fn);
		const anonymous = <T>(fn: (tx: Database) => Promise<T>) =>
			inScope(db, PUBLIC, fn, { readOnly: true });

		/** Everything the public pages can read of the latest release, in one value. */
		async function publicView() {
			return anonymous(async (tx) => {
				const latest = await releases.latestRelease(tx);
				if (!latest) return null;
				const chosen = view({ provinces: ['15', '52'] });
				return {
					release: releases.summaryOf(latest),
					list: (await releases.listReleases(tx)).map((r) => r.version),
					years: await releases.releaseYears(tx, latest.id),
					figures: await releases.releaseViewFigures(tx, latest.id, EMPTY_FILTERS),
					counts: await releases.provinceLaoCounts(tx, latest.id, EMPTY_FILTERS),
					laos: await releases.releaseLaoList(tx, latest.id, chosen),
					documentCounts: await releases.releaseDocumentCounts(tx, latest.id),
					documents: await releases.releaseDocumentList(tx, latest.id, EMPTY_FILTERS),
					extracts: await Promise.all(
						RELEASE_EXTRACT_NAMES.map(async (name) =>
							Buffer.from(
								(await releases.cachedReleaseExtract(tx, latest, name)).identity
							).toString('base64')
						)
					)
				};
			});
		}

		beforeAll(async () => {
			handle = await withTestDatabase(driver);
			db = handle.db;
			folders = await tempDir('releases');
			await importSampleRegistry(db);
			// The report and the multi-year plan first; Phichai's annual plan after release 1.
			await ingest(db, seedsFolder(folders.path, 'first', [SEED.report, SEED.plan]), {
				registry: await registryFromDb(db)
			});
		});

		afterAll(async () => {
			await folders?.remove();
			await handle?.close();
		});

		it('refuses to publish outside national scope (a caller’s bug, thrown)', async () => {
			await expect(
				releases.publishRelease(db, { publishedBy: null, note: '', now: FIRST })
			).rejects.toMatchObject({ code: 'release_scope', scope: 'maintenance' });
			await expect(
				inScope(db, { kind: 'provinces', codes: ['15'] }, (tx) =>
					releases.publishRelease(tx, { publishedBy: null, note: '', now: FIRST })
				)
			).rejects.toMatchObject({ code: 'release_scope', scope: 'provinces' });
			// Row-level security is the second wall: the public scope cannot insert a release.
			await expect(
				inScope(db, PUBLIC, (tx) =>
					tx.execute(sql`insert into releases (version, data_version, document_count,
						includes_synthetic) values (99, 'x', 0, false)`)
				)
			).rejects.toThrow();
			expect(await publicView()).toBeNull();
		});

		it('previews the first release: every accepted document added, two provinces', async () => {
			const preview = await national((tx) => releases.previewRelease(tx));
			expect({
				latest: preview.latest,
				nextVersion: preview.nextVersion,
				documentCount: preview.documentCount,
				added: preview.documentsAdded.map((d) => [
					d.kind,
					d.laoNameTh,
					d.provinceCode,
					d.fiscalYears,
					d.itemCount
				]),
				addedCount: preview.documentsAddedCount,
				removed: preview.documentsRemovedCount,
				unchanged: preview.unchanged
			}).toEqual({
				latest: null,
				nextVersion: 1,
				documentCount: 2,
				added: [
					['progress_report', 'อ่างทอง', '15', [2566], 52],
					['multi_year_plan', 'สมุทรสงคราม', '75', [2566, 2567, 2568, 2569, 2570], 35]
				],
				addedCount: 2,
				removed: 0,
				unchanged: false
			});
			const report = {
				planItems: 0,
				plannedBaht: 0,
				reportItems: 52,
				done: 48,
				notDone: 4,
				disbursedBaht: 627_872
			};
			// The multi-year plan contributes no figures (annual tables only, as the overview).
			expect(preview.provinces).toEqual([{ provinceCode: '15', before: null, after: report }]);
			expect(preview.totals).toEqual({ before: null, after: report });
		});

		it('publishes release 1 in one national transaction, with its note and counts', async () => {
			const release = await national((tx) =>
				releases.publishRelease(tx, {
					publishedBy: null,
					note: 'ฉบับแรก: รายงานอ่างทอง\nFirst release',
					now: FIRST
				})
			);
			// (The refused insert above spent the identity's first value: ids are not versions.)
			expect({ ...release, id: typeof release.id, tag: release.tag.length }).toEqual({
				id: 'number',
				version: 1,
				publishedAt: '2025-01-15T03:00:00.000Z',
				publishedBy: null,
				note: 'ฉบับแรก: รายงานอ่างทอง\nFirst release',
				// runs finished . last run . the transaction that rebuilt fact_cube (cache.ts)
				dataVersion: expect.stringMatching(/^2\.2\.\d+$/),
				documentCount: 2,
				includesSynthetic: false,
				tag: 16
			});
			const stored = await rows(
				db,
				sql`select (select count(*) from release_figures)::int as figures,
					(select count(*) from release_laos)::int as laos,
					(select count(*) from release_documents)::int as documents`
			);
			// Ang Thong's report: four มิติ in one province × type × year; one LAO-year; two documents.
			expect(stored).toEqual([{ figures: 4, laos: 1, documents: 2 }]);
		});

		it('shows release 1 to the public: Ang Thong’s FY2566 report, exactly', async () => {
			const seen = await publicView();
			expect(seen?.release).toMatchObject({
				version: 1,
				documentCount: 2,
				includesSynthetic: false
			});
			expect(seen?.list).toEqual([1]);
			expect(seen?.years).toEqual([2566]);
			expect(briefs(seen?.figures.byProvince ?? [])).toEqual([
				['15', 0, 0, 52, 48, 4, 627_872, 0, 1]
			]);
			expect(seen?.figures.years).toEqual([
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
				}
			]);
			expect(seen?.counts).toEqual([{ provinceCode: '15', laosWithPlan: 0, laosReporting: 1 }]);
			expect(seen?.laos).toEqual({
				total: 1,
				rows: [
					{
						dlaCode: '2150101',
						nameTh: 'อ่างทอง',
						laoType: 'provincial_admin_org',
						provinceCode: '15',
						planYears: [],
						reportYears: [2566],
						isSynthetic: false
					}
				]
			});
			expect(seen?.documentCounts).toEqual({
				total: 2,
				annualPlans: 0,
				reports: 1,
				multiYearPlans: 1,
				synthetic: 0
			});
		});

		let beforeIngest: Awaited<ReturnType<typeof publicView>>;

		it('hides a document ingested after the release from every public read', async () => {
			beforeIngest = await publicView();
			await ingest(db, seedsFolder(folders.path, 'after', [SEED.annual]), {
				registry: await registryFromDb(db)
			});
			// The dashboard (national scope, live tables) has Phichai's 185,000.00 at once…
			const overview = await national((tx) => extracts.buildOverview(tx, { kind: 'national' }));
			expect(overview.years.map((y) => [y.fiscalYear, y.itemsPlanned, y.plannedBaht])).toEqual([
				[2566, 0, 0],
				[2568, 35, 185_000]
			]);
			// …the public, reading releases only, sees nothing of it: every read is as it was.
			expect(await publicView()).toEqual(beforeIngest);
			// And the public scope cannot reach the live tables at all (row-level security).
			const leaked = await anonymous((tx) =>
				rows(
					tx,
					sql`select (select count(*) from fact_cube)::int as cube,
						(select count(*) from source_documents)::int as documents,
						(select count(*) from plan_items)::int as items,
						(select count(*) from laos)::int as laos`
				)
			);
			expect(leaked).toEqual([{ cube: 0, documents: 0, items: 0, laos: 0 }]);
		});

		it('previews release 2 against release 1: Phichai’s plan added, Lampang changed', async () => {
			const preview = await national((tx) => releases.previewRelease(tx));
			expect({
				latest: preview.latest?.version,
				nextVersion: preview.nextVersion,
				added: preview.documentsAdded.map((d) => [
					d.kind,
					d.laoNameTh,
					d.provinceCode,
					d.itemCount,
					d.sha256.length
				]),
				removed: preview.documentsRemovedCount,
				provinces: preview.provinces,
				unchanged: preview.unchanged
			}).toEqual({
				latest: 1,
				nextVersion: 2,
				// item_count: the annual table's 35 and the multi-year excerpt's 24 (both stored).
				added: [['annual_plan', 'พิชัย', '52', 59, 12]],
				removed: 0,
				provinces: [
					{
						provinceCode: '52',
						before: null,
						after: {
							planItems: 35,
							plannedBaht: 185_000,
							reportItems: 0,
							done: 0,
							notDone: 0,
							disbursedBaht: 0
						}
					}
				],
				unchanged: false
			});
			expect(preview.totals.after).toEqual({
				planItems: 35,
				plannedBaht: 185_000,
				reportItems: 52,
				done: 48,
				notDone: 4,
				disbursedBaht: 627_872
			});
		});

		it('publishes release 2 with the new document; release 1 stays exactly as it was', async () => {
			const second = await national((tx) =>
				releases.publishRelease(tx, { publishedBy: null, note: '', now: SECOND })
			);
			expect([second.version, second.documentCount, second.publishedAt]).toEqual([
				2,
				3,
				'2025-02-01T09:30:00.000Z'
			]);
			const seen = await publicView();
			expect(seen?.list).toEqual([2, 1]);
			expect(seen?.years).toEqual([2566, 2568]);
			expect(briefs(seen?.figures.byProvince ?? [])).toEqual([
				['15', 0, 0, 52, 48, 4, 627_872, 0, 1],
				['52', 35, 185_000, 0, 0, 0, 0, 1, 0]
			]);
			expect(
				seen?.figures.years.map((y) => [
					y.fiscalYear,
					y.itemsPlanned,
					y.plannedBaht,
					y.zeroBudgetShare
				])
			).toEqual([
				[2566, 0, 0, null],
				[2568, 35, 185_000, 29 / 35]
			]);
			expect(seen?.laos.rows.map((l) => [l.dlaCode, l.nameTh, l.planYears, l.reportYears])).toEqual(
				[
					['2150101', 'อ่างทอง', [], [2566]],
					['4520106', 'พิชัย', [2568], []]
				]
			);
			expect(
				seen?.documents.rows.map((d) => [
					d.provinceCode,
					d.kind,
					d.laoNameTh,
					d.fiscalYears,
					d.verdict
				])
			).toEqual([
				['15', 'progress_report', 'อ่างทอง', [2566], 'accepted_with_warnings'],
				['52', 'annual_plan', 'พิชัย', [2568], 'accepted_with_warnings'],
				[
					'75',
					'multi_year_plan',
					'สมุทรสงคราม',
					[2566, 2567, 2568, 2569, 2570],
					'accepted_with_warnings'
				]
			]);
			// Release 1, read again by its version, has not moved.
			const first = await anonymous(async (tx) => {
				const r = await releases.releaseByVersion(tx, 1);
				return r && (await releases.releaseViewFigures(tx, r.id, EMPTY_FILTERS));
			});
			expect(first).toEqual(beforeIngest?.figures);
			const nothingNew = await national((tx) => releases.previewRelease(tx));
			expect([nothingNew.unchanged, nothingNew.provinces, nothingNew.documentsAddedCount]).toEqual([
				true,
				[],
				0
			]);
		});

		it('keeps a page’s reads per release and axis: one read for readers at once, none for a มิติ', async () => {
			pageReads.forgetReleaseReads();
			// Each read not kept opens a read-only transaction of its own in scope 'public'.
			let transactions = 0;
			const run: pageReads.PublicRun = (fn) => {
				transactions += 1;
				return anonymous(fn);
			};
			const [first, second] = await anonymous(async (tx) => [
				(await releases.releaseByVersion(tx, 1))!,
				(await releases.releaseByVersion(tx, 2))!
			]);
			// Two readers at once, on views that differ by their มิติ only.
			const [dim1, dim2] = await Promise.all([
				pageReads.readReleaseView(run, second, view({ dimensions: [1] })),
				pageReads.readReleaseView(run, second, view({ dimensions: [2] }))
			]);
			const counted = { kept: pageReads.keptReleaseReads(), transactions };
			const again = await pageReads.readReleaseView(run, second, view({ dimensions: [1] }));
			const angThong = await pageReads.readReleaseView(run, second, view({ provinces: ['15'] }));
			const older = await pageReads.readReleaseView(run, first, EMPTY_FILTERS);
			const direct = await anonymous(async (tx) => ({
				figures1: await releases.releaseViewFigures(tx, second.id, view({ dimensions: [1] })),
				documents: await releases.releaseDocumentList(tx, second.id, EMPTY_FILTERS, 20),
				counts: await releases.releaseDocumentCounts(tx, second.id),
				angThongLaos: await releases.releaseLaoList(tx, second.id, view({ provinces: ['15'] }))
			}));
			// years, document counts, documents, per-province counts, and two views' figures: six
			// reads, one transaction each; the view read again, none.
			expect(counted).toEqual({ kept: 6, transactions: 6 });
			expect(again.figures).toBe(dim1.figures);
			// The same object: read once, for both readers.
			expect(dim2.documents).toBe(dim1.documents);
			expect(dim2.documentCounts).toBe(dim1.documentCounts);
			expect(dim2.years).toBe(dim1.years);
			expect(dim2.provinceCounts).toBe(dim1.provinceCounts);
			expect(dim2.figures).not.toBe(dim1.figures);
			expect(dim1.figures).toEqual(direct.figures1);
			expect(dim1.documents).toEqual(direct.documents);
			expect(dim1.documents.total).toBe(3);
			expect(dim1.documentCounts).toEqual(direct.counts);
			expect([dim1.laos, dim2.laos]).toEqual([null, null]);
			// A province chosen: its LAOs and all its documents; the years and counts as kept.
			expect(angThong.laos).toEqual(direct.angThongLaos);
			expect(angThong.documents.rows.map((d) => [d.provinceCode, d.kind])).toEqual([
				['15', 'progress_report']
			]);
			expect(angThong.years).toBe(dim1.years);
			// Release 1 is kept apart: two documents, one year.
			expect([older.documentCounts.total, older.years, dim1.years]).toEqual([
				2,
				[2566],
				[2566, 2568]
			]);
		});

		it('equals the overview: the same figures per year, มิติ, LAO type and province', async () => {
			const filters = [
				EMPTY_FILTERS,
				view({ provinces: ['52'] }),
				view({ dimensions: [1] }),
				view({ laoTypes: ['provincial_admin_org'], fiscalYears: [2566] })
			];
			const keys = [
				['fiscal_year', 'years'],
				['dimension', 'byDimension'],
				['lao_type', 'byType'],
				['province', 'byProvince']
			] as const;
			const strip = (list: { key: string; [k: string]: unknown }[]) =>
				list.map(({ laosCovered: _c, laosReporting: _r, ...rest }) => rest);
			for (const f of filters) {
				const published = await anonymous(async (tx) => {
					const latest = await releases.latestRelease(tx);
					return releases.releaseViewFigures(tx, latest!.id, f);
				});
				const live = await national(async (tx) => ({
					years: (
						await extracts.buildOverview(tx, { kind: 'national' }, '', { ...f, fiscalYears: [] })
					).years,
					byDimension: await extracts.buildBreakdown(
						tx,
						{ kind: 'national' },
						{ ...f, dimensions: [] },
						'dimension'
					),
					byType: await extracts.buildBreakdown(
						tx,
						{ kind: 'national' },
						{ ...f, laoTypes: [] },
						'lao_type'
					),
					byProvince: await extracts.buildBreakdown(
						tx,
						{ kind: 'national' },
						{ ...f, provinces: [] },
						'province'
					)
				}));
				for (const [, field] of keys) {
					// LAO counts differ by design under a มิติ filter (release_laos has no มิติ).
					const a = strip(published[field] as never);
					const b = strip(live[field] as never);
					expect([JSON.stringify(f), field, a]).toEqual([JSON.stringify(f), field, b]);
				}
			}
		});

		describe('the release extracts in DuckDB-WASM', () => {
			let duck: DuckDb;

			beforeAll(async () => {
				duck = await openDuckDb();
				await anonymous(async (tx) => {
					const latest = await releases.latestRelease(tx);
					for (const name of RELEASE_EXTRACT_NAMES) {
						duck.load(name, (await releases.cachedReleaseExtract(tx, latest!, name)).identity);
					}
				});
			});

			afterAll(() => duck?.close());

			it('carry the release: 8 figure rows, 2 LAO-years, with their format metadata', async () => {
				const counts = duck.rows(
					`select (select count(*) from release_figures)::int as figures,
						(select count(*) from release_laos)::int as laos`
				);
				expect(counts).toEqual([{ figures: 8, laos: 2 }]);
				const table = await anonymous(async (tx) => {
					const latest = await releases.latestRelease(tx);
					return tableFromIPC(
						(await releases.cachedReleaseExtract(tx, latest!, 'release_laos')).identity
					);
				});
				expect([
					table.schema.fields.map((f) => f.name),
					table.schema.metadata.get('sujarit.release')
				]).toEqual([
					[
						'lao_dla_code',
						'province_code',
						'lao_type',
						'fiscal_year',
						'has_annual_plan',
						'has_report',
						'is_synthetic'
					],
					'2'
				]);
			});

			it('give the server’s figures for every view and key (crossfilter slices)', async () => {
				const views = [
					EMPTY_FILTERS,
					view({ provinces: ['52'] }),
					view({ dimensions: [1] }),
					view({ dimensions: [2], provinces: ['15'] }),
					view({ laoTypes: ['town_municipality'] }),
					view({ fiscalYears: [2566] }),
					view({ provinces: ['10'] })
				];
				const keys: [
					ReleaseSliceKey,
					keyof Omit<ViewFilters, 'verdicts'>,
					'years' | 'byDimension' | 'byType' | 'byProvince'
				][] = [
					['fiscal_year', 'fiscalYears', 'years'],
					['dimension', 'dimensions', 'byDimension'],
					['lao_type', 'laoTypes', 'byType'],
					['province_code', 'provinces', 'byProvince']
				];
				for (const v of views) {
					const server = await anonymous(async (tx) => {
						const latest = await releases.latestRelease(tx);
						return releases.releaseViewFigures(tx, latest!.id, v);
					});
					for (const [key, axis, field] of keys) {
						const inDuck = duck
							.rows(buildReleaseSliceSql(key, toQueryFilters({ ...v, [axis]: [] })))
							.map((row) => toBreakdown(row as never, key));
						const fromServer =
							field === 'years'
								? server.years.map((y) => ({
										key: String(y.fiscalYear),
										laosCovered: y.laosCovered,
										laosReporting: y.laosReporting,
										itemsPlanned: y.itemsPlanned,
										plannedBaht: y.plannedBaht,
										reportedItems: y.reportedItems,
										done: y.done,
										notDone: y.notDone,
										disbursedBaht: y.disbursedBaht
									}))
								: server[field];
						expect([JSON.stringify(v), key, briefs(inDuck)]).toEqual([
							JSON.stringify(v),
							key,
							briefs(fromServer as never)
						]);
					}
				}
				// And one exact value from DuckDB: by มิติ, the seeds' own split.
				expect(
					briefs(
						duck
							.rows(buildReleaseSliceSql('dimension', {}))
							.map((row) => toBreakdown(row as never, 'dimension'))
					)
				).toEqual([
					['1', 7, 115_000, 11, 9, 2, 581_822, 0, 0],
					['2', 15, 0, 29, 27, 2, 26_030, 0, 0],
					['3', 6, 20_000, 5, 5, 0, 20_020, 0, 0],
					['4', 7, 50_000, 7, 7, 0, 0, 0, 0]
				]);
			});
		});

		it('serves an extract immutable under its tag, revalidated without, 304 on its ETag', async () => {
			const answers = await anonymous(async (tx) => {
				const latest = (await releases.latestRelease(tx))!;
				const payload = await releases.cachedReleaseExtract(tx, latest, 'release_laos');
				const get = (headers: Record<string, string>, tagged: boolean) =>
					releases.serveReleaseExtract(
						new Request('http://x/api/public/releases/2/release_laos', { headers }),
						payload,
						tagged
					);
				const tagged = await get({ 'accept-encoding': 'br, gzip' }, true);
				const untagged = await get({}, false);
				const again = await get({ 'if-none-match': tagged.headers.get('etag') ?? '' }, true);
				return [tagged, untagged, again].map((r) => [
					r.status,
					r.headers.get('cache-control'),
					r.headers.get('content-encoding'),
					r.headers.get('etag') === `W/"${latest.tag}.release_laos"`
				]);
			});
			expect(answers).toEqual([
				[200, 'public, max-age=31536000, immutable', 'br', true],
				[200, 'public, no-cache', null, true],
				[304, 'public, max-age=31536000, immutable', null, true]
			]);
		});

		it('keeps releases immutable: no update, even by the owner; the app role cannot delete', async () => {
			const first = sql`(select id from releases where version = 1)`;
			/** The database's own message (drizzle wraps it as the cause). */
			const refusal = (query: Promise<unknown>) =>
				query.then(
					() => 'no error',
					(e: Error) => (e.cause instanceof Error ? e.cause.message : e.message)
				);
			expect(
				await Promise.all([
					refusal(
						db.execute(sql`update release_figures set done = done + 1 where release_id = ${first}`)
					),
					refusal(db.execute(sql`update releases set note = 'changed' where version = 1`)),
					refusal(
						national((tx) =>
							tx.execute(sql`delete from release_documents where release_id = ${first}`)
						)
					)
				])
			).toEqual([
				'releases are immutable: release_figures cannot be updated',
				'releases are immutable: releases cannot be updated',
				'permission denied for table release_documents'
			]);
			const [row] = await rows(db, sql`select note from releases where version = 1`);
			expect(row).toEqual({ note: 'ฉบับแรก: รายงานอ่างทอง\nFirst release' });
			// The one update let through: the foreign key's ON DELETE SET NULL of the publisher.
			await db.execute(sql`update releases set published_by = null where version = 1`);
			expect(
				await refusal(db.execute(sql`update releases set published_by = null, note = 'x'`))
			).toBe('releases are immutable: releases cannot be updated');
		});

		it('labels a release with synthetic demo rows as such', async () => {
			const out = await tempDir('releases-demo');
			try {
				await runDemo(db, { laos: 2, years: [2568], seed: 5, out: out.path, ingest: true });
			} finally {
				await out.remove();
			}
			const third = await national((tx) =>
				releases.publishRelease(tx, {
					publishedBy: null,
					note: '',
					now: new Date(SECOND.getTime() + 1000)
				})
			);
			const counts = await anonymous((tx) => releases.releaseDocumentCounts(tx, third.id));
			expect([
				third.version,
				third.includesSynthetic,
				counts.synthetic > 0,
				counts.total - counts.synthetic
			]).toEqual([3, true, true, 3]);
		});
	});
}
