import type { Problem, Table } from '../common/types.ts';

/** A total row: "รวม" (a dimension's subtotal) or "รวมทั้งสิ้น" (the grand total). */
export interface DeclaredTotal {
	line: number;
	/** "จำนวน ๑๑ โครงการ"; null when the row does not say. */
	itemCount: number | null;
	/** Keyed by BE year; null = the cell is empty or unreadable. */
	budget: Record<string, number | null>;
}

/** A ภารกิจ (mission) of the table, "๑.๑.๒ เสริมสร้างจิตสำนึก…", and the items listed under it. */
export interface Mission {
	dimension: 1 | 2 | 3 | 4 | null;
	/** In Arabic digits: "1.1.2". */
	code: string;
	text: string;
	line: number;
	items: number[];
}

/** One dimension of the table as read: its rows' column sums and its subtotal row. */
export interface DimensionBlock {
	dimension: 1 | 2 | 3 | 4 | null;
	name: string;
	line: number;
	subtotal: DeclaredTotal | null;
	itemCount: number;
	/** Satang per BE year: every amount written in the dimension's column, items and unassigned. */
	sums: Map<number, number>;
	/** BE year → first line where the dimension's column holds a cell that is not an amount. */
	unreadable: Map<number, number>;
}

/** What the Part 2 reader hands to the checks. */
export interface Part2Model {
	table: Table;
	fiscalYears: number[];
	blocks: DimensionBlock[];
	grandTotal: DeclaredTotal | null;
	/** Satang per BE year over the whole table. */
	totalSums: Map<number, number>;
	/** BE year → first line where the table's column holds a cell that is not an amount. */
	unreadable: Map<number, number>;
	problems: Problem[];
	/** Last line of the table (the grand total, or the last row read). */
	endLine: number;
}

export const toSatang = (baht: number): number => Math.round(baht * 100);
