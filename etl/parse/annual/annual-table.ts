import { sumBaht } from '../../text/baht.ts';
import { itemKindOf, type EplanTable } from '../common/eplan-table.ts';
import type { Check, Item, Problem, Table } from '../common/types.ts';
import { annualIssue } from './issues.ts';
import { duplicateItems, ordinalCheck } from './item-checks.ts';
import { append } from '../common/append.ts';

const QUARTERS = ['1', '2', '3', '4'] as const;

/**
 * One E-PlanNACC annual table as a Table with its checks. Quarters are read by position: a tick
 * counts for the quarter whose number heads its column in the second header row of its page
 * (unticked quarters are empty cells, so nothing else tells them apart).
 */
export function annualTable(t: EplanTable) {
	const fiscalYear = t.title.fiscalYear;
	const problems: Problem[] = [];
	for (const { header } of t.pages) {
		const labels = header.sub.map((s) => s.label);
		if (labels.join(' ') === QUARTERS.join(' ')) continue;
		const at = header.subLine ?? header.line;
		const found = labels.join(' ');
		problems.push(
			annualIssue('bad_quarter_header', at, { line: at, found }, { expected: '1 2 3 4', found })
		);
	}
	const items: Item[] = t.rows.map((r) => ({
		ordinal: r.ordinal,
		dimension: r.dimension,
		name: r.name,
		itemKind: itemKindOf(r.name),
		budget: { [fiscalYear]: r.budget },
		quarters: QUARTERS.map((q) => r.ticked.includes(q)) as Item['quarters'],
		status: null,
		disbursed: null,
		line: r.line,
		remark: r.remark
	}));
	const checks: Check[] = [];
	const total = t.total;
	if (total) {
		const budgets = t.rows.map((r) => r.budget);
		const computed = budgets.includes(null) ? null : sumBaht(budgets as number[]);
		checks.push({
			name: 'grand_total_budget',
			fiscalYear,
			declared: total.budget,
			computed,
			ok: total.budget !== null && total.budget === computed,
			line: total.line,
			severity: 'error',
			detail: 'รวมทั้งสิ้น row vs sum of item budgets'
		});
		QUARTERS.forEach((q, i) => {
			const declared = total.counts[q] ?? null;
			const computed = items.filter((item) => item.quarters?.[i]).length;
			const ok = declared === computed;
			const line = total.line;
			checks.push({
				name: 'quarter_tick_count',
				fiscalYear,
				declared,
				computed,
				ok,
				line,
				severity: 'warning',
				detail: `Q${q}`
			});
		});
	}
	const ordinals = ordinalCheck(items, fiscalYear, t.lines[0]);
	checks.push(ordinals.check);
	append(problems, ordinals.problems, duplicateItems(items));
	const table: Table = {
		role: 'annual',
		fiscalYear,
		lines: t.lines,
		items,
		unassigned: [],
		declared: {
			title: t.title.text,
			grandTotal: total?.budget ?? null,
			grandTotalLine: total?.line ?? null,
			quarterTicks: total ? QUARTERS.map((q) => total.counts[q] ?? null) : null,
			pages: t.pages.map((p) => ({ titleLine: p.titleLine, headerLine: p.header.line })),
			asOf: t.asOf?.date ?? null,
			asOfLine: t.asOf?.line ?? null
		}
	};
	return { table, checks, problems };
}
