import { squash } from '../../text/canonical.ts';
import { line, type SourceText } from '../common/source.ts';

/**
 * The narrative part of a report: "๑. มาตรการ…", then "การดำเนินการ" and "ผลการดำเนินการ"
 * sections. Its numbering is its own (pao-ang-thong report: entry ๑ is table item 6) and an entry
 * may be listed twice (๔๕ at lines 874 and 889); "ไม่ได้ดำเนินการ" under an entry says it was not
 * carried out (entries ๖, ๗, ๒๗, ๒๙).
 */
export interface NarrativeEntry {
	/** The number as written: "๔๕". */
	number: string;
	name: string;
	line: number;
	notDone: boolean;
	/** The table item matched by name, or null (see narrative-match.ts). */
	ordinal: number | null;
	/** The bigram-Dice similarity of the best match, rounded to 3 decimals. */
	similarity: number | null;
}

const HEADING = /^([๐-๙0-9]{1,3})\.\s+(\S.*)$/;
const ACTIONS = 'การดำเนินการ';
const NOT_DONE = /^(?:-\s*)?ไม่ได้ดำเนินการ\.?$/;
/** A name wraps over at most this many extra lines before its "การดำเนินการ" (entry ๔๒: one). */
const MAX_WRAP = 3;

/** An entry heading: "N. name" followed, after its wrapped name lines, by "การดำเนินการ". */
function entryAt(src: SourceText, n: number, end: number) {
	const m = HEADING.exec(squash(line(src, n)));
	if (!m) return null;
	const parts = [m[2]!];
	for (let k = n + 1; k < end && parts.length <= MAX_WRAP + 1; k++) {
		const t = squash(line(src, k));
		if (t === ACTIONS) return { number: m[1]!, name: parts.join(' '), bodyFrom: k };
		if (t !== '') parts.push(t);
	}
	return null;
}

/** The narrative entries before line `end` (the first table or summary). */
export function readNarrative(src: SourceText, end: number): NarrativeEntry[] {
	const entries: NarrativeEntry[] = [];
	for (let n = 1; n < end; n++) {
		const e = entryAt(src, n, end);
		if (!e) continue;
		const entry: NarrativeEntry = {
			number: e.number,
			name: e.name,
			line: n,
			notDone: false,
			ordinal: null,
			similarity: null
		};
		let k = e.bodyFrom;
		for (; k < end && !entryAt(src, k, end); k++) {
			if (NOT_DONE.test(squash(line(src, k)))) entry.notDone = true;
		}
		entries.push(entry);
		n = k - 1;
	}
	return entries;
}
