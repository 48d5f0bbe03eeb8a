import { squash } from '../../text/canonical.ts';
import { thaiToArabicDigits } from '../../text/thai-digits.ts';

/** One project read out of a Part 2 projects cell: its ordinal as written and its name. */
export interface SplitProject {
	ordinal: number;
	name: string;
}

export interface SplitResult {
	/**
	 * Text before the first ordinal: the previous row's name continued across a page break
	 * (pao-samut-songkhram plan, line 111 holds a mission continued and project ๔.).
	 */
	lead: string;
	projects: SplitProject[];
	/** The marker the cell numbers with: "๑." (plans) or "๑)" (the annual plan's excerpt). */
	marker: '.' | ')' | null;
}

// Thai digits map one-to-one onto Arabic digits, so indices found in the Arabic copy of the text
// are indices into the original: names keep the digits the document wrote.
const LEADING = /^(\d{1,3})\s*([.)])(?![\d๐-๙])\s*/;

function markerAt(
	arabic: string,
	ordinal: number,
	marker: string,
	from: number
): RegExpExecArray | null {
	const esc = marker === '.' ? '\\.' : '\\)';
	const re = new RegExp(`(?<=^|\\s)${ordinal}\\s*${esc}(?![\\d])\\s*`, 'g');
	re.lastIndex = from;
	return re.exec(arabic);
}

/**
 * Splits a projects cell holding several projects: "๑. name ๒. name" or "๑) name ๒) name".
 * Only the numbers that continue the running sequence split the cell, so "(E - Service)",
 * "๕ ส." or "ปี ๒๕๖๖" inside a name never do.
 *
 * `expected` is the next ordinal of the dimension (null at a dimension's first row, where Part 2
 * restarts at 1 but the annual plan's excerpt carries on: its dimension 2 begins at ๘).
 * A number at the very start of the cell is taken whatever it is (the caller compares it with
 * `expected`); elsewhere only `expected` itself starts the first project.
 */
export function splitProjects(cell: string, expected: number | null): SplitResult {
	const text = squash(cell);
	const arabic = thaiToArabicDigits(text);
	if (text === '') return { lead: '', projects: [], marker: null };

	let first: number;
	let marker: '.' | ')';
	let nameStart: number;
	let lead = '';
	const m0 = LEADING.exec(arabic);
	if (m0) {
		first = Number(m0[1]);
		marker = m0[2] as '.' | ')';
		nameStart = m0[0].length;
	} else {
		if (expected === null) return { lead: text, projects: [], marker: null };
		const dot = markerAt(arabic, expected, '.', 0);
		const paren = markerAt(arabic, expected, ')', 0);
		const m = dot && paren ? (dot.index <= paren.index ? dot : paren) : (dot ?? paren);
		if (!m) return { lead: text, projects: [], marker: null };
		first = expected;
		marker = m === dot ? '.' : ')';
		lead = text.slice(0, m.index).trim();
		nameStart = m.index + m[0].length;
	}

	const projects: SplitProject[] = [];
	let ordinal = first;
	for (;;) {
		const next = markerAt(arabic, ordinal + 1, marker, nameStart);
		const end = next ? next.index : text.length;
		projects.push({ ordinal, name: text.slice(nameStart, end).trim() });
		if (!next) break;
		ordinal += 1;
		nameStart = next.index + next[0].length;
	}
	return { lead, projects, marker };
}
