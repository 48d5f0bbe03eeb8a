import { line, rowAt, type SourceText } from '../common/source.ts';
import { findBeYears } from '../../text/be-year.ts';
import { squash } from '../../text/canonical.ts';
import { isDimensionHeaderCell, isMissionHeaderCell } from '../../text/ocr.ts';

export interface YearColumn {
	fiscalYear: number;
	col: number;
}

/** Where each column of a Part 2 table is, by position in the header row. */
export interface Part2Columns {
	dimension: number;
	mission: number;
	projects: number;
	/** In column order. */
	years: YearColumn[];
	/** The หมายเหตุ column; null when the header has none. */
	remarks: number | null;
}

export interface Part2Header {
	/** The header's first line. */
	line: number;
	/** Its last line: the same line, or the next one for a two-row header. */
	lastLine: number;
	columns: Part2Columns;
}

/**
 * True for the second row of a two-row header: "\t\t\tงบประมาณ (บาท)\t…" (annual plan of
 * เทศบาลเมืองพิชัย, line 146) — cells that hold only budget-column words or years.
 */
export function isSecondHeaderRow(cells: readonly string[]): boolean {
	let words = 0;
	for (const c of cells) {
		const t = squash(c);
		if (t === '') continue;
		// An amount written without separators ("๕๐๐๐๐") must not pass for a header. `t` is squashed,
		// so words are one space apart at most: ` ?` where `\s*` let neighbouring optional words
		// share a run of spaces in every way (cubic on a long run, tests/fuzz/regex.test.ts).
		const m = /^(?:ปี ?)?(?:พ\.ศ\. ?)?([๐-๙0-9]{4})? ?(งบประมาณ)? ?(?:\(? ?บาท ?\)?)?$/.exec(t);
		if (!m) return false;
		if (m[1] === undefined && m[2] === undefined) return false;
		if (m[1] !== undefined && findBeYears(m[1]).length !== 1) return false;
		words++;
	}
	return words > 0;
}

/**
 * Maps header cells to columns by position. A two-row header is read as one: cell i of the
 * first row and cell i of the second are joined ("ปี ๒๕๖๖" + "งบประมาณ (บาท)"). Columns are
 * never counted from the end: headers carry a trailing empty cell and data rows an extra cell
 * (pao-samut-songkhram plan, lines 178–179). Returns null when the cells are not a Part 2 header.
 */
export function mapHeaderCells(
	first: readonly string[],
	second: readonly string[] | null = null
): Part2Columns | null {
	let dimension = -1;
	let mission = -1;
	let projects = -1;
	let remarks: number | null = null;
	const years: YearColumn[] = [];
	const width = Math.max(first.length, second?.length ?? 0);
	for (let i = 0; i < width; i++) {
		const top = squash(first[i] ?? '');
		const cell = squash(`${top} ${second?.[i] ?? ''}`);
		if (cell === '') continue;
		if (dimension < 0 && isDimensionHeaderCell(top)) dimension = i;
		else if (mission < 0 && isMissionHeaderCell(top)) mission = i;
		else if (projects < 0 && /โครงการ/.test(top)) projects = i;
		else if (remarks === null && /หมายเหตุ/.test(cell)) remarks = i;
		else {
			const found = findBeYears(cell);
			if (found.length === 1 && /ปี|งบประมาณ/.test(cell))
				years.push({ fiscalYear: found[0]!, col: i });
		}
	}
	if (dimension < 0 || mission < 0 || projects < 0 || years.length === 0) return null;
	return { dimension, mission, projects, years, remarks };
}

/** Reads a Part 2 header starting at line n (one or two rows), or null. */
export function readHeaderAt(src: SourceText, n: number): Part2Header | null {
	const row = rowAt(src, n);
	if (!row) return null;
	const next = rowAt(src, n + 1);
	// The second row may carry the years ("งบประมาณ (บาท)" above, "ปี ๒๕๖๖" below).
	if (next && isSecondHeaderRow(next.cells)) {
		const both = mapHeaderCells(row.cells, next.cells);
		if (both) return { line: n, lastLine: n + 1, columns: both };
	}
	const alone = mapHeaderCells(row.cells);
	return alone ? { line: n, lastLine: n, columns: alone } : null;
}

/** The first Part 2 header at or after `from` (up to `to`, inclusive). */
export function findHeader(
	src: SourceText,
	from: number,
	to = src.lines.length
): Part2Header | null {
	for (let n = Math.max(1, from); n <= to; n++) {
		if (!line(src, n).includes('\t')) continue;
		const h = readHeaderAt(src, n);
		if (h) return h;
	}
	return null;
}
