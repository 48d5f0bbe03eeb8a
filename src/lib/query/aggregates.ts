import { statusCode } from './codes.ts';
import { filteredFacts, type Filters } from './filters.ts';
import { column, ident, int } from './sql.ts';

const countWhere = (condition: string, alias: string) =>
	`count(*) filter (where ${condition})::integer as ${ident(alias)}`;

/**
 * The two aggregates every slice is made of, grouped by one key expression (a fiscal year, a
 * province…): `"p"` over facts_plan and `"r"` over facts_report, each exposing `"key"`. The
 * metrics below read them; a slice picks its key and its metrics and nothing else.
 */
export function aggregateCtes(key: string, filters: Filters, withLao = false): string {
	const f = (name: string) => column('f', name);
	const plan = [
		`select ${key} as "key", count(distinct ${f('lao_key')})::integer as "laos",`,
		`\t\tcount(*)::integer as "items",`,
		`\t\t${countWhere(f('zero_budget'), 'zero')},`,
		`\t\tsum(${f('budget')}) as "baht"`,
		`\t${filteredFacts('facts_plan', filters, withLao)}`,
		`\tgroup by "key"`
	];
	const report = [
		`select ${key} as "key", count(distinct ${f('lao_key')})::integer as "laos",`,
		`\t\tcount(*)::integer as "items",`,
		`\t\t${countWhere(`${f('status')} = ${int(statusCode('done'))}`, 'done')},`,
		`\t\t${countWhere(`${f('status')} = ${int(statusCode('not_done'))}`, 'not_done')},`,
		`\t\tsum(${f('disbursed')}) as "disbursed"`,
		`\t${filteredFacts('facts_report', filters, withLao)}`,
		`\tgroup by "key"`
	];
	return `${ident('p')} as (\n\t${plan.join('\n')}\n), ${ident('r')} as (\n\t${report.join('\n')}\n)`;
}

const p = (name: string) => column('p', name);
const r = (name: string) => column('r', name);
/** A share that is null, not 0, when there is nothing to divide. */
const ratio = (num: string, den: string) =>
	`case when coalesce(${den}, 0) > 0 then ${num}::double / ${den} end`;

/** Every figure a slice can show, as an expression over `"p"` and `"r"`. Money in baht, 2 dp. */
export const METRICS = {
	laos_with_plans: `coalesce(${p('laos')}, 0)`,
	items_planned: `coalesce(${p('items')}, 0)`,
	planned_baht: `round(coalesce(${p('baht')}, 0), 2)`,
	zero_budget_share: ratio(p('zero'), p('items')),
	laos_reporting: `coalesce(${r('laos')}, 0)`,
	reported_items: `coalesce(${r('items')}, 0)`,
	done: `coalesce(${r('done')}, 0)`,
	not_done: `coalesce(${r('not_done')}, 0)`,
	completion_rate: ratio(r('done'), r('items')),
	disbursed_baht: `round(coalesce(${r('disbursed')}, 0), 2)`
} as const;

export type Metric = keyof typeof METRICS;
export const METRIC_NAMES = Object.keys(METRICS) as Metric[];

export function isMetric(name: string): name is Metric {
	return Object.hasOwn(METRICS, name);
}
