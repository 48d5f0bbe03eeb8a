import { sumBaht } from '../../text/baht.ts';
import type { Check, ItemStatus, Severity, Table } from '../common/types.ts';
import { SUMMARY_FIELDS, type Summary, type SummaryField } from './summary.ts';

/**
 * `percent(48, 52)` → 92.31: part / whole × 100, rounded half up to 2 decimals. Nothing of
 * nothing is 0 (an assumption: a report with no budget should print 0.00); something of nothing
 * is null.
 */
export function percent(part: number, whole: number): number | null {
	if (whole === 0) return part === 0 ? 0 : null;
	// In hundredths of a percent, from satang: 1.005 % must round to 1.01, not drift to 1.00.
	const partSatang = Math.round(part * 100);
	const wholeSatang = Math.round(whole * 100);
	return Math.round((partSatang * 10_000) / wholeSatang) / 100;
}

export function tableFigures(table: Table): Partial<Record<SummaryField, number | null>> {
	const items = table.items;
	const budgets = items.map((i) => Object.values(i.budget)[0] ?? null);
	const disbursedList = items.map((i) => i.disbursed);
	const budget = budgets.includes(null) ? null : sumBaht(budgets as number[]);
	const disbursed = disbursedList.includes(null) ? null : sumBaht(disbursedList as number[]);
	const count = (s: ItemStatus) => items.filter((i) => i.status === s).length;
	return {
		item_count: items.length,
		pending: count('pending'),
		in_progress: count('in_progress'),
		done: count('done'),
		not_done: count('not_done'),
		disbursed,
		disbursed_percent: disbursed === null || budget === null ? null : percent(disbursed, budget),
		implementation_percent: percent(count('done'), items.length)
	};
}

function agreements(s: Summary, figures: Partial<Record<SummaryField, number | null>>) {
	let agree = 0;
	let disagree = 0;
	for (const [f, v] of Object.entries(figures)) {
		const d = s.fields[f as SummaryField];
		if (d === undefined) continue;
		if (d.value === v) agree++;
		else disagree++;
	}
	return { agree, disagree };
}

/**
 * The summary the table is checked against: the first copy that agrees with the table in every
 * field it gives; failing that, the copy that agrees in most fields (the earlier on a tie).
 */
export function chooseSummary(summaries: readonly Summary[], table: Table) {
	const figures = tableFigures(table);
	const scored = summaries.map((s) => ({ s, ...agreements(s, figures) }));
	const agreeing = scored.find((x) => x.disagree === 0);
	if (agreeing) return { summary: agreeing.s, reason: 'first copy that agrees with the table' };
	const best = scored.reduce<(typeof scored)[number] | null>(
		(b, x) => (b === null || x.agree > b.agree ? x : b),
		null
	);
	return (
		best && { summary: best.s, reason: 'no copy agrees with the table; the one agreeing most' }
	);
}

/** `summary_copies_agree`, one per field: every later copy against the first. */
export function copiesAgree(summaries: readonly Summary[], fiscalYear: number | null): Check[] {
	const [first, ...rest] = summaries;
	const checks: Check[] = [];
	if (!first) return checks;
	for (const other of rest) {
		for (const f of SUMMARY_FIELDS) {
			const a = first.fields[f];
			const b = other.fields[f];
			if (a === undefined && b === undefined) continue;
			checks.push({
				name: 'summary_copies_agree',
				fiscalYear,
				declared: a?.value ?? null,
				computed: b?.value ?? null,
				ok: a?.value === b?.value,
				line: b?.line ?? a?.line ?? other.line,
				severity: 'warning',
				detail: f
			});
		}
	}
	return checks;
}

const AGAINST_TABLE: ReadonlyArray<[SummaryField, string, Severity, string?]> = [
	['item_count', 'summary_item_count', 'warning'],
	['pending', 'status_count', 'warning', 'pending'],
	['in_progress', 'status_count', 'warning', 'in_progress'],
	['done', 'status_count', 'warning', 'done'],
	['not_done', 'status_count', 'warning', 'not_done'],
	['disbursed', 'disbursed_total', 'error'],
	['disbursed_percent', 'disbursed_percent', 'warning'],
	['implementation_percent', 'implementation_percent', 'warning']
];

/** The table's own figures against the chosen summary, for each field the summary gives. */
export function summaryChecks(summary: Summary, table: Table): Check[] {
	const figures = tableFigures(table);
	const checks: Check[] = [];
	for (const [field, name, severity, status] of AGAINST_TABLE) {
		const d = summary.fields[field];
		if (d === undefined) continue;
		const computed = figures[field] ?? null;
		checks.push({
			name,
			fiscalYear: table.fiscalYear,
			declared: d.value,
			computed,
			ok: d.value === computed,
			line: d.line,
			severity,
			detail: status ?? `summary (line ${summary.line}) vs table`
		});
	}
	return checks;
}
