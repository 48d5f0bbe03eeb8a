import { parseBaht } from '../../text/baht.ts';
import { squash } from '../../text/canonical.ts';
import { dimensionHeading } from '../../text/ocr.ts';
import { parseThaiInt, thaiToArabicDigits } from '../../text/thai-digits.ts';
import { line, type SourceText } from './source.ts';

/**
 * Part 3 of a plan: one page per project ("ลำดับที่ ๑", "๑. ชื่อโครงการ …", "๒. หลักการและเหตุผล",
 * …, "๗. งบประมาณดำเนินการ", …), grouped under dimension headings ("มติที่ ๑ …").
 */
export interface ProjectPage {
	/** "ลำดับที่ N"; null when the page has no such heading. Runs across dimensions (1..35). */
	ordinal: number | null;
	dimension: 1 | 2 | 3 | 4 | null;
	/** As written after "๑. ชื่อโครงการ" (the label dropped); null when the page has no name line. */
	name: string | null;
	nameLine: number | null;
	/** Baht; null = no amount read (see budgetLine: null there means no budget section at all). */
	budget: number | null;
	/** The "๗. งบประมาณ…" heading's line; null when the page has no budget section. */
	budgetLine: number | null;
	/** The page wrote "ไม่ใช้งบประมาณ" or "-", not a number. */
	explicitZero: boolean;
	/** First and last non-blank line of the page. */
	lines: [number, number];
}

/** Section titles of a project page; "N. <title>" restarting their count starts a new page. */
const SECTION_TITLES = [
	'หลักการ',
	'วัตถุประสงค์',
	'กลุ่มเป้าหมาย',
	'เป้าหมาย',
	'วิธีดำเนินการ',
	'วิธีการดำเนินการ',
	'ขั้นตอนการดำเนินการ',
	'ระยะเวลา',
	'งบประมาณ',
	'ผู้รับผิดชอบ',
	'ผลผลิต',
	'ผลลัพธ์',
	'ผลที่คาดว่าจะได้รับ',
	'ตัวชี้วัด',
	'พื้นที่ดำเนินการ',
	'สถานที่ดำเนินการ'
];

const KIND = /^(?:โครงการ|กิจกรรม|มาตรการ)/;

/** "๓. วัตถุประสงค์" → { num: 3, title }; "๔.๒.๔ …" and "๓. แต่งตั้ง…" are not headings. */
function sectionOf(text: string): { num: number; title: string } | null {
	// `\s*(\S.*)`, not `\s*(.+)`: the two could share a run of spaces (quadratic, regex.test.ts).
	const m = /^(\d{1,2})\s*\.(?!\d)\s*(\S.*)$/.exec(thaiToArabicDigits(text));
	if (!m) return null;
	const title = m[2]!;
	if (!SECTION_TITLES.some((t) => title.startsWith(t))) return null;
	return { num: Number(m[1]), title };
}

/**
 * The name on a "๑." line: "๑. ชื่อโครงการ X", "๑. ชื่อโครงการ : X", "๑. ชื่อโครงการ: X",
 * "๑. โครงการ X" (โครงการ is then both label and name, so it is kept unless another kind word
 * follows: "๑. โครงการ มาตรการออกคำสั่ง…" → "มาตรการออกคำสั่ง…"). Null for other lines.
 */
export function pageName(text: string): string | null {
	// `\s*(\S.*)?$`, not `\s*(.*)$`: the two could share a run of spaces, quadratic when `$`
	// fails at a U+2028 (5.9 s on a 100,000-character line; recheck: bench/recheck.ts).
	const m = /^[๑1]\s*\.(?![\d๐-๙])\s*(\S.*)?$/.exec(text);
	if (!m) return null;
	const rest = m[1] ?? '';
	const label = /^ชื่อ(?:โครงการ|กิจกรรม|มาตรการ)(?:\s*\/\s*(?:กิจกรรม|มาตรการ))*\s*:?\s*/.exec(rest);
	if (label) return rest.slice(label[0].length).trim();
	if (!KIND.test(rest)) return null;
	const after = rest.replace(/^โครงการ\s*:?\s*/, '');
	if (after !== rest && KIND.test(after)) return after.trim();
	return rest.replace(/^(โครงการ|กิจกรรม|มาตรการ)\s*:\s*/, '$1 ').trim();
}

/** An amount on a budget line: "๕๐,๐๐๐ บาท", "งบประมาณ จำนวน ๑๐๐,๐๐๐.- บาท", "ไม่ใช้งบประมาณ". */
function pageAmount(text: string): { value: number; explicitZero: boolean } | null {
	const whole = parseBaht(text);
	if (whole) return { value: whole.value, explicitZero: whole.explicitZero };
	// Starts only where a run of digits starts, and "\s* .- \s*" cannot split one run of spaces
	// two ways: a line of digits (or of spaces) not followed by บาท was quadratic (regex.test.ts).
	const m = /(?<![๐-๙\d,])([๐-๙\d][๐-๙\d,]*(?:\.[๐-๙\d]{1,2})?)\s*(?:\.-\s*)?บาท/.exec(text);
	const b = m ? parseBaht(m[1]!) : null;
	if (b) return { value: b.value, explicitZero: false };
	if (/ไม่(?:ได้)?ใช้งบประมาณ|ไม่มีงบประมาณ/.test(text)) return { value: 0, explicitZero: true };
	return null;
}

interface Open extends ProjectPage {
	lastSection: number;
	lastText: number;
}

/**
 * Reads the project pages between `fromLine` and `toLine` (inclusive, default: end of text).
 * A page starts at "ลำดับที่ N"; at a name line ("๑. ชื่อโครงการ …") when the open page already
 * has one (the pao-samut-songkhram plan drops the heading of page 10, line 656); or, with neither,
 * where the section count restarts ("๖. ระยะเวลา…" after "๙. ผลผลิต", line 630: page 9 lost its
 * head, name included). Such pages have ordinal and name null; their first line is where the
 * restart was seen, though their text may begin a little earlier. Pages are returned as found:
 * the caller decides what a missing heading, name or budget means.
 */
export function readProjectPages(
	src: SourceText,
	fromLine: number,
	toLine?: number
): ProjectPage[] {
	const last = Math.min(toLine ?? src.lines.length, src.lines.length);
	const pages: ProjectPage[] = [];
	let dimension: ProjectPage['dimension'] = null;
	let open: Open | null = null;
	const close = (): void => {
		if (!open) return;
		const o: Open = open;
		pages.push({
			ordinal: o.ordinal,
			dimension: o.dimension,
			name: o.name,
			nameLine: o.nameLine,
			budget: o.budget,
			budgetLine: o.budgetLine,
			explicitZero: o.explicitZero,
			lines: [o.lines[0], o.lastText]
		});
		open = null;
	};
	const start = (n: number, ordinal: number | null): Open => {
		close();
		const page: Open = {
			ordinal,
			dimension,
			name: null,
			nameLine: null,
			budget: null,
			budgetLine: null,
			explicitZero: false,
			lines: [n, n],
			lastSection: 0,
			lastText: n
		};
		open = page;
		return page;
	};
	for (let n = Math.max(1, fromLine); n <= last; n++) {
		const text = squash(line(src, n));
		if (text === '') continue;
		const heading = dimensionHeading(text);
		if (heading && !sectionOf(text)) {
			close();
			dimension = heading;
			continue;
		}
		const seq = /^ลำดับที่\s*([๐-๙\d]{1,3})$/.exec(text);
		if (seq) {
			start(n, parseThaiInt(seq[1]!));
			continue;
		}
		let page = open as Open | null;
		const name = pageName(text);
		if (name !== null) {
			const fresh = page !== null && page.name === null && page.lastSection === 0;
			if (fresh || nextSectionIsTwo(src, n, last)) {
				if (!fresh) page = start(n, null);
				n = readName(src, n, last, name, page!);
				page!.lastSection = 1;
				page!.lastText = n;
				continue;
			}
		}
		const section = sectionOf(text);
		if (section && section.num >= 2) {
			if (!page || section.num <= page.lastSection) page = start(n, null);
			page.lastSection = section.num;
			if (section.title.startsWith('งบประมาณ') && page.budgetLine === null) {
				page.budgetLine = n;
				n = readBudget(src, n, last, section.title, page);
			}
		}
		if (page) page.lastText = n;
	}
	close();
	return pages;
}

/** True when the next section heading after line n (within a few lines) is "๒. …". */
function nextSectionIsTwo(src: SourceText, n: number, last: number): boolean {
	let seen = 0;
	for (let k = n + 1; k <= last && seen < 6; k++) {
		const t = squash(line(src, k));
		if (t === '') continue;
		seen++;
		const s = sectionOf(t);
		if (s) return s.num === 2;
	}
	return false;
}

function endsName(text: string): boolean {
	return (
		sectionOf(text) !== null ||
		dimensionHeading(text) !== null ||
		/^ลำดับที่/.test(text) ||
		SECTION_TITLES.some((t) => text.startsWith(t))
	);
}

/**
 * Sets the page's name from line n: the rest of the line, or the next non-blank line when the line
 * holds only the label; plus one line directly below (no blank between) that continues it
 * (annual plan of เทศบาลเมืองพิชัย, lines 166–167). Returns the last line used.
 */
function readName(
	src: SourceText,
	n: number,
	last: number,
	first: string,
	page: ProjectPage
): number {
	let name = first;
	let end = n;
	for (let k = n + 1; name === '' && k <= last && k <= n + 3; k++) {
		const t = squash(line(src, k));
		if (t === '') continue;
		if (endsName(t)) break;
		name = t;
		end = k;
	}
	const below = end < last ? squash(line(src, end + 1)) : '';
	if (name !== '' && below !== '' && !endsName(below)) {
		name = squash(`${name} ${below}`);
		end += 1;
	}
	page.name = name === '' ? null : name;
	page.nameLine = n;
	return end;
}

/** Reads the amount after a budget heading (same line, or the next non-blank lines). */
function readBudget(
	src: SourceText,
	n: number,
	last: number,
	title: string,
	page: ProjectPage
): number {
	const rest = title.replace(/^งบประมาณ(?:ที่ใช้)?(?:ใน)?(?:การ)?(?:ดำเนินการ)?\s*:?\s*/, '');
	const inline = rest ? pageAmount(rest) : null;
	if (inline) {
		page.budget = inline.value;
		page.explicitZero = inline.explicitZero;
		return n;
	}
	let seen = 0;
	for (let k = n + 1; k <= last && seen < 2; k++) {
		const t = squash(line(src, k));
		if (t === '') continue;
		if (sectionOf(t) || /^ลำดับที่/.test(t)) break;
		seen++;
		const a = pageAmount(t);
		if (a) {
			page.budget = a.value;
			page.explicitZero = a.explicitZero;
			return k;
		}
	}
	return n;
}
