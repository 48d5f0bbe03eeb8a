import { buildSliceSql } from './build-slice-sql.ts';
import type { Filters } from './filters.ts';
import { column, ident, inList } from './sql.ts';

/** An LAO of the register with coordinates, and its figures within the view (null: no facts). */
export interface LaoPointRow {
	dla_code: string;
	name_th: string;
	province_code: string;
	lat: number;
	lon: number;
	items_planned: number | null;
	zero_budget_items: number | null;
	planned_baht: number | null;
	reported_items: number | null;
	done: number | null;
	not_done: number | null;
	disbursed_baht: number | null;
}

/**
 * The map's LAO layer: every LAO of dim_lao with lat/lon, within the view's LAO filters
 * (province, type), each with its figures within the whole view (a LAO without facts in it
 * gets nulls and is drawn grey).
 */
export function buildLaoPointsSql(filters: Filters): string {
	const l = (name: string) => column('l', name);
	const s = (name: string) => column('s', name);
	const where = [`${l('lat')} is not null`, `${l('lon')} is not null`];
	if (filters.provinces?.length) where.push(inList(l('province_code'), filters.provinces));
	if (filters.laoTypes?.length) where.push(inList(l('type'), filters.laoTypes));
	const figures = [
		'items_planned',
		'zero_budget_items',
		'planned_baht',
		'reported_items',
		'done',
		'not_done',
		'disbursed_baht'
	].map((name) => s(name));
	const slice = buildSliceSql('lao_key', filters).replaceAll('\n', '\n\t');
	return [
		`select ${l('dla_code')}, ${l('name_th')}, ${l('province_code')}, ${l('lat')}, ${l('lon')},`,
		`\t${figures.join(', ')}`,
		`from ${ident('dim_lao')} as ${ident('l')} left join (`,
		`\t${slice}`,
		`) as ${ident('s')} on ${s('key')} = ${l('lao_key')}`,
		`where ${where.join(' and ')}`,
		`order by ${l('lao_key')}`
	].join('\n');
}
