import { line, type SourceText } from '../common/source.ts';
import { squash } from '../../text/canonical.ts';
import { dimensionHeading } from '../../text/ocr.ts';
import { parseThaiInt } from '../../text/thai-digits.ts';

/**
 * What a plan's foreword declares before its table: "รวมทั้งสิ้นจำนวน ๓๕ โครงการ" and
 * "มิติที่ ๑ การสร้างวัฒนธรรมสุจริต จำนวน ๑๑ โครงการ" (pao-samut-songkhram plan, lines 23–31).
 */
export interface IntroCounts {
	total: { count: number; line: number } | null;
	dimensions: Array<{ dimension: 1 | 2 | 3 | 4; count: number; line: number }>;
}

const COUNT = /จำนวน\s*([๐-๙\d,]+)\s*โครงการ/;
const TOTAL = /รวม(?:ทั้งสิ้น)?\s*จำนวน\s*([๐-๙\d,]+)\s*โครงการ/;

/** Reads the first declared count per dimension and the first total, lines from..to inclusive. */
export function readIntroCounts(src: SourceText, from: number, to: number): IntroCounts {
	const out: IntroCounts = { total: null, dimensions: [] };
	for (let n = Math.max(1, from); n <= Math.min(to, src.lines.length); n++) {
		const text = squash(line(src, n));
		if (text === '' || text.includes('\t')) continue;
		const total = TOTAL.exec(text);
		if (total && !out.total) {
			const count = parseThaiInt(total[1]!);
			if (count !== null) out.total = { count, line: n };
			continue;
		}
		const dimension = dimensionHeading(text);
		const m = COUNT.exec(text);
		if (!dimension || !m || out.dimensions.some((d) => d.dimension === dimension)) continue;
		const count = parseThaiInt(m[1]!);
		if (count !== null) out.dimensions.push({ dimension, count, line: n });
	}
	return out;
}
