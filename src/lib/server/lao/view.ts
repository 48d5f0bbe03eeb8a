import type {
	AnnualEntry,
	FollowThrough,
	FollowView,
	Found,
	FoundView,
	ReportEntry
} from '../../components/lao/types.ts';

const named = <T extends { name: string }>(found: Found<T>) =>
	found.exact ? null : found.item.name;

/**
 * The follow-through cut to what the LAO page's table shows (types.ts FollowView): no plan
 * entries, ids, budgets or flags it never reads, and an item's name only where it is spelt
 * unlike the name it was matched with. Same threads, years, amounts, lines and links.
 */
export function followView(follow: FollowThrough): FollowView {
	const annual = (f: Found<AnnualEntry> | null): FollowView['threads'][0]['years'][0]['annual'] =>
		f && {
			item: {
				documentId: f.item.documentId,
				amount: f.item.amount,
				amountLine: f.item.amountLine,
				name: named(f)
			},
			score: f.score,
			exact: f.exact
		};
	const report = (
		f: Found<ReportEntry> | null
	): FoundView<{
		disbursed: number | null;
		line: number;
		status: ReportEntry['status'];
	}> | null =>
		f && {
			item: {
				documentId: f.item.documentId,
				disbursed: f.item.disbursed,
				line: f.item.line,
				status: f.item.status,
				name: named(f)
			},
			score: f.score,
			exact: f.exact
		};
	return {
		years: follow.years,
		counts: follow.counts,
		threads: follow.threads.map((t) => ({
			name: t.name,
			dimension: t.dimension,
			years: t.years.map((y) => ({
				fiscalYear: y.fiscalYear,
				planned: y.planned,
				annual: annual(y.annual),
				report: report(y.report),
				planFiled: y.planFiled,
				annualFiled: y.annualFiled,
				reportFiled: y.reportFiled
			}))
		}))
	};
}
