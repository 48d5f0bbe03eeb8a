/**
 * A release page's engine after the handover: DuckDB-WASM with the release's two extracts, every
 * figure a slice of them (build-release-slice-sql.ts) in the crossfilter's shapes, so the page's
 * Crossfilter state runs it like the overview's. Import only with `import()`: it pulls in
 * DuckDB-WASM and apache-arrow.
 */
import type { ViewFigures } from '../overview.ts';
import { toYear } from '../overview.ts';
import {
	releaseExtractPath,
	RELEASE_EXTRACT_NAMES,
	type ReleaseSummary
} from '../releases/types.ts';
import type { ViewFilters } from '../state/url-filters.ts';
import { without } from '../state/view-axes.ts';
import { buildReleaseSliceSql, type ReleaseSliceKey } from './build-release-slice-sql.ts';
import type { SliceRow } from './build-slice-sql.ts';
import { wasmConnector, type Connector } from './connector.ts';
import type { CrossfilterEngine } from './crossfilter-engine.ts';
import { toBreakdown } from './slice-breakdown.ts';
import { getDuckDB } from './duckdb.ts';
import { toQueryFilters } from './view-filters.ts';

/** The view's figures over a release's tables: each breakdown without its own axis. */
export async function releaseFigures(
	connector: Connector,
	view: ViewFilters
): Promise<ViewFigures> {
	const slice = async (key: ReleaseSliceKey, axis: keyof ViewFilters) =>
		(
			await connector.query<SliceRow>(
				buildReleaseSliceSql(key, toQueryFilters(without(view, axis)))
			)
		).map((row) => toBreakdown(row, key));
	// One connection runs one statement at a time: sequential, not Promise.all.
	const years = (await slice('fiscal_year', 'fiscalYears')).map(toYear);
	const byDimension = await slice('dimension', 'dimensions');
	const byType = await slice('lao_type', 'laoTypes');
	const byProvince = await slice('province_code', 'provinces');
	return { years, byDimension, byType, byProvince, points: null };
}

/** Starts DuckDB-WASM and loads the release's extracts. Throws a QueryError on failure. */
export async function startReleaseEngine(
	release: Pick<ReleaseSummary, 'version' | 'tag'>
): Promise<CrossfilterEngine> {
	const t0 = performance.now();
	// The extracts download while the wasm instantiates (wasmConnector takes the pending engine).
	const connector = wasmConnector(getDuckDB());
	const loaded = await Promise.all(
		RELEASE_EXTRACT_NAMES.map((name) =>
			connector.loadTable(name, releaseExtractPath(release, name))
		)
	);
	const extracts = Object.fromEntries(loaded.map((e) => [e.name, e.rows]));
	return {
		// A release's figures are already aggregates: no cube is built from them.
		stats: {
			extracts,
			cubes: {},
			facts: { plan: 0, report: 0 },
			ms: Math.round(performance.now() - t0)
		},
		figures: (view) => releaseFigures(connector, view),
		close: () => connector.close()
	};
}
