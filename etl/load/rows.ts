import type * as schema from '../../db/schema/index.ts';
import type { Check, Item, ParseReport, Problem, Table, TableRole } from '../parse/common/types.ts';
import { LoadError } from './load-error.ts';

/** The provenance every fact row carries (db/schema/provenance.ts), minus its line. */
export interface Provenance {
	loadRunId: number;
	sourceDocumentId: number;
	isSynthetic: boolean;
}

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];
export type DocTableRow = Insert<typeof schema.docTables>;
export type PlanItemRow = Insert<typeof schema.planItems>;
export type PlanItemBudgetRow = Insert<typeof schema.planItemBudgets>;
export type ReportItemRow = Insert<typeof schema.reportItems>;
export type UnassignedRow = Insert<typeof schema.unassignedAmounts>;
export type CheckRow = Insert<typeof schema.checks>;
export type ProblemRow = Insert<typeof schema.problems>;
export type QuarantineRow = Insert<typeof schema.quarantine>;

/** Tables whose items go to plan_items; 'report' items go to report_items. */
export const PLAN_ROLES: ReadonlySet<TableRole> = new Set([
	'multi_year',
	'multi_year_excerpt',
	'annual'
]);

/** Baht as numeric(16,2) text: exact, whatever float the number carries (5000 → '5000.00'). */
export function money(amount: number | null | undefined, line: number): string | null {
	if (amount === null || amount === undefined) return null;
	if (!Number.isFinite(amount)) {
		throw new LoadError('invalid_report', `${amount} is not an amount`, { line });
	}
	return amount.toFixed(2);
}

/** A budget key ('2568') as a BE fiscal year. */
export function fiscalYear(key: string, line: number): number {
	const year = Number(key);
	if (!Number.isInteger(year) || year < 2400 || year > 2700) {
		throw new LoadError('invalid_report', `budget key "${key}" is not a BE fiscal year`, { line });
	}
	return year;
}

export function docTableRows(report: ParseReport, base: Provenance): DocTableRow[] {
	return report.tables.map((t, tableIndex) => ({
		...base,
		tableIndex,
		role: t.role,
		fiscalYear: t.fiscalYear,
		lineStart: t.lines[0],
		lineEnd: t.lines[1],
		declared: t.declared,
		sourceLine: t.lines[0]
	}));
}

function itemColumns(item: Item, docTableId: number, laoDlaCode: string | null) {
	return {
		docTableId,
		ordinal: item.ordinal,
		dimension: item.dimension,
		name: item.name,
		itemKind: item.itemKind,
		remark: item.remark ?? null,
		otherLines: item.lines ?? [],
		laoDlaCode,
		sourceLine: item.line
	};
}

export function planItemRow(
	item: Item,
	docTableId: number,
	laoDlaCode: string | null,
	base: Provenance
): PlanItemRow {
	return { ...base, ...itemColumns(item, docTableId, laoDlaCode), quarters: item.quarters };
}

/** One row per year the item has a budget cell for; null amounts stay null (never guessed). */
export function budgetRows(item: Item, planItemId: number, base: Provenance): PlanItemBudgetRow[] {
	return Object.entries(item.budget).map(([key, amount]) => ({
		...base,
		planItemId,
		fiscalYear: fiscalYear(key, item.line),
		amount: money(amount, item.line),
		sourceLine: item.line
	}));
}

/**
 * A progress report has one fiscal year: the table's, else the only year the item's budget names.
 */
export function reportItemRow(
	item: Item,
	table: Table,
	docTableId: number,
	laoDlaCode: string | null,
	base: Provenance
): ReportItemRow {
	const keys = Object.keys(item.budget);
	const year =
		table.fiscalYear ?? (keys.length === 1 ? fiscalYear(keys[0] as string, item.line) : null);
	return {
		...base,
		...itemColumns(item, docTableId, laoDlaCode),
		fiscalYear: year,
		budget: year === null ? null : money(item.budget[String(year)], item.line),
		disbursed: money(item.disbursed, item.line),
		status: item.status
	};
}

export function unassignedRows(
	table: Table,
	docTableId: number,
	base: Provenance
): UnassignedRow[] {
	return table.unassigned.map((u) => ({
		...base,
		docTableId,
		fiscalYear: u.fiscalYear,
		amount: money(u.amount, u.line) as string,
		reason: u.reason,
		itemOrdinals: u.items,
		sourceLine: u.line
	}));
}

/** A check's side as text, and as a number when it is one. */
function side(value: number | string | null, line: number | null): [string | null, string | null] {
	if (value === null || value === undefined) return [null, null];
	if (typeof value === 'string') return [value, null];
	if (!Number.isFinite(value)) {
		throw new LoadError('invalid_report', `check value ${value} is not a number`, { line });
	}
	return [String(value), String(value)];
}

export function checkRow(check: Check, base: Provenance): CheckRow {
	const [declared, declaredNum] = side(check.declared, check.line);
	const [computed, computedNum] = side(check.computed, check.line);
	return {
		...base,
		name: check.name,
		fiscalYear: check.fiscalYear,
		dimension: check.dimension ?? null,
		detail: check.detail ?? null,
		declared,
		computed,
		declaredNum,
		computedNum,
		ok: check.ok,
		severity: check.severity,
		sourceLine: check.line
	};
}

export function problemRow(problem: Problem, base: Provenance): ProblemRow {
	return {
		...base,
		code: problem.code,
		severity: problem.severity,
		message: problem.message,
		messageTh: problem.messageTh ?? null,
		expected: problem.expected ?? null,
		found: problem.found ?? null,
		sourceLine: problem.line
	};
}

/** expected/found as a reviewer reads them: strings as they are, anything else as JSON. */
export function asText(value: unknown): string | null {
	if (value === null || value === undefined) return null;
	return typeof value === 'string' ? value : JSON.stringify(value);
}

export interface QuarantineContext {
	origin: string;
	sha256: string;
	loadRunId: number;
	sourceDocumentId: number;
	isSynthetic: boolean;
}

/**
 * One row per error: each error-severity problem, then each failed error-severity check.
 * A quarantined report without any (the verdict says so, nothing says why) still gets one row,
 * so that every quarantined document has at least one reason on record.
 */
export function quarantineRows(report: ParseReport, ctx: QuarantineContext): QuarantineRow[] {
	const rows: QuarantineRow[] = [];
	for (const p of report.problems) {
		if (p.severity !== 'error') continue;
		rows.push({
			...ctx,
			sourceLine: p.line,
			rule: p.code,
			expected: asText(p.expected),
			found: asText(p.found),
			message: p.message
		});
	}
	for (const c of report.checks) {
		if (c.ok || c.severity !== 'error') continue;
		const year = c.fiscalYear === null ? '' : ` ${c.fiscalYear}`;
		const where = c.detail ? ` (${c.detail})` : '';
		rows.push({
			...ctx,
			sourceLine: c.line,
			rule: c.name,
			expected: asText(c.declared),
			found: asText(c.computed),
			message: `${c.name}${year}: declared ${asText(c.declared)} ≠ computed ${asText(c.computed)}${where}`
		});
	}
	if (rows.length === 0) {
		rows.push({
			...ctx,
			sourceLine: null,
			rule: 'quarantined_without_error',
			expected: null,
			found: null,
			message: 'The verdict is quarantined but the report lists no error.'
		});
	}
	return rows;
}
