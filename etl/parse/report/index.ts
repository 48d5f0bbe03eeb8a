import { latestAsOf, scanEplanTables } from '../common/eplan-table.ts';
import type { SourceText } from '../common/source.ts';
import type { Check, KindParse, Problem } from '../common/types.ts';
import { reportIssue } from './issues.ts';
import { matchNarrative } from './narrative-match.ts';
import { readNarrative } from './narrative.ts';
import { reportTable } from './report-table.ts';
import { chooseSummary, copiesAgree, summaryChecks } from './summary-checks.ts';
import { readSummaries } from './summary.ts';
import { append } from '../common/append.ts';

/**
 * The E-PlanNACC progress report: a narrative (one entry per project, numbered its own way), the
 * summary block (twice: Thai digits, then Arabic), and the report table (budget, disbursed, one
 * status tick per row). The summary copies are compared with each other, and the table with the
 * first copy that agrees with it; the narrative's "not done" entries with the table's statuses.
 * When a file holds several report tables, the first is the one the summary describes.
 */
export function parseProgressReport(src: SourceText): KindParse {
	const scan = scanEplanTables(src, 'report');
	const parsed = scan.tables.map(reportTable);
	const tables = parsed.map((p) => p.table);
	const problems: Problem[] = [...scan.problems, ...parsed.flatMap((p) => p.problems)];
	const checks: Check[] = [];
	const main = tables[0] ?? null;
	if (!main) problems.push(reportIssue('no_table', null, {}));

	const summaries = readSummaries(src);
	if (summaries.length === 0) problems.push(reportIssue('missing_summary', null, {}));
	append(checks, copiesAgree(summaries, main?.fiscalYear ?? null));
	const chosen = main && chooseSummary(summaries, main);
	if (main && chosen) {
		const { summary, reason } = chosen;
		const values = Object.fromEntries(Object.entries(summary.fields).map(([f, v]) => [f, v.value]));
		Object.assign(main.declared, {
			summaryLine: summary.line,
			summaryChoice: reason,
			summary: values
		});
		append(checks, summaryChecks(summary, main));
	}

	const firstTable = scan.tables[0]?.title.line ?? src.lines.length + 1;
	const end = Math.min(firstTable, summaries[0]?.line ?? firstTable);
	const narrative = readNarrative(src, end);
	const matched = matchNarrative(narrative, main);
	append(checks, matched.checks);
	append(problems, matched.problems);

	const first = scan.tables[0];
	return {
		tables,
		checks,
		problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
		fiscalYears: [...new Set(scan.tables.map((t) => t.title.fiscalYear))],
		asOf: latestAsOf(scan.tables),
		title: first?.title.text ?? null,
		laoLine: first?.title.line ?? null,
		extras: { summaries, narrative }
	};
}
