import { squash } from '../text/canonical.ts';
import { isMissionHeaderCell } from '../text/ocr.ts';
import type { DocumentKind } from './common/types.ts';
import type { SourceText } from './common/source.ts';

export interface Detection {
	kind: DocumentKind;
	/** The line whose content decided it. */
	line: number;
	reason: string;
}

/**
 * Recognises the kind from the text itself, by the table header each kind carries. An annual plan
 * also reproduces the multi-year table, and a report can quote the plan, so the E-PlanNACC report
 * header wins over the annual header, which wins over the multi-year header.
 */
export function detectKind(src: SourceText): Detection | null {
	let annual: Detection | null = null;
	let multiYear: Detection | null = null;
	for (let i = 0; i < src.lines.length; i++) {
		const l = src.lines[i]!;
		if (!l.includes('\t')) continue;
		const cells = l.split('\t').map(squash);
		const line = i + 1;
		if (cells.some((c) => c.startsWith('เบิกจ่าย')) && cells.includes('สถานะ')) {
			return { kind: 'progress_report', line, reason: 'E-PlanNACC report header (เบิกจ่าย, สถานะ)' };
		}
		if (!annual && cells.some((c) => c.startsWith('ดำเนินการไตรมาส'))) {
			annual = { kind: 'annual_plan', line, reason: 'E-PlanNACC annual header (ดำเนินการไตรมาส)' };
		}
		if (
			!multiYear &&
			cells.some(isMissionHeaderCell) &&
			cells.some((c) => /^ปี\s*[๐-๙0-9]{4}/.test(c))
		) {
			multiYear = { kind: 'multi_year_plan', line, reason: 'Part 2 header (ภารกิจตามมิติ, ปี ...)' };
		}
	}
	return annual ?? multiYear;
}
