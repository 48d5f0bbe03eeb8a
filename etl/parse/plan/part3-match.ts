import type { ProjectPage } from '../common/project-pages.ts';
import type { Check, Item, Problem, UnassignedAmount } from '../common/types.ts';
import { toSatang } from './part2-model.ts';
import * as issue from './problems.ts';
import {
	diceCoefficient,
	MATCH_THRESHOLD,
	matchKey,
	uniqueBestMatches
} from '../../text/similarity.ts';

export interface Part3Match {
	dimension: number | null;
	ordinal: number;
	line: number;
	pageOrdinal: number | null;
	pageNameLine: number | null;
	similarity: number;
}

/** A Part 3 amount that would apply to an item whose Part 2 amount sits in a shared cell. */
export interface Part3Suggestion {
	dimension: number | null;
	ordinal: number;
	name: string;
	line: number;
	part3: { ordinal: number | null; nameLine: number | null; budgetLine: number; amount: number };
	/** The shared cell the item's Part 2 amounts are in, per year. */
	part2: Array<{ line: number; fiscalYear: number; amount: number; items: number[] }>;
}

export interface Part3Result {
	checks: Check[];
	problems: Problem[];
	matches: Part3Match[];
	unmatchedPages: ProjectPage[];
	suggestions: Part3Suggestion[];
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * Matches Part 3 pages to Part 2 items by name (unique best match, same dimension when both are
 * known; Part 3 numbers 1..35 across dimensions while Part 2 restarts, so ordinals cannot pair
 * them) and compares budgets. A Part 3 page states one amount for every year of the plan
 * ("ปีงบประมาณ พ.ศ. ๒๕๖๖ - ๒๕๗๐"), so it is compared with the item's first-year amount.
 * Items whose Part 2 amount is unassigned get no budget from Part 3: the amount that would apply
 * is recorded as a suggestion for a reader to judge.
 */
export function matchPart3(
	items: readonly Item[],
	pages: readonly ProjectPage[],
	fiscalYears: readonly number[],
	unassigned: readonly UnassignedAmount[]
): Part3Result {
	const named = pages.filter((p) => p.name !== null);
	const matches = uniqueBestMatches(
		items.map((i) => i.name),
		named.map((p) => p.name!),
		MATCH_THRESHOLD,
		(i, j) => {
			const a = items[i]!.dimension;
			const b = named[j]!.dimension;
			return a === null || b === null || a === b;
		}
	);
	const out: Part3Result = {
		checks: [],
		problems: [],
		matches: [],
		unmatchedPages: [],
		suggestions: []
	};
	const first = fiscalYears[0];
	const span = `${fiscalYears[0]}–${fiscalYears[fiscalYears.length - 1]}`;
	const matchedItems = new Set<number>();
	const matchedPages = new Set<ProjectPage>();
	for (const m of matches) {
		const item = items[m.left]!;
		const page = named[m.right]!;
		matchedItems.add(m.left);
		matchedPages.add(page);
		out.matches.push({
			dimension: item.dimension,
			ordinal: item.ordinal,
			line: item.line,
			pageOrdinal: page.ordinal,
			pageNameLine: page.nameLine,
			similarity: round3(m.score)
		});
		if (page.budget === null || page.budgetLine === null) {
			out.problems.push(issue.part3BudgetMissing(page.nameLine ?? page.lines[0], page.name ?? ''));
			continue;
		}
		if (first === undefined) continue;
		const declared = item.budget[String(first)];
		if (declared === null) {
			out.suggestions.push({
				dimension: item.dimension,
				ordinal: item.ordinal,
				name: item.name,
				line: item.line,
				part3: {
					ordinal: page.ordinal,
					nameLine: page.nameLine,
					budgetLine: page.budgetLine,
					amount: page.budget
				},
				part2: unassigned
					.filter((u) => u.line === item.line && u.items.includes(item.ordinal))
					.map((u) => ({
						line: u.line,
						fiscalYear: u.fiscalYear,
						amount: u.amount,
						items: u.items
					}))
			});
			continue;
		}
		if (declared === undefined) continue;
		const varies = fiscalYears.some((y) => item.budget[String(y)] !== declared);
		out.checks.push({
			name: 'part2_vs_part3_budget',
			fiscalYear: first,
			dimension: item.dimension,
			declared,
			computed: page.budget,
			ok: toSatang(declared) === toSatang(page.budget),
			line: item.line,
			severity: 'warning',
			detail:
				`part2 line ${item.line} (item ${item.ordinal}, ปี ${first}) vs part3 page at line ` +
				`${page.budgetLine}: Part 3 states one amount for every year ${span}, compared with ` +
				`the first year's` +
				(varies ? '; the Part 2 amounts differ from year to year' : '')
		});
	}
	// Keys once per name, not once per item × page (nameSimilarity would recompute both).
	const pageKeys = named.map((p) => matchKey(p.name!));
	items.forEach((item, k) => {
		if (matchedItems.has(k)) return;
		// The nearest page, so that a reader can see how close the spelling came.
		let nearest: { nameLine: number | null; similarity: number } | null = null;
		const key = matchKey(item.name);
		for (const [j, page] of named.entries()) {
			if (item.dimension !== null && page.dimension !== null && page.dimension !== item.dimension)
				continue;
			const similarity = round3(diceCoefficient(key, pageKeys[j]!));
			if (!nearest || similarity > nearest.similarity)
				nearest = { nameLine: page.nameLine, similarity };
		}
		out.problems.push(
			issue.part3PageMissing(item.line, item.dimension, item.ordinal, item.name, nearest)
		);
	});
	out.unmatchedPages = pages.filter((p) => !matchedPages.has(p));
	return out;
}
