/**
 * The crossfilter's engine in the browser: DuckDB-WASM with the five extracts and two LAO-grain
 * cubes built from them; every figure of the overview is then a slice of the cubes, composed by
 * the SQL builders. Import this module only with `import()` (state/crossfilter.svelte.ts does,
 * after the first paint): it pulls in DuckDB-WASM and apache-arrow.
 */
import { toYear, type LaoPoint, type ViewFigures } from '../overview.ts';
import type { ViewFilters } from '../state/url-filters.ts';
import { without } from '../state/view-axes.ts';
import { buildCubeSql, CUBES } from './build-cube-sql.ts';
import { buildLaoPointsSql, type LaoPointRow } from './build-lao-points-sql.ts';
import { buildSliceSql, type SliceKey, type SliceRow } from './build-slice-sql.ts';
import { toBreakdown } from './slice-breakdown.ts';
import { EXTRACT_NAMES } from './codes.ts';
import { wasmConnector, type Connector } from './connector.ts';
import { getDuckDB } from './duckdb.ts';
import { ident } from './sql.ts';
import { toQueryFilters } from './view-filters.ts';

/** What the engine holds once ready: rows per extract and per cube, and how long it took. */
export interface EngineStats {
	extracts: Record<string, number>;
	cubes: { plan: number; report: number };
	ms: number;
}

export interface CrossfilterEngine {
	stats: EngineStats;
	figures(view: ViewFilters, withPoints: boolean): Promise<ViewFigures>;
	close(): Promise<void>;
}

export { toBreakdown };

export function toPoint(r: LaoPointRow): LaoPoint {
	return {
		dlaCode: r.dla_code,
		name: r.name_th,
		provinceCode: r.province_code,
		lat: r.lat,
		lon: r.lon,
		figures:
			r.items_planned === null
				? null
				: {
						itemsPlanned: r.items_planned,
						zeroBudgetItems: r.zero_budget_items ?? 0,
						plannedBaht: r.planned_baht ?? 0,
						reportedItems: r.reported_items ?? 0,
						done: r.done ?? 0,
						notDone: r.not_done ?? 0,
						disbursedBaht: r.disbursed_baht ?? 0
					}
	};
}

/** The view's figures over the cubes: each breakdown without its own axis (crossfilter). */
export async function viewFigures(
	connector: Connector,
	view: ViewFilters,
	withPoints: boolean
): Promise<ViewFigures> {
	const slice = async (key: SliceKey, axis: keyof ViewFilters) =>
		(await connector.query<SliceRow>(buildSliceSql(key, toQueryFilters(without(view, axis))))).map(
			(row) => toBreakdown(row, key)
		);
	// One connection runs one statement at a time: sequential, not Promise.all.
	const years = (await slice('fiscal_year', 'fiscalYears')).map(toYear);
	const byDimension = await slice('dimension', 'dimensions');
	const byType = await slice('lao_type', 'laoTypes');
	const byProvince = await slice('province_code', 'provinces');
	const points = withPoints
		? (
				await connector.query<LaoPointRow>(
					buildLaoPointsSql(toQueryFilters(without(view, 'provinces')))
				)
			).map(toPoint)
		: null;
	return { years, byDimension, byType, byProvince, points };
}

/** Starts DuckDB-WASM, loads the extracts and builds the cubes. Throws a QueryError on failure. */
export async function startEngine(): Promise<CrossfilterEngine> {
	const t0 = performance.now();
	const connector = wasmConnector(await getDuckDB());
	const extracts: Record<string, number> = {};
	for (const name of EXTRACT_NAMES) extracts[name] = (await connector.loadExtract(name)).rows;
	const cubes = { plan: 0, report: 0 };
	for (const kind of ['plan', 'report'] as const) {
		await connector.query(buildCubeSql(kind));
		const [count] = await connector.query<{ n: number }>(
			`select count(*)::integer as ${ident('n')} from ${ident(CUBES[kind])}`
		);
		cubes[kind] = count?.n ?? 0;
	}
	return {
		stats: { extracts, cubes, ms: Math.round(performance.now() - t0) },
		figures: (view, withPoints) => viewFigures(connector, view, withPoints),
		close: () => connector.close()
	};
}
