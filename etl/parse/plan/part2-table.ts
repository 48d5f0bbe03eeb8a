import { line, rowAt, type SourceText } from '../common/source.ts';
import type { Check, Problem, Table, TableRole } from '../common/types.ts';
import { tableChecks } from './checks.ts';
import { findHeader, readHeaderAt } from './part2-header.ts';
import type { Part2Model } from './part2-model.ts';
import { Part2Reader } from './part2-reader.ts';
import * as issue from './problems.ts';

export interface Part2Result {
	table: Table;
	checks: Check[];
	problems: Problem[];
	/** Last line of the table: where Part 3 (or the rest of the document) may begin. */
	endLine: number;
	/** The BE years of the budget columns, in column order. */
	fiscalYears: number[];
}

/**
 * Parses the first Part 2 table ("มิติ / ภารกิจตามมิติ / โครงการ… / ปี ๒๕๖๖ … / หมายเหตุ") at or
 * after `startLine`, with its checks. `role` is 'multi_year' for a plan's own table and
 * 'multi_year_excerpt' for a copy inside another document (an annual plan reproduces it and may
 * stop early, so a missing grand total is then only a warning). Null when there is no such table.
 */
export function parsePart2Table(
	src: SourceText,
	startLine: number,
	role: 'multi_year' | 'multi_year_excerpt'
): Part2Result | null {
	const model = readPart2(src, startLine, role);
	if (!model) return null;
	return {
		table: model.table,
		checks: tableChecks(model),
		problems: model.problems,
		endLine: model.endLine,
		fiscalYears: model.fiscalYears
	};
}

/**
 * Lines of page furniture (page numbers, running titles) tolerated between a page's last row and
 * the next page's repeated header; beyond that the table has ended.
 */
const FURNITURE_LINES = 6;

/**
 * Reads the first Part 2 table at or after `startLine`: its header (repeated on every page, in
 * one or two rows), dimension rows, projects, budgets, subtotals and grand total. Returns null when
 * there is no Part 2 header. Amounts are never assigned by guess: see budget-cells.ts.
 */
function readPart2(src: SourceText, startLine: number, role: TableRole): Part2Model | null {
	const header = findHeader(src, startLine);
	if (!header) return null;
	const r = new Part2Reader(header);
	let endLine = header.lastLine;
	let n = header.lastLine + 1;
	const last = src.lines.length;
	while (n <= last) {
		const text = line(src, n);
		if (text.trim() === '') {
			n++;
			continue;
		}
		if (!text.includes('\t')) {
			const next = findTabLine(src, n + 1, Math.min(last, n + FURNITURE_LINES));
			const h = next === null ? null : readHeaderAt(src, next);
			if (!h) break;
			n = h.line;
			continue;
		}
		const h = readHeaderAt(src, n);
		if (h) {
			r.onHeader(h);
			n = h.lastLine + 1;
			continue;
		}
		endLine = n;
		if (r.onRow(rowAt(src, n)!)) break;
		n++;
	}
	const excerpt = role === 'multi_year_excerpt';
	if (!r.grandTotal) r.problems.push(issue.missingGrandTotal(endLine, excerpt));
	r.blocks.forEach((b, k) => {
		const cut = !r.grandTotal && k === r.blocks.length - 1; // explained by the missing grand total
		if (!b.subtotal && !cut) r.problems.push(issue.missingDimensionSubtotal(b.line, b.dimension));
	});
	const table = {
		role,
		fiscalYear: null,
		lines: [header.line, endLine] as [number, number],
		items: r.items,
		unassigned: r.unassigned,
		declared: {
			fiscalYears: r.fiscalYears,
			headerLines: r.headerLines,
			dimensions: r.blocks.map((b) => ({
				dimension: b.dimension,
				name: b.name,
				line: b.line,
				subtotal: b.subtotal
			})),
			grandTotal: r.grandTotal,
			missions: r.missions
		}
	};
	return {
		table,
		fiscalYears: r.fiscalYears,
		blocks: r.blocks,
		grandTotal: r.grandTotal,
		totalSums: r.totalSums,
		unreadable: r.unreadable,
		problems: r.problems,
		endLine
	};
}

function findTabLine(src: SourceText, from: number, to: number): number | null {
	for (let n = from; n <= to; n++) if (line(src, n).includes('\t')) return n;
	return null;
}
