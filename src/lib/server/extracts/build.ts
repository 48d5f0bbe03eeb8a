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
	const { rows, columns } = await query(db, scope);
	return toTable(rows as never[], columns, {
		'sujarit.extract': name,
		'sujarit.scope': scopeKey(scope),
		'sujarit.data_version': dataVersion
	});
}
