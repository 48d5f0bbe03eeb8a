import { sql } from 'drizzle-orm';
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

/** Sorts every list shares: LAO by Thai name, its code, province (Thai; English in queryList). */
export const laoSorts = {
	lao_name: [thaiKey(sql`b.lao_sort`), sql`b.lao_sort collate "C"`],
	dla_code: [sql`b.dla_code collate "C"`],
	province: [thaiKey(sql`b.province_th`)]
};
