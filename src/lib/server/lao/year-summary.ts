import { sumBaht } from '../../../../etl/text/baht.ts';
import type {
	AnnualEntry,
	PlanEntry,
	ReportEntry,
	YearSummary
} from '../../components/lao/types.ts';

export interface SummaryInput {
	plan: readonly PlanEntry[];
	annual: readonly AnnualEntry[];
	report: readonly ReportEntry[];
	/** Fiscal years with an accepted annual plan / report on file. */
	annualYears: readonly number[];
	reportYears: readonly number[];
}

/**
 * Per fiscal year, the three stages side by side: what the multi-year plan set aside, what the
 * annual plan budgeted, what the report says was done and disbursed. A year with an annual plan
 * and no report has `annualFiled && !reportFiled`: the page says "no report". Sums are exact in
 * satang (sumBaht); an amount the document could not assign (null) adds nothing.
 */
export function yearSummaries(input: SummaryInput): YearSummary[] {
	const years = [
		...new Set([
			...input.plan.flatMap((p) => p.budgets.map((b) => b.fiscalYear)),
			...input.annual.map((a) => a.fiscalYear),
			...input.report.map((r) => r.fiscalYear),
			...input.annualYears,
			...input.reportYears
		])
	].sort((a, b) => a - b);
	return years.map((fy) => {
		const planned = input.plan.flatMap((p) => p.budgets.filter((b) => b.fiscalYear === fy));
		const annual = input.annual.filter((a) => a.fiscalYear === fy);
		const report = input.report.filter((r) => r.fiscalYear === fy);
		const status = (s: ReportEntry['status']) => report.filter((r) => r.status === s).length;
		return {
			fiscalYear: fy,
			planItems: planned.length,
			plannedBaht: sumBaht(planned.map((b) => b.amount ?? 0)),
			planUnassigned: planned.filter((b) => b.amount === null).length,
			annualFiled: input.annualYears.includes(fy) || annual.length > 0,
			annualItems: annual.length,
			annualBaht: sumBaht(annual.map((a) => a.amount ?? 0)),
			reportFiled: input.reportYears.includes(fy) || report.length > 0,
			reportItems: report.length,
			pending: status('pending'),
			inProgress: status('in_progress'),
			done: status('done'),
			notDone: status('not_done'),
			reportBudgetBaht: sumBaht(report.map((r) => r.budget ?? 0)),
			disbursedBaht: sumBaht(report.map((r) => r.disbursed ?? 0))
		};
	});
}
