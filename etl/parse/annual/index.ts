import { latestAsOf, scanEplanTables } from '../common/eplan-table.ts';
import { readProjectPages } from '../common/project-pages.ts';
import type { SourceText } from '../common/source.ts';
import type { Check, KindParse, Problem, Table } from '../common/types.ts';
import { parsePart2Table } from '../plan/index.ts';
import { annualTable } from './annual-table.ts';
import { annualIssue } from './issues.ts';
import { append } from '../common/append.ts';

/**
 * The E-PlanNACC annual plan export: one or more annual tables (one per fiscal year, each with
 * its own title and รวมทั้งสิ้น row) and, in the same file, the multi-year plan's Part 2 table
 * reproduced (role 'multi_year_excerpt'), then one page per project (kept in extras.projectPages;
 * not yet compared with the table).
 */
export function parseAnnualPlan(src: SourceText): KindParse {
	const scan = scanEplanTables(src, 'annual');
	const tables: Table[] = [];
	const checks: Check[] = [];
	const problems: Problem[] = [...scan.problems];
	for (const t of scan.tables) {
		const parsed = annualTable(t);
		tables.push(parsed.table);
		append(checks, parsed.checks);
		append(problems, parsed.problems);
	}
	if (scan.tables.length === 0) problems.push(annualIssue('no_table', null, {}));
	const excerpt = parsePart2Table(src, 1, 'multi_year_excerpt');
	if (excerpt) {
		tables.push(excerpt.table);
		append(checks, excerpt.checks);
		append(problems, excerpt.problems);
	}
	// Part 3, one page per project, follows the excerpt: read for the record, not yet checked.
	const after = excerpt?.endLine ?? scan.tables.at(-1)?.lines[1] ?? src.lines.length;
	const projectPages = readProjectPages(src, after + 1);
	const first = scan.tables[0];
	return {
		tables,
		checks,
		problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
		fiscalYears: [...new Set(scan.tables.map((t) => t.title.fiscalYear))],
		asOf: latestAsOf(scan.tables),
		title: first?.title.text ?? null,
		laoLine: first?.title.line ?? null,
		extras: { projectPages }
	};
}
