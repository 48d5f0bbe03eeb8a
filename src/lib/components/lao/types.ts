/**
 * The LAO page's data, as src/lib/server/lao builds it and the components read it. Types only:
 * the components may not import $lib/server, so the shape lives here.
 */

export type LaoTypeName =
	| 'provincial_admin_org'
	| 'city_municipality'
	| 'town_municipality'
	| 'subdistrict_municipality'
	| 'subdistrict_admin_org'
	| 'special_admin_area'
	| 'bangkok';

export type ItemStatus = 'pending' | 'in_progress' | 'done' | 'not_done';

/** Where a figure was read: `/documents/<documentId>#L<line>`. */
export interface Source {
	documentId: number;
	line: number;
}

/** A project / activity / measure of the multi-year plan (doc_tables.role multi_year). */
export interface PlanEntry extends Source {
	id: number;
	dimension: number | null;
	name: string;
	isSynthetic: boolean;
	/** One per fiscal year the plan covers; amount null = not assignable to this item alone. */
	budgets: Array<{ fiscalYear: number; amount: number | null; line: number }>;
}

/** An item of an annual plan (role annual) with its budget for that year. */
export interface AnnualEntry extends Source {
	id: number;
	fiscalYear: number;
	dimension: number | null;
	name: string;
	isSynthetic: boolean;
	amount: number | null;
	/** The line of the amount (plan_item_budgets.source_line). */
	amountLine: number;
}

/** An item of a progress report (report_items). */
export interface ReportEntry extends Source {
	id: number;
	fiscalYear: number;
	dimension: number | null;
	name: string;
	isSynthetic: boolean;
	budget: number | null;
	disbursed: number | null;
	status: ItemStatus | null;
}

/** How one stage's item was found: its score against the name it was matched with. */
export interface Found<T> {
	item: T;
	/** nameSimilarity of the follow keys, 1 when they are equal. */
	score: number;
	/** true when both names have the same matchKey as written (no spelling damage at all). */
	exact: boolean;
}

/**
 * One fiscal year of one followed project. `annualFiled` / `reportFiled`: whether the LAO has an
 * accepted annual plan / report for that year at all, which tells "not in the annual plan" from
 * "no annual plan on file".
 */
export interface FollowYear {
	fiscalYear: number;
	planned: { amount: number | null; line: number; documentId: number } | null;
	annual: Found<AnnualEntry> | null;
	report: Found<ReportEntry> | null;
	planFiled: boolean;
	annualFiled: boolean;
	reportFiled: boolean;
}

/** One project followed by name: from the multi-year plan if it is there, else from its first stage. */
export interface FollowThread {
	name: string;
	dimension: number | null;
	plan: PlanEntry | null;
	years: FollowYear[];
}

/** Per fiscal year, what the matching found (the figures the tests hold exact). */
export interface FollowCounts {
	fiscalYear: number;
	/** Multi-year plan items with a budget row for this year. */
	planItems: number;
	annualItems: number;
	reportItems: number;
	/** Annual items matched to a plan item / plan items (covering the year) with no annual item. */
	annualFromPlan: number;
	planNotInAnnual: number;
	annualNotInPlan: number;
	/** Report items matched to an annual item / annual items the report does not list. */
	reportFromAnnual: number;
	annualNotReported: number;
	/** Report items matched to the plan only, skipping the annual plan. */
	reportFromPlanOnly: number;
	/** Report items that match nothing planned (where a plan or an annual plan was filed). */
	reportUnplanned: number;
	/** Matches whose names differ as written (spelling damage seen through). */
	inexact: number;
}

export interface FollowThrough {
	years: number[];
	threads: FollowThread[];
	counts: FollowCounts[];
}

/**
 * The follow-through as the page carries it (src/lib/server/lao/view.ts `followView`): what the
 * table shows and nothing else. The full FollowThrough repeats each project's name up to a dozen
 * times (the plan's, each year's annual and report item's) with ids, budgets and flags the table
 * never reads; the page's inline data was 100 K characters for one LAO, serialised, hashed for
 * the CSP and the ETag on every cold page. An item's name is kept only where it is spelt unlike
 * the name it was matched with (the table shows it then).
 */
export interface FollowView {
	years: number[];
	counts: FollowCounts[];
	threads: FollowViewThread[];
}

export interface FollowViewThread {
	name: string;
	dimension: number | null;
	years: FollowViewYear[];
}

export interface FoundView<T> {
	item: T & { documentId: number; name: string | null };
	score: number;
	exact: boolean;
}

export interface FollowViewYear {
	fiscalYear: number;
	planned: { amount: number | null; line: number; documentId: number } | null;
	annual: FoundView<{ amount: number | null; amountLine: number }> | null;
	report: FoundView<{ disbursed: number | null; line: number; status: ItemStatus | null }> | null;
	planFiled: boolean;
	annualFiled: boolean;
	reportFiled: boolean;
}

/** Per fiscal year: the three stages' totals, from accepted documents. */
export interface YearSummary {
	fiscalYear: number;
	planItems: number;
	plannedBaht: number;
	/** Plan items whose amount that year sits in a cell shared with others (not in plannedBaht). */
	planUnassigned: number;
	annualFiled: boolean;
	annualItems: number;
	annualBaht: number;
	reportFiled: boolean;
	reportItems: number;
	pending: number;
	inProgress: number;
	done: number;
	notDone: number;
	reportBudgetBaht: number;
	disbursedBaht: number;
}

export interface LaoHeader {
	dlaCode: string;
	/** As the register writes it, without the type prefix: "พิชัย". */
	nameTh: string;
	/** As documents write it: "เทศบาลเมืองพิชัย". */
	fullNameTh: string;
	type: LaoTypeName;
	provinceCode: string;
	provinceTh: string;
	provinceEn: string;
	district: string | null;
	lat: number | null;
	lon: number | null;
	isSynthetic: boolean;
}

export interface LaoDocument {
	id: number;
	kind: 'multi_year_plan' | 'annual_plan' | 'progress_report' | null;
	verdict: 'accepted' | 'accepted_with_warnings' | 'quarantined';
	fiscalYears: number[];
	itemCount: number;
	failedChecks: number;
	origin: string;
	isSynthetic: boolean;
}

export interface LaoPage {
	lao: LaoHeader;
	documents: LaoDocument[];
	summary: YearSummary[];
	follow: FollowThrough;
	/** The LAO, a document or a shown row is synthetic: the page carries the label. */
	synthetic: boolean;
}
