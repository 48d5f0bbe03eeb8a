/**
 * The parse report: what `etl parse --json` prints and what the database keeps per document
 * (source_documents.report). Field names may grow, never change (issue #3).
 *
 * Fiscal years are Buddhist Era integers (2568 = FY2025). Money is baht as JS numbers; sums are
 * computed in satang integers (see etl/text/baht.ts) so that 0.1 + 0.2 never leaks into a check.
 */

export type DocumentKind = 'multi_year_plan' | 'annual_plan' | 'progress_report';
export type Verdict = 'accepted' | 'accepted_with_warnings' | 'quarantined';
export type LaoType =
	| 'provincial_admin_org'
	| 'city_municipality'
	| 'town_municipality'
	| 'subdistrict_municipality'
	| 'subdistrict_admin_org'
	| 'special_admin_area'
	| 'bangkok';
export type Resolution = 'resolved' | 'ambiguous' | 'unresolved';
export type ItemStatus = 'pending' | 'in_progress' | 'done' | 'not_done';
export type Severity = 'error' | 'warning';

/** Which of a document's tables this is; a file may hold several (one annual table per year). */
export type TableRole =
	/** Part 2 of a multi-year plan: projects by มิติ with one budget column per year. */
	| 'multi_year'
	/** A Part 2 table reproduced inside another document (e.g. inside an annual plan). */
	| 'multi_year_excerpt'
	/** The E-PlanNACC annual plan export (quarter ticks). */
	| 'annual'
	/** The E-PlanNACC progress report export (budget, disbursed, status ticks). */
	| 'report';

export interface LaoRef {
	nameAsWritten: string;
	type: LaoType | null;
	/** The name without its type prefix, as the register writes it ("พิชัย"). */
	name: string | null;
	province: string | null;
	district: string | null;
	dlaCode: string | null;
	resolution: Resolution;
	/** DLA codes of the candidates when the resolution is ambiguous. */
	candidates?: string[];
	line: number | null;
}

export interface Item {
	ordinal: number;
	dimension: 1 | 2 | 3 | 4 | null;
	name: string;
	/** 'project' | 'activity' | 'measure' from the name's first word; null when it has none. */
	itemKind: 'project' | 'activity' | 'measure' | null;
	/** Keyed by BE fiscal year. null = the document gives an amount we cannot assign to this item. */
	budget: Record<string, number | null>;
	quarters: [boolean, boolean, boolean, boolean] | null;
	status: ItemStatus | null;
	disbursed: number | null;
	line: number;
	remark?: string | null;
	/** Other lines this item was read from (a budget on the next row, a Part 3 page...). */
	lines?: number[];
}

/** An amount in a budget column that cannot be tied to exactly one item without guessing. */
export interface UnassignedAmount {
	line: number;
	fiscalYear: number;
	amount: number;
	/** Ordinals of the items sharing the cell; empty when the row names no item at all. */
	items: number[];
	reason: 'shared_cell' | 'row_without_item';
}

export interface Table {
	role: TableRole;
	fiscalYear: number | null;
	/** First and last line (1-based) of the table, page breaks included. */
	lines: [number, number];
	items: Item[];
	unassigned: UnassignedAmount[];
	/** Whatever the table declares itself: totals per year, tick counts, counts per dimension... */
	declared: Record<string, unknown>;
}

export interface Check {
	name: string;
	fiscalYear: number | null;
	dimension?: number | null;
	declared: number | string | null;
	computed: number | string | null;
	ok: boolean;
	line: number | null;
	/** Severity when not ok. */
	severity: Severity;
	/** Where the check's two sides came from (e.g. "part2 vs part3"). */
	detail?: string;
}

export interface Problem {
	line: number | null;
	severity: Severity;
	code: string;
	message: string;
	/** The same message in Thai. */
	messageTh?: string;
	expected?: unknown;
	found?: unknown;
}

export interface ParseReport {
	sha256: string;
	parser: string;
	kind: DocumentKind | null;
	verdict: Verdict;
	lao: LaoRef | null;
	fiscalYears: number[];
	asOf: string | null;
	title: string | null;
	lineCount: number;
	tables: Table[];
	checks: Check[];
	problems: Problem[];
	/** Other structured parts the document holds (summary blocks, Part 3 pages, narrative). */
	extras?: Record<string, unknown>;
}

/**
 * What one kind's parser returns; etl/parse/index.ts adds the sha256, the LAO, the kind and the
 * verdict to make a ParseReport.
 */
export interface KindParse {
	tables: Table[];
	checks: Check[];
	problems: Problem[];
	fiscalYears: number[];
	asOf: string | null;
	title: string | null;
	/** The line that names the LAO most plainly (a title "… ของ เทศบาลเมืองพิชัย"), if the parser saw one. */
	laoLine?: number | null;
	extras?: Record<string, unknown>;
}
