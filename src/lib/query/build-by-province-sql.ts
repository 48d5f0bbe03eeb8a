import { aggregateCtes, isMetric, METRICS, type Metric } from './aggregates.ts';
import type { Filters } from './filters.ts';
import { column, ident, inList } from './sql.ts';

/** One province and the chosen metric (null for a rate with nothing to divide). */
export interface ProvinceRow {
	province_code: string;
	name_th: string;
	name_en: string;
	value: number | null;
}

/**
 * One metric per province of dim_province (every province in scope, so the map has a row for
 * each; a province without facts gets 0 for counts and money, null for rates). Facts are placed
 * in a province through their LAO (dim_lao.province_code). `filters.provinces` also narrows the
 * rows.
 */
export function buildByProvinceSql(filters: Filters, metric: Metric): string {
	if (!isMetric(metric)) throw new RangeError(`'${String(metric)}' is not a metric`);
	const code = column('d', 'code');
	const where = filters.provinces?.length ? inList(code, filters.provinces) : 'true';
	const joinOn = (alias: string) =>
		`left join ${ident(alias)} on ${column(alias, 'key')} = ${code}`;
	return [
		`with ${aggregateCtes(column('l', 'province_code'), filters, true)}`,
		`select ${code} as ${ident('province_code')}, ${column('d', 'name_th')}, ${column('d', 'name_en')},`,
		`\t${METRICS[metric]} as ${ident('value')}`,
		`from ${ident('dim_province')} as ${ident('d')} ${joinOn('p')} ${joinOn('r')}`,
		`where ${where}`,
		`order by ${code}`
	].join('\n');
}
