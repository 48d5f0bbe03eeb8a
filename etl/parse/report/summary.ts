import { parseBaht, parsePercent } from '../../text/baht.ts';
import { squash } from '../../text/canonical.ts';
import { hasThaiDigits, parseThaiInt, thaiToArabicDigits } from '../../text/thai-digits.ts';
import { line, type SourceText } from '../common/source.ts';

/**
 * The "➤ สรุปผลการขับเคลื่อนแผนฯ" block. A report carries it twice — before the table in Thai
 * digits and after it in Arabic digits (pao-ang-thong report, lines 1062–1070 and 1176–1184) — and
 * the copies may disagree; they are compared, never added.
 */
export const SUMMARY_FIELDS = [
	'item_count',
	'pending',
	'in_progress',
	'done',
	'not_done',
	'disbursed',
	'disbursed_percent',
	'implementation_level',
	'implementation_percent'
] as const;
export type SummaryField = (typeof SUMMARY_FIELDS)[number];

export interface Summary {
	/** The heading line. */
	line: number;
	/** Heading to last field line. */
	lines: [number, number];
	digits: 'thai' | 'arabic' | 'mixed';
	fields: Partial<Record<SummaryField, { value: number | string; line: number }>>;
}

const HEADING = /สรุปผลการขับเคลื่อนแผน/;
const int = (s: string | undefined) => (s === undefined ? null : parseThaiInt(s));

/** Each pattern reads one or two fields from a line (Arabic digits, leading "- " dropped). */
const PATTERNS: ReadonlyArray<
	[RegExp, (m: RegExpExecArray) => Partial<Record<SummaryField, number | string | null>>]
> = [
	[/มาตรการ\s*จำนวน\s*([\d,]+)\s*โครงการ/, (m) => ({ item_count: int(m[1]) })],
	[/^รอ(?:การ)?รายงาน\s*(\d+)/, (m) => ({ pending: int(m[1]) })],
	[/^อยู่ระหว่าง(?:การ)?ดำเนินการ\s*(\d+)/, (m) => ({ in_progress: int(m[1]) })],
	[/^ดำเนินการแล้วเสร็จ\s*(\d+)/, (m) => ({ done: int(m[1]) })],
	[/^ไม่สามารถดำเนินการได้\s*(\d+)/, (m) => ({ not_done: int(m[1]) })],
	[
		/^เบิกจ่ายงบประมาณ\s*([\d,.]+)\s*บาท(?:\s*คิดเป็นร้อยละ\s*([\d.]+))?/,
		(m) => ({
			disbursed: parseBaht(m[1] ?? '')?.value ?? null,
			disbursed_percent: m[2] === undefined ? null : parsePercent(m[2])
		})
	],
	[
		// The level is a word or two (ดีมาก, ดีเยี่ยม), at most 40 characters: unbounded, `\S+`
		// read to the end of the line from every ไปปฏิบัติ in it, quadratic (0.85 s on a
		// 100,000-character line; recheck: bench/recheck.ts).
		/ไปปฏิบัติ\s*ระดับ\s*(\S{1,40})\s*ร้อยละ\s*([\d.]+)/,
		(m) => ({
			implementation_level: m[1] ?? null,
			implementation_percent: parsePercent(m[2] ?? '')
		})
	]
];

function readFields(text: string): Partial<Record<SummaryField, number | string>> | null {
	const t = squash(thaiToArabicDigits(text)).replace(/^[-•➤*]\s*/, '');
	for (const [re, read] of PATTERNS) {
		const m = re.exec(t);
		if (!m) continue;
		const out: Partial<Record<SummaryField, number | string>> = {};
		for (const [k, v] of Object.entries(read(m))) if (v !== null) out[k as SummaryField] = v;
		return out;
	}
	return null;
}

/** Every summary block of the document, in order: the heading, then its field lines. */
export function readSummaries(src: SourceText): Summary[] {
	const out: Summary[] = [];
	for (let n = 1; n <= src.lines.length; n++) {
		if (!HEADING.test(line(src, n))) continue;
		const summary: Summary = { line: n, lines: [n, n], digits: 'arabic', fields: {} };
		let thai = 0;
		let arabic = 0;
		let k = n + 1;
		for (; k <= src.lines.length; k++) {
			const text = line(src, k);
			if (squash(text) === '') continue;
			const fields = readFields(text);
			if (fields === null) break;
			for (const [f, value] of Object.entries(fields)) {
				summary.fields[f as SummaryField] = { value, line: k };
			}
			summary.lines[1] = k;
			if (hasThaiDigits(text)) thai++;
			else if (/\d/.test(text)) arabic++;
		}
		summary.digits = thai > 0 && arabic > 0 ? 'mixed' : thai > 0 ? 'thai' : 'arabic';
		if (Object.keys(summary.fields).length > 0) out.push(summary);
		n = k - 1;
	}
	return out;
}
