import { parseBaht, parseBahtList, type Baht } from '../../text/baht.ts';
import { squash } from '../../text/canonical.ts';

export type AmountCell =
	{ kind: 'empty' } | { kind: 'amounts'; amounts: Baht[] } | { kind: 'bad'; text: string };

/**
 * Reads a Part 2 budget cell: one amount ("๕๐,๐๐๐", "-", "จำนวน ๒๖๕,๐๐๐ บาท") or several
 * separated by spaces, one per project of the row ("- ๒๕,๐๐๐ - - - -", line 136 of the
 * pao-samut-songkhram plan).
 */
export function readAmountCell(cell: string): AmountCell {
	const text = squash(cell);
	if (text === '') return { kind: 'empty' };
	const one = parseBaht(text);
	if (one) return { kind: 'amounts', amounts: [one] };
	const many = parseBahtList(text.replace(/(?<!\s)\s*บาท(?=\s|$)/g, ''));
	if (many && many.length > 0) return { kind: 'amounts', amounts: many };
	return { kind: 'bad', text };
}

export interface Assignment {
	/** One value per project of the row; null = the cell holds an amount we cannot assign. */
	values: Array<number | null>;
	/** Amounts left unassigned (baht), in cell order. */
	unassigned: number[];
	reason: 'shared_cell' | 'row_without_item' | null;
}

/**
 * Ties a cell's amounts to the row's projects without guessing:
 * - as many amounts as projects: one each;
 * - no project: every amount is unassigned ('row_without_item');
 * - any other count, e.g. one 50,000 for projects 1 and 2 (line 107): nothing is assigned, the
 *   amounts are unassigned ('shared_cell') — unless every amount is zero: amounts are never
 *   negative, so a "-" spanning several projects says each of them is zero (lines 129, 148).
 */
export function assignAmounts(amounts: readonly Baht[], projects: number): Assignment {
	if (projects === 0) {
		return { values: [], unassigned: amounts.map((a) => a.value), reason: 'row_without_item' };
	}
	if (amounts.length === projects) {
		return { values: amounts.map((a) => a.value), unassigned: [], reason: null };
	}
	if (amounts.every((a) => a.satang === 0)) {
		return { values: new Array<number>(projects).fill(0), unassigned: [], reason: null };
	}
	return {
		values: new Array<null>(projects).fill(null),
		unassigned: amounts.map((a) => a.value),
		reason: 'shared_cell'
	};
}
