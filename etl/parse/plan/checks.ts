import type { Check, Item } from '../common/types.ts';
import type { IntroCounts } from './intro.ts';
import { toSatang, type Part2Model } from './part2-model.ts';

const COLUMN_SUM =
	"sum of every amount written in the column (items' and unassigned amounts) vs the declared total";

/** A column with an unreadable cell has no sum: the check says so instead of comparing a part. */
const unreadableDetail = (line: number): string =>
	`not computed: the column holds a cell that is not an amount (line ${line}, bad_amount)`;

/**
 * The Part 2 table's own arithmetic: each dimension's subtotal row and the grand total row against
 * what the rows hold. Money is compared in satang.
 *
 * Severity: a failing grand total is an error unless the table holds non-zero unassigned amounts,
 * i.e. located layout damage (a cell shared by several projects, amounts on a row naming no
 * project) that explains a difference; then it is a warning like every other check here. Unassigned
 * zeros (rows of dashes) explain nothing, so they do not count.
 */
export function tableChecks(model: Part2Model): Check[] {
	const checks: Check[] = [];
	const years = model.fiscalYears;
	const items = model.table.items;
	for (const block of model.blocks) {
		const sub = block.subtotal;
		if (!sub) continue;
		for (const year of years) {
			const declared = sub.budget[String(year)];
			if (declared === null || declared === undefined) continue;
			const computed = block.sums.get(year) ?? 0;
			const bad = block.unreadable.get(year);
			checks.push({
				name: 'dimension_subtotal_budget',
				fiscalYear: year,
				dimension: block.dimension,
				declared,
				computed: bad === undefined ? computed / 100 : null,
				ok: bad === undefined && toSatang(declared) === computed,
				line: sub.line,
				severity: 'warning',
				detail: bad === undefined ? COLUMN_SUM : unreadableDetail(bad)
			});
		}
		if (sub.itemCount !== null) {
			checks.push({
				name: 'dimension_item_count',
				fiscalYear: null,
				dimension: block.dimension,
				declared: sub.itemCount,
				computed: block.itemCount,
				ok: sub.itemCount === block.itemCount,
				line: sub.line,
				severity: 'warning',
				detail: 'จำนวน … โครงการ on the subtotal row vs items read in the dimension'
			});
		}
	}
	const grand = model.grandTotal;
	if (!grand) return checks;
	const explained = model.table.unassigned.some((u) => u.amount !== 0);
	for (const year of years) {
		const declared = grand.budget[String(year)];
		if (declared === null || declared === undefined) continue;
		const computed = model.totalSums.get(year) ?? 0;
		const bad = model.unreadable.get(year);
		if (bad !== undefined) {
			// The bad_amount error already stands for this column; a sum of its other cells is no total.
			checks.push({
				name: 'grand_total_budget',
				fiscalYear: year,
				dimension: null,
				declared,
				computed: null,
				ok: false,
				line: grand.line,
				severity: 'warning',
				detail: unreadableDetail(bad)
			});
			continue;
		}
		checks.push({
			name: 'grand_total_budget',
			fiscalYear: year,
			dimension: null,
			declared,
			computed: computed / 100,
			ok: toSatang(declared) === computed,
			line: grand.line,
			severity: explained ? 'warning' : 'error',
			detail: explained
				? `${COLUMN_SUM}; the table has unassigned amounts, which may explain a difference`
				: COLUMN_SUM
		});
	}
	if (grand.itemCount !== null) {
		checks.push({
			name: 'grand_total_item_count',
			fiscalYear: null,
			dimension: null,
			declared: grand.itemCount,
			computed: items.length,
			ok: grand.itemCount === items.length,
			line: grand.line,
			severity: 'warning',
			detail: 'จำนวน … โครงการ on the รวมทั้งสิ้น row vs items read in the table'
		});
	}
	return checks;
}

/** The foreword's declared counts ("มิติที่ ๑ … จำนวน ๑๑ โครงการ") against the items read. */
export function introChecks(intro: IntroCounts, items: readonly Item[]): Check[] {
	const checks: Check[] = intro.dimensions.map((d) => {
		const computed = items.filter((i) => i.dimension === d.dimension).length;
		return {
			name: 'intro_item_count',
			fiscalYear: null,
			dimension: d.dimension,
			declared: d.count,
			computed,
			ok: d.count === computed,
			line: d.line,
			severity: 'warning',
			detail: "the foreword's จำนวน … โครงการ for the dimension vs items read in Part 2"
		};
	});
	if (intro.total) {
		checks.push({
			name: 'intro_item_count',
			fiscalYear: null,
			dimension: null,
			declared: intro.total.count,
			computed: items.length,
			ok: intro.total.count === items.length,
			line: intro.total.line,
			severity: 'warning',
			detail: "the foreword's รวมทั้งสิ้น … โครงการ vs items read in Part 2"
		});
	}
	return checks;
}
