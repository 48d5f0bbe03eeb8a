import { line, type SourceText } from '../common/source.ts';
import { findBeYears, yearRange } from '../../text/be-year.ts';
import { squash } from '../../text/canonical.ts';

export interface PlanTitle {
	title: string | null;
	titleLine: number | null;
	/** The plan's years from "(พ.ศ. ๒๕๖๖ - ๒๕๗๐)"; empty when the cover does not say. */
	years: number[];
	yearsLine: number | null;
	/** The cover line naming the LAO ("องค์การบริหารส่วนจังหวัดสมุทรสงคราม", line 8). */
	laoLine: number | null;
}

/** How far into the document the cover is looked for. */
const COVER_LINES = 40;
const LAO_PREFIX = /^(?:องค์การบริหารส่วนจังหวัด|องค์การบริหารส่วนตำบล|เทศบาล|เมืองพัทยา|กรุงเทพมหานคร)/;
const YEAR_RANGE = /พ\.ศ\.\s*([๐-๙\d]{4})\s*[-–—]\s*([๐-๙\d]{4})/;

const clean = (text: string): string => squash(text.replace(/\*+/g, ''));

/**
 * Reads the cover: the title block (the first lines holding "แผนปฏิบัติการป้องกันการทุจริต",
 * bold markers dropped, with the year range when it stands just below), the year range, and the
 * line naming the LAO.
 */
export function readPlanTitle(src: SourceText): PlanTitle {
	const last = Math.min(COVER_LINES, src.lines.length);
	const out: PlanTitle = {
		title: null,
		titleLine: null,
		years: [],
		yearsLine: null,
		laoLine: null
	};
	for (let n = 1; n <= last; n++) {
		const text = clean(line(src, n));
		if (out.titleLine === null && text.includes('แผนปฏิบัติการป้องกันการทุจริต')) {
			out.titleLine = n;
			const parts = [text];
			for (let k = n + 1; k <= last && clean(line(src, k)) !== ''; k++)
				parts.push(clean(line(src, k)));
			out.title = parts.join(' ');
		}
		if (out.yearsLine === null && out.titleLine !== null) {
			const m = YEAR_RANGE.exec(text);
			const years = m ? findBeYears(`${m[1]} ${m[2]}`) : [];
			if (years.length === 2 && years[0]! <= years[1]!) {
				out.years = yearRange(years[0]!, years[1]!);
				out.yearsLine = n;
				if (n - out.titleLine <= 6 && !out.title!.includes(text)) out.title += ` ${text}`;
			}
		}
		if (out.laoLine === null && LAO_PREFIX.test(text)) out.laoLine = n;
	}
	return out;
}
