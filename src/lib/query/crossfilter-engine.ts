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
import type { ExtractName } from './codes.ts';
import { toBreakdown } from './slice-breakdown.ts';
import { wasmConnector, type Connector } from './connector.ts';
import { getDuckDB } from './duckdb.ts';
import { ident } from './sql.ts';
import { toQueryFilters } from './view-filters.ts';

/** What the engine holds once ready: rows per extract and per cube, and how long it took. */
export interface EngineStats {
	extracts: Record<string, number>;
	/** Rows per cube table. */
	cubes: Record<string, number>;
	/** How many plan and report items (fact rows) the cubes stand for. */
	facts: { plan: number; report: number };
	ms: number;
}

/**
 * What the crossfilter loads: the facts already summed per LAO × year × มิติ × verdict, and the
 * LAOs (province, type, name, coordinates). The raw facts (facts_plan, facts_report) and
 * dim_document stay on the server until a raw-fact query asks for them.
 */
export const ENGINE_EXTRACTS = ['facts_cube', 'dim_lao'] as const satisfies readonly ExtractName[];

/** performance.measure() names, read by bench/dashboard.ts. */
export const MEASURES = {
	ready: 'sujarit:engine-ready',
	load: (name: string) => `sujarit:load:${name}`,
	/** One slice query over the cubes (four per view: years, มิติ, LAO type, province). */
	slice: 'sujarit:slice',
	cubes: 'sujarit:cubes'
} as const;

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
	const slice = async (key: SliceKey, axis: keyof ViewFilters) => {
		const start = performance.now();
		const rows = await connector.query<SliceRow>(
			buildSliceSql(key, toQueryFilters(without(view, axis)))
		);
		performance.measure(MEASURES.slice, { start });
		return rows.map((row) => toBreakdown(row, key));
	};
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

/**
 * Starts DuckDB-WASM, loads the extracts and builds the cubes. Throws a QueryError on failure.
 * The extracts are fetched while the wasm instantiates (wasmConnector takes the pending engine).
 */
export async function startEngine(): Promise<CrossfilterEngine> {
	const t0 = performance.now();
	const connector = wasmConnector(getDuckDB());
	const loaded = await Promise.all(
		ENGINE_EXTRACTS.map(async (name) => {
			const extract = await connector.loadExtract(name);
			performance.measure(MEASURES.load(name), { start: t0, duration: extract.ms });
			return extract;
		})
	);
	const extracts = Object.fromEntries(loaded.map((e) => [e.name, e.rows]));
	const t1 = performance.now();
	for (const statement of buildCubeSql()) await connector.query(statement);
	const cubes: Record<string, number> = {};
	for (const { table } of CUBES) {
		const [count] = await connector.query<{ n: number }>(
			`select count(*)::integer as ${ident('n')} from ${ident(table)}`
		);
		cubes[table] = count?.n ?? 0;
	}
	const [items] = await connector.query<{ plan: number; report: number }>(
		`select coalesce(sum(${ident('plan_items')}), 0)::integer as ${ident('plan')}, ` +
			`coalesce(sum(${ident('report_items')}), 0)::integer as ${ident('report')} from ${ident('cube')}`
	);
	const facts = { plan: items?.plan ?? 0, report: items?.report ?? 0 };
	performance.measure(MEASURES.cubes, { start: t1 });
	performance.measure(MEASURES.ready, { start: t0 });
	return {
		stats: { extracts, cubes, facts, ms: Math.round(performance.now() - t0) },
		figures: (view, withPoints) => viewFigures(connector, view, withPoints),
		close: () => connector.close()
	};
}
