import { sql, type SQL } from 'drizzle-orm';
import { thaiKey } from './thai-sort.ts';

/**
 * The LAO and province columns of a row whose document is `d`, LAO `l` (left join, the document
 * may name an LAO the register does not know) and province `p`.
 */
export const laoColumns = sql`l.dla_code as dla_code, l.name_th as lao_name_th,
	coalesce(l.type, d.lao_type) as lao_type, d.lao_name_as_written as lao_name_written,
	coalesce(l.name_th, d.lao_name_as_written) as lao_sort,
	coalesce(d.province_code, l.province_code) as province_code,
	p.name_th as province_th, p.name_en as province_en`;

/**
 * Thai sort keys are computed once per row, as columns of the keyed base query (query.ts
 * `keyedBase`), and the ORDER BYs name the columns: a key written into an ORDER BY is computed
 * again by every sort, and a list snapshot sorts its rows some twenty ways (snapshot.ts).
 */
export const keyOf = (column: 'lao' | 'province' | 'name') =>
	sql`${sql.identifier(`sujarit_key_${column}`)} collate "C"`;
const keyColumn = (column: 'lao' | 'province' | 'name', text: SQL) =>
	sql`${thaiKey(text)} as ${sql.identifier(`sujarit_key_${column}`)}`;

/** The key columns of a list with LAO and province columns, and an item name when it has one. */
export function sortKeys(withName: boolean): SQL {
	const keys = [keyColumn('lao', sql`b.lao_sort`), keyColumn('province', sql`b.province_th`)];
	if (withName) keys.push(keyColumn('name', sql`b.name`));
	return sql.join(keys, sql`, `);
}

/** Sorts every list shares: LAO by Thai name, its code, province (Thai; English in queryList). */
export const laoSorts = {
	lao_name: [sql`b.${keyOf('lao')}`, sql`b.lao_sort collate "C"`],
	dla_code: [sql`b.dla_code collate "C"`],
	province: [sql`b.${keyOf('province')}`]
};
