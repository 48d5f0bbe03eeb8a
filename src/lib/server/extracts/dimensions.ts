import { sql } from 'drizzle-orm';
import { Bool, Float64, Int16, Int32, Int8, Field, List } from 'apache-arrow';
import type { Database } from '../../../../db/client.ts';
import { queryRows } from '../../../../db/rows.ts';
import { LAO_TYPES } from '../../../../db/schema/values.ts';
import { codeOf, dictionary, type Column } from './arrow.ts';
import { laoKeysCte } from './keys.ts';
import { scopeWhere, type Scope } from './scope.ts';

/**
 * Thai order for names: DuckDB-WASM has no Thai collation, and PGlite has no ICU, so the server
 * sorts with Intl.Collator('th') and ships the rank (ties broken by DLA code).
 */
const thai = new Intl.Collator('th');

interface LaoRow extends Record<string, unknown> {
	lao_key: number;
	dla_code: string;
	name_th: string;
	type: string;
	province_code: string;
	lat: number | null;
	lon: number | null;
}

/** dim_lao: every LAO of the register in scope, with or without documents (coverage needs both). */
export async function dimLao(db: Database, scope: Scope) {
	const rows = await queryRows<LaoRow>(
		db,
		sql`with ${laoKeysCte}
			select k.lao_key, l.dla_code, l.name_th, l.type, l.province_code, l.lat, l.lon
			from laos l join lao_keys k on k.dla_code = l.dla_code
			where ${scopeWhere(scope, sql`l.province_code`)}
			order by k.lao_key`
	);
	const sorted = [...rows].sort(
		(a, b) => thai.compare(a.name_th, b.name_th) || a.dla_code.localeCompare(b.dla_code)
	);
	const sortKey = new Map(sorted.map((row, i) => [row.lao_key, i + 1]));
	const columns: Column<LaoRow>[] = [
		{ name: 'lao_key', type: new Int32(), nullable: false, value: (r) => r.lao_key },
		{ name: 'dla_code', type: dictionary(), nullable: false, value: (r) => r.dla_code },
		{ name: 'name_th', type: dictionary(), nullable: false, value: (r) => r.name_th },
		{
			name: 'type',
			type: new Int8(),
			nullable: false,
			codes: LAO_TYPES,
			value: (r) => codeOf(LAO_TYPES, r.type)
		},
		{ name: 'province_code', type: dictionary(), nullable: false, value: (r) => r.province_code },
		{ name: 'lat', type: new Float64(), nullable: true, value: (r) => r.lat },
		{ name: 'lon', type: new Float64(), nullable: true, value: (r) => r.lon },
		{ name: 'sort_key', type: new Int32(), nullable: false, value: (r) => sortKey.get(r.lao_key) }
	];
	return { rows, columns };
}

interface DocumentRow extends Record<string, unknown> {
	doc_key: number;
	lao_key: number | null;
	province_code: string | null;
	kind: string | null;
	verdict: string;
	fiscal_years: number[];
	origin: string;
	failed_checks: number;
	is_synthetic: boolean;
}

/** dim_document: every document in scope whatever its verdict (quarantined ones have no facts). */
export async function dimDocument(db: Database, scope: Scope) {
	const rows = await queryRows<DocumentRow>(
		db,
		sql`with ${laoKeysCte}
			select d.id as doc_key, k.lao_key, d.province_code, d.kind, d.verdict, d.fiscal_years,
				d.origin, d.failed_checks, d.is_synthetic
			from source_documents d left join lao_keys k on k.dla_code = d.lao_dla_code
			where ${scopeWhere(scope, sql`d.province_code`)}
			order by d.id`
	);
	const columns: Column<DocumentRow>[] = [
		{ name: 'doc_key', type: new Int32(), nullable: false, value: (r) => r.doc_key },
		{ name: 'lao_key', type: new Int32(), nullable: true, value: (r) => r.lao_key },
		{ name: 'province_code', type: dictionary(), nullable: true, value: (r) => r.province_code },
		{ name: 'kind', type: dictionary(), nullable: true, value: (r) => r.kind },
		{ name: 'verdict', type: dictionary(), nullable: false, value: (r) => r.verdict },
		{
			name: 'fiscal_years',
			type: new List(new Field('item', new Int16(), false)),
			nullable: false,
			value: (r) => r.fiscal_years
		},
		{ name: 'origin', type: dictionary(), nullable: false, value: (r) => r.origin },
		{ name: 'failed_checks', type: new Int32(), nullable: false, value: (r) => r.failed_checks },
		{ name: 'is_synthetic', type: new Bool(), nullable: false, value: (r) => r.is_synthetic }
	];
	return { rows, columns };
}

interface ProvinceRow extends Record<string, unknown> {
	code: string;
	name_th: string;
	name_en: string;
	region: string;
}

/** dim_province: the provinces in scope (all 77 nationally). */
export async function dimProvince(db: Database, scope: Scope) {
	const rows = await queryRows<ProvinceRow>(
		db,
		sql`select p.code, p.name_th, p.name_en, p.region from provinces p
			where ${scopeWhere(scope, sql`p.code`)} order by p.code`
	);
	const columns: Column<ProvinceRow>[] = [
		{ name: 'code', type: dictionary(), nullable: false, value: (r) => r.code },
		{ name: 'name_th', type: dictionary(), nullable: false, value: (r) => r.name_th },
		{ name: 'name_en', type: dictionary(), nullable: false, value: (r) => r.name_en },
		{ name: 'region', type: dictionary(), nullable: false, value: (r) => r.region }
	];
	return { rows, columns };
}
