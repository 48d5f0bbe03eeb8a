import { sql } from 'drizzle-orm';
import type { Table } from 'apache-arrow';
import type { Database } from '../../../../db/client.ts';
import { toTable, type Column } from './arrow.ts';
import { factsCube } from './cube.ts';
import { factsPlan, factsReport } from './facts.ts';
import { dimDocument, dimLao, dimProvince } from './dimensions.ts';
import { scopeKey, type Scope } from './scope.ts';

type Query = (
	db: Database,
	scope: Scope
) => Promise<{ rows: Record<string, unknown>[]; columns: Column<never>[] }>;

/** Every extract the dashboard can load into DuckDB-WASM, by the table name it gets there. */
const EXTRACTS = {
	facts_plan: factsPlan,
	facts_report: factsReport,
	dim_lao: dimLao,
	dim_document: dimDocument,
	dim_province: dimProvince,
	facts_cube: factsCube
} satisfies Record<string, Query>;

export type ExtractName = keyof typeof EXTRACTS;
export const EXTRACT_NAMES = Object.keys(EXTRACTS) as ExtractName[];

export function isExtractName(name: string): name is ExtractName {
	return Object.hasOwn(EXTRACTS, name);
}

/** An extract name the server does not know: an expected failure (404), not a bug. */
export class UnknownExtractError extends Error {
	readonly code = 'unknown_extract';
	constructor(readonly extract: string) {
		super(`unknown extract '${extract}' (known: ${EXTRACT_NAMES.join(', ')})`);
		this.name = 'UnknownExtractError';
	}
}

/**
 * For the statement that reads an extract, until its transaction ends (a savepoint when the
 * caller's scoped transaction is already open): JIT off, because the planner over-estimates the
 * joins of the row-level security policies by orders of magnitude and then compiles for ~0.5 s
 * (facts_cube, national demo: 0.50 s of a 1.42 s statement); and room to sort the national facts in memory
 * (894k rows need ~100 MB; at the default 4 MB they went to disk). PGlite has the settings and
 * no JIT.
 */
const BUILD_SETTINGS = sql`select set_config('jit', 'off', true), set_config('work_mem', '128MB', true)`;

/**
 * The one door to every extract: the scope is applied here and nowhere else, so that the access
 * rules narrow all of them alike. `dataVersion` goes into the schema metadata.
 */
export async function buildExtract(
	db: Database,
	name: string,
	scope: Scope,
	dataVersion = ''
): Promise<Table> {
	if (!isExtractName(name)) throw new UnknownExtractError(name);
	const query = EXTRACTS[name] as Query;
	const { rows, columns } = await db.transaction(async (tx) => {
		await tx.execute(BUILD_SETTINGS);
		return query(tx as unknown as Database, scope);
	});
	return toTable(rows as never[], columns, {
		'sujarit.extract': name,
		'sujarit.scope': scopeKey(scope),
		'sujarit.data_version': dataVersion
	});
}
