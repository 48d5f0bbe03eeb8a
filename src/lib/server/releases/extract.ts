/**
 * A release's Arrow IPC extracts for DuckDB-WASM (the public page's slicing after the handover):
 * release_figures and release_laos of one release, with the columns the SQL builders of
 * src/lib/query/build-release-slice-sql.ts read. A release never changes, so each extract is
 * built once per release (per server process) and served as immutable.
 */
import { sql } from 'drizzle-orm';
import { Bool, Float64, Int16, Int32, Int8, tableToIPC, type Table } from 'apache-arrow';
import type { Database } from '../../../../db/client.ts';
import { queryRows } from '../../../../db/rows.ts';
import { LAO_TYPES } from '../../../../db/schema/values.ts';
import type { ReleaseExtractName } from '../../releases/types.ts';
import { rootOf } from '../db/scoped.ts';
import { codeOf, dictionary, toTable, type Column } from '../extracts/arrow.ts';
import { ARROW_STREAM, encode, type Payload } from '../extracts/encode.ts';
import { toNumber } from '../extracts/keys.ts';
import { keep } from '../kept-reads.ts';
import type { Release } from './read.ts';

interface FigureRow extends Record<string, unknown> {
	province_code: string | null;
	lao_type: string | null;
	fiscal_year: number;
	dimension: number | null;
	is_synthetic: boolean;
	plan_items: number;
	planned_baht: string;
	zero_budget_items: number;
	report_items: number;
	done: number;
	not_done: number;
	in_progress: number;
	pending: number;
	disbursed_baht: string;
}

const int32 = <R>(name: keyof R & string): Column<R> => ({
	name,
	type: new Int32(),
	nullable: false,
	value: (r) => r[name]
});

const laoType = <R extends { lao_type: string | null }>(nullable: boolean): Column<R> => ({
	name: 'lao_type',
	type: new Int8(),
	nullable,
	codes: LAO_TYPES,
	value: (r) => codeOf(LAO_TYPES, r.lao_type)
});

async function figures(db: Database, releaseId: number) {
	const rows = await queryRows<FigureRow>(
		db,
		sql`select province_code, lao_type, fiscal_year, dimension, is_synthetic, plan_items,
				planned_baht::text as planned_baht, zero_budget_items, report_items, done, not_done,
				in_progress, pending, disbursed_baht::text as disbursed_baht
			from release_figures where release_id = ${releaseId}
			order by province_code, lao_type, fiscal_year, dimension, is_synthetic`
	);
	const columns: Column<FigureRow>[] = [
		{ name: 'province_code', type: dictionary(), nullable: true, value: (r) => r.province_code },
		laoType(true),
		{ name: 'fiscal_year', type: new Int16(), nullable: false, value: (r) => r.fiscal_year },
		{ name: 'dimension', type: new Int8(), nullable: true, value: (r) => r.dimension },
		{ name: 'is_synthetic', type: new Bool(), nullable: false, value: (r) => r.is_synthetic },
		int32('plan_items'),
		{
			name: 'planned_baht',
			type: new Float64(),
			nullable: false,
			value: (r) => toNumber(r.planned_baht)
		},
		int32('zero_budget_items'),
		int32('report_items'),
		int32('done'),
		int32('not_done'),
		int32('in_progress'),
		int32('pending'),
		{
			name: 'disbursed_baht',
			type: new Float64(),
			nullable: false,
			value: (r) => toNumber(r.disbursed_baht)
		}
	];
	return { rows, columns };
}

interface LaoRow extends Record<string, unknown> {
	lao_dla_code: string;
	province_code: string;
	lao_type: string;
	fiscal_year: number;
	has_annual_plan: boolean;
	has_report: boolean;
	is_synthetic: boolean;
}

async function laos(db: Database, releaseId: number) {
	const rows = await queryRows<LaoRow>(
		db,
		sql`select lao_dla_code, province_code, lao_type, fiscal_year, has_annual_plan, has_report,
				is_synthetic
			from release_laos where release_id = ${releaseId}
			order by province_code, lao_dla_code, fiscal_year`
	);
	const bool = (name: keyof LaoRow & string): Column<LaoRow> => ({
		name,
		type: new Bool(),
		nullable: false,
		value: (r) => r[name]
	});
	const columns: Column<LaoRow>[] = [
		{ name: 'lao_dla_code', type: dictionary(), nullable: false, value: (r) => r.lao_dla_code },
		{ name: 'province_code', type: dictionary(), nullable: false, value: (r) => r.province_code },
		laoType(false),
		{ name: 'fiscal_year', type: new Int16(), nullable: false, value: (r) => r.fiscal_year },
		bool('has_annual_plan'),
		bool('has_report'),
		bool('is_synthetic')
	];
	return { rows, columns };
}

const BUILDERS = { release_figures: figures, release_laos: laos } as const;

/** One extract of one release as an Arrow table (metadata: name, version, tag). */
export async function buildReleaseExtract(
	db: Database,
	release: Release,
	name: ReleaseExtractName
): Promise<Table> {
	const { rows, columns } = await BUILDERS[name](db, release.id);
	return toTable(rows as never[], columns as Column<never>[], {
		'sujarit.extract': name,
		'sujarit.release': String(release.version),
		'sujarit.release_tag': release.tag
	});
}

const MAX_ENTRIES = 32;
const stores = new WeakMap<object, Map<string, Promise<Payload>>>();

/**
 * The extract's bytes in three encodings, built once per (owner, release tag, name): `owner` is
 * the database the release was read from (its root), whose `build` makes the table.
 */
export function keptReleaseExtract(
	owner: object,
	release: Release,
	name: ReleaseExtractName,
	build: () => Promise<Table>
): Promise<Payload> {
	let entries = stores.get(owner);
	if (!entries) {
		entries = new Map();
		stores.set(owner, entries);
	}
	return keep(entries, `${release.tag}|${name}`, MAX_ENTRIES, () =>
		build().then((table) =>
			encode(tableToIPC(table, 'stream'), {
				contentType: ARROW_STREAM,
				// Weak: the bytes differ by Content-Encoding (as the scoped extracts' ETags).
				etag: `W/"${release.tag}.${name}"`,
				dataVersion: `release:${release.version}`
			})
		)
	);
}

/** The extract's bytes in three encodings, built once per (database, release tag, name). */
export function cachedReleaseExtract(
	db: Database,
	release: Release,
	name: ReleaseExtractName
): Promise<Payload> {
	return keptReleaseExtract(rootOf(db), release, name, () =>
		buildReleaseExtract(db, release, name)
	);
}
