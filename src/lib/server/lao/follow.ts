import { MATCH_THRESHOLD, matchKey, uniqueBestMatches } from '../../../../etl/text/similarity.ts';
import type {
	AnnualEntry,
	FollowCounts,
	FollowThread,
	FollowThrough,
	FollowYear,
	Found,
	PlanEntry,
	ReportEntry
} from '../../components/lao/types.ts';
import { followKey } from './follow-key.ts';

/**
 * The follow-through of one LAO: every project / activity / measure of its multi-year plan,
 * followed by name into the annual plan of each year and into that year's report. Pure: the
 * rows come from queries.ts, the matching is decided here and nowhere else.
 *
 * Per fiscal year:
 * 1. annual items ↔ report items, one-to-one (a report item answers at most one annual item);
 * 2. each (annual, report) pair, lone annual item and lone report item ↔ the threads (plan items,
 *    then projects first seen in an earlier year), one-to-one;
 * 3. what matched nothing starts a thread of its own ("not in the plan", "never planned").
 * Matching is `uniqueBestMatches` (mutual best, ties left alone) on `followKey` names, first
 * within the same มิติ, then across มิติ for what is left, repeated until nothing more pairs: the
 * result is a function of the sets, not of the order of the rows.
 */

export interface FollowInput {
	plan: readonly PlanEntry[];
	annual: readonly AnnualEntry[];
	report: readonly ReportEntry[];
	/** Fiscal years with an accepted annual plan / report on file (an empty table counts). */
	annualYears?: readonly number[];
	reportYears?: readonly number[];
}

interface Named {
	name: string;
	dimension: number | null;
}

export interface Pair {
	left: number;
	right: number;
	score: number;
}

const sameDimension = (a: Named, b: Named) =>
	a.dimension === null || b.dimension === null || a.dimension === b.dimension;

/**
 * One-to-one name matching: same-มิติ pairs first, then any มิติ, each pass over what is still
 * unmatched, until a pass pairs nothing. Indices refer to `left` and `right`.
 */
export function matchByName(left: readonly Named[], right: readonly Named[]): Pair[] {
	const leftKeys = left.map((x) => followKey(x.name));
	const rightKeys = right.map((x) => followKey(x.name));
	const usedLeft = new Set<number>();
	const usedRight = new Set<number>();
	const out: Pair[] = [];
	const pass = (withinDimension: boolean): number => {
		const li = left.map((_, i) => i).filter((i) => !usedLeft.has(i));
		const ri = right.map((_, j) => j).filter((j) => !usedRight.has(j));
		if (li.length === 0 || ri.length === 0) return 0;
		const found = uniqueBestMatches(
			li.map((i) => leftKeys[i]!),
			ri.map((j) => rightKeys[j]!),
			MATCH_THRESHOLD,
			withinDimension ? (a, b) => sameDimension(left[li[a]!]!, right[ri[b]!]!) : () => true
		);
		for (const m of found) {
			const pair = { left: li[m.left]!, right: ri[m.right]!, score: m.score };
			usedLeft.add(pair.left);
			usedRight.add(pair.right);
			out.push(pair);
		}
		return found.length;
	};
	for (;;) {
		if (pass(true) > 0) continue;
		if (pass(false) > 0) continue;
		break;
	}
	return out.sort((a, b) => a.left - b.left);
}

function found<T extends Named>(item: T, against: string, score: number): Found<T> {
	// `against` itself is not kept: the page never shows it, and every name it carried was one
	// more copy of a thread's name in the page's inline data.
	return { item, score, exact: matchKey(item.name) === matchKey(against) };
}

interface Unit {
	annual: AnnualEntry | null;
	report: ReportEntry | null;
	/** The report's match with the annual item of the same unit. */
	reportVsAnnual: Pair | null;
}

const unitNamed = (u: Unit): Named => (u.annual ?? u.report)!;

interface Thread {
	name: string;
	dimension: number | null;
	plan: PlanEntry | null;
	/** Plan threads first, then by first appearance: the order ties are broken in. */
	order: number;
	byYear: Map<number, { annual: Found<AnnualEntry> | null; report: Found<ReportEntry> | null }>;
}

const sortedUnique = (values: Iterable<number>) => [...new Set(values)].sort((a, b) => a - b);

/** Builds the follow-through table and its per-year counts. */
export function followThrough(input: FollowInput): FollowThrough {
	const planYears = new Set(input.plan.flatMap((p) => p.budgets.map((b) => b.fiscalYear)));
	const annualYears = new Set([
		...(input.annualYears ?? []),
		...input.annual.map((a) => a.fiscalYear)
	]);
	const reportYears = new Set([
		...(input.reportYears ?? []),
		...input.report.map((r) => r.fiscalYear)
	]);
	const years = sortedUnique([...planYears, ...annualYears, ...reportYears]);

	const threads: Thread[] = input.plan.map((plan, order) => ({
		name: plan.name,
		dimension: plan.dimension,
		plan,
		order,
		byYear: new Map()
	}));
	const counts: FollowCounts[] = [];

	for (const fy of years) {
		const annual = input.annual.filter((a) => a.fiscalYear === fy);
		const report = input.report.filter((r) => r.fiscalYear === fy);
		const ar = matchByName(annual, report);
		const units: Unit[] = [
			...annual.map((a, i) => {
				const pair = ar.find((m) => m.left === i) ?? null;
				return { annual: a, report: pair ? report[pair.right]! : null, reportVsAnnual: pair };
			}),
			...report
				.filter((_, j) => !ar.some((m) => m.right === j))
				.map((r) => ({ annual: null, report: r, reportVsAnnual: null }))
		];
		const existing = threads.slice();
		const ut = matchByName(units.map(unitNamed), existing);
		units.forEach((unit, u) => {
			const match = ut.find((m) => m.left === u);
			let thread: Thread;
			let score = 1;
			if (match) {
				thread = existing[match.right]!;
				score = match.score;
			} else {
				const first = unitNamed(unit);
				thread = {
					name: first.name,
					dimension: first.dimension,
					plan: null,
					order: threads.length,
					byYear: new Map()
				};
				threads.push(thread);
			}
			const annualFound = unit.annual ? found(unit.annual, thread.name, score) : null;
			const reportFound = unit.report
				? unit.annual && unit.reportVsAnnual
					? found(unit.report, unit.annual.name, unit.reportVsAnnual.score)
					: found(unit.report, thread.name, score)
				: null;
			thread.byYear.set(fy, { annual: annualFound, report: reportFound });
		});

		const at = (t: Thread) => t.byYear.get(fy);
		const covers = (t: Thread) => t.plan?.budgets.some((b) => b.fiscalYear === fy) ?? false;
		const stages = threads.flatMap((t) => {
			const y = at(t);
			return y ? [y.annual, y.report].filter((f) => f !== null) : [];
		});
		counts.push({
			fiscalYear: fy,
			planItems: input.plan.filter((p) => p.budgets.some((b) => b.fiscalYear === fy)).length,
			annualItems: annual.length,
			reportItems: report.length,
			annualFromPlan: threads.filter((t) => t.plan && at(t)?.annual).length,
			planNotInAnnual: annualYears.has(fy)
				? threads.filter((t) => covers(t) && !at(t)?.annual).length
				: 0,
			annualNotInPlan: planYears.has(fy)
				? threads.filter((t) => !t.plan && at(t)?.annual).length
				: 0,
			reportFromAnnual: ar.length,
			annualNotReported: reportYears.has(fy) ? annual.length - ar.length : 0,
			reportFromPlanOnly: threads.filter((t) => t.plan && at(t)?.report && !at(t)?.annual).length,
			reportUnplanned:
				annualYears.has(fy) || planYears.has(fy)
					? threads.filter((t) => !t.plan && at(t)?.report && !at(t)?.annual).length
					: 0,
			inexact: stages.filter((f) => !f.exact).length
		});
	}

	const rank = (t: Thread) => [t.dimension ?? 9, t.plan ? 0 : 1, t.order] as const;
	const ordered = threads.slice().sort((a, b) => {
		const [x, y] = [rank(a), rank(b)];
		return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
	});
	return {
		years,
		threads: ordered.map((t) => toThread(t, years, { planYears, annualYears, reportYears })),
		counts
	};
}

function toThread(
	t: Thread,
	years: readonly number[],
	filed: { planYears: Set<number>; annualYears: Set<number>; reportYears: Set<number> }
): FollowThread {
	const rows: FollowYear[] = [];
	for (const fy of years) {
		const budget = t.plan?.budgets.find((b) => b.fiscalYear === fy) ?? null;
		const stage = t.byYear.get(fy);
		if (!budget && !stage) continue;
		rows.push({
			fiscalYear: fy,
			planned:
				budget && t.plan
					? { amount: budget.amount, line: budget.line, documentId: t.plan.documentId }
					: null,
			annual: stage?.annual ?? null,
			report: stage?.report ?? null,
			planFiled: filed.planYears.has(fy),
			annualFiled: filed.annualYears.has(fy),
			reportFiled: filed.reportYears.has(fy)
		});
	}
	return { name: t.name, dimension: t.dimension, plan: t.plan, years: rows };
}
