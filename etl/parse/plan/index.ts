import { readProjectPages } from '../common/project-pages.ts';
import type { SourceText } from '../common/source.ts';
import type { Check, KindParse, Problem } from '../common/types.ts';
import { introChecks } from './checks.ts';
import { readIntroCounts } from './intro.ts';
import { parsePart2Table } from './part2-table.ts';
import { matchPart3 } from './part3-match.ts';
import * as issue from './problems.ts';
import { readPlanTitle } from './title.ts';
import { append } from '../common/append.ts';

export { parsePart2Table, type Part2Result } from './part2-table.ts';

/**
 * Parses a multi-year anti-corruption action plan ("แผนปฏิบัติการป้องกันการทุจริต …
 * (พ.ศ. ๒๕๖๖ - ๒๕๗๐)"): the cover, the foreword's declared counts, the Part 2 table (role
 * 'multi_year', budgets keyed by BE year) with its checks, and the Part 3 project pages matched
 * to the table's items by name.
 */
export function parseMultiYearPlan(src: SourceText): KindParse {
	const cover = readPlanTitle(src);
	const problems: Problem[] = [];
	const checks: Check[] = [];
	const part2 = parsePart2Table(src, 1, 'multi_year');
	if (!part2) {
		problems.push(issue.noTable(null));
		return {
			tables: [],
			checks,
			problems,
			fiscalYears: cover.years,
			asOf: null,
			title: cover.title,
			laoLine: cover.laoLine
		};
	}
	const { table } = part2;
	append(problems, part2.problems);
	append(checks, part2.checks);
	if (cover.years.length > 0 && cover.years.join() !== part2.fiscalYears.join()) {
		problems.push(
			issue.fiscalYearsMismatch(cover.yearsLine ?? table.lines[0], cover.years, part2.fiscalYears)
		);
	}

	const intro = readIntroCounts(src, 1, table.lines[0] - 1);
	append(checks, introChecks(intro, table.items));

	const pages = readProjectPages(src, part2.endLine + 1);
	const extras: Record<string, unknown> = { intro };
	if (pages.length === 0) {
		problems.push(issue.part3NotFound(part2.endLine));
	} else {
		const part3 = matchPart3(table.items, pages, part2.fiscalYears, table.unassigned);
		append(checks, part3.checks);
		append(problems, part3.problems);
		extras.part3 = {
			pages,
			found: pages.length,
			matched: part3.matches.length,
			matches: part3.matches
		};
		extras.part3UnmatchedPages = part3.unmatchedPages;
		extras.part3Suggestions = part3.suggestions;
	}
	return {
		tables: [table],
		checks,
		problems,
		fiscalYears: part2.fiscalYears,
		asOf: null,
		title: cover.title,
		laoLine: cover.laoLine,
		extras
	};
}
