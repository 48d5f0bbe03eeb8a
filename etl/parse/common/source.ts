import { canonicalLine } from '../../text/canonical.ts';
import type { Problem } from './types.ts';

/** A decoded document: its canonical lines, 1-based through `line(n)`. */
export interface SourceText {
	/** lines[0] is line 1. Canonical (see etl/text/canonical.ts); tabs kept. */
	readonly lines: readonly string[];
	readonly byteLength: number;
}

export function line(src: SourceText, n: number): string {
	return src.lines[n - 1] ?? '';
}

export interface DecodeResult {
	source: SourceText | null;
	problems: Problem[];
}

/** Documents larger than this are refused before decoding (the largest real plan is ~0.5 MB). */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
/** A line longer than this is not a line of a plan; it is refused rather than scanned. */
export const MAX_LINE_CHARS = 100_000;
/**
 * A document with more lines than this is not a plan: the largest real one has 2,891
 * (town-mun-phichai-lampang annual plan), the national demo's 364. Parsing is linear but costs up
 * to ~80 µs of CPU per long table row, so one row repeated 100,000 times (a 20 MiB file) took 3 s;
 * at 20,000 lines the worst measured was 1.4 s (a 630-byte Part 2 row of the Samut Songkhram plan
 * repeated, 11.5 MB, on a loaded 2-core machine). Found by fuzzing: tests/fuzz/regressions.test.ts.
 */
export const MAX_LINES = 20_000;

/**
 * The line of a byte, counted as decodeDocument splits lines: CRLF, a lone CR and LF each end one
 * (counting LF alone put every bad byte of a CR-only file on line 1, found by fuzzing).
 */
function lineOfOffset(bytes: Uint8Array, offset: number): number {
	let n = 1;
	for (let i = 0; i < offset && i < bytes.length; i++) {
		const b = bytes[i];
		if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) n++;
	}
	return n;
}

/**
 * Finds the first byte offset where UTF-8 decoding fails: the well-formed sequences of Unicode
 * Table 3-7, so overlong forms (F0 80 80 80), surrogates (ED A0 80) and code points past U+10FFFF
 * (F4 90 80 80) are refused too, not decoded to U+FFFD and accepted (found by fuzzing,
 * tests/fuzz/regressions.test.ts).
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
	let i = 0;
	while (i < bytes.length) {
		const b = bytes[i]!;
		let need = 0;
		// The range of the second byte; the others are always 80..BF.
		let lo = 0x80;
		let hi = 0xbf;
		if (b < 0x80) need = 0;
		else if (b >= 0xc2 && b <= 0xdf) need = 1;
		else if (b >= 0xe0 && b <= 0xef) {
			need = 2;
			if (b === 0xe0) lo = 0xa0;
			else if (b === 0xed) hi = 0x9f;
		} else if (b >= 0xf0 && b <= 0xf4) {
			need = 3;
			if (b === 0xf0) lo = 0x90;
			else if (b === 0xf4) hi = 0x8f;
		} else return i;
		for (let k = 1; k <= need; k++) {
			const c = bytes[i + k];
			const [min, max] = k === 1 ? [lo, hi] : [0x80, 0xbf];
			if (c === undefined || c < min || c > max) return i;
		}
		i += need + 1;
	}
	return -1;
}

/** The problem recorded for a document over the size limit (also when it was never read whole). */
export function tooLargeProblem(size: number, maxBytes: number): Problem {
	return {
		line: null,
		severity: 'error',
		code: 'document_too_large',
		message: `The document is ${size} bytes; the limit is ${maxBytes}.`,
		messageTh: `เอกสารมีขนาด ${size} ไบต์ เกินขีดจำกัด ${maxBytes} ไบต์`,
		expected: `<= ${maxBytes} bytes`,
		found: size
	};
}

/**
 * Turns bytes into canonical lines, or explains why it cannot: empty, too large, binary (NUL
 * bytes), not UTF-8 (with the line of the first bad byte), too many lines. CRLF and lone CR become
 * LF; a BOM is dropped.
 */
export function decodeDocument(bytes: Uint8Array, maxBytes = DEFAULT_MAX_BYTES): DecodeResult {
	const problems: Problem[] = [];
	if (bytes.length === 0) {
		problems.push({
			line: null,
			severity: 'error',
			code: 'empty_document',
			message: 'The document is empty (0 bytes).',
			messageTh: 'เอกสารว่างเปล่า (0 ไบต์)'
		});
		return { source: null, problems };
	}
	if (bytes.length > maxBytes) {
		problems.push(tooLargeProblem(bytes.length, maxBytes));
		return { source: null, problems };
	}
	const nul = bytes.indexOf(0);
	if (nul >= 0) {
		problems.push({
			line: lineOfOffset(bytes, nul),
			severity: 'error',
			code: 'binary_document',
			message: `The document holds a NUL byte at offset ${nul}: it is binary, not text.`,
			messageTh: `พบไบต์ NUL ที่ตำแหน่ง ${nul}: เป็นไฟล์ไบนารี ไม่ใช่ข้อความ`,
			expected: 'UTF-8 text',
			found: 'binary'
		});
		return { source: null, problems };
	}
	const bad = firstInvalidUtf8(bytes);
	if (bad >= 0) {
		problems.push({
			line: lineOfOffset(bytes, bad),
			severity: 'error',
			code: 'invalid_utf8',
			message: `Byte ${bad} is not valid UTF-8 (0x${bytes[bad]!.toString(16)}).`,
			messageTh: `ไบต์ที่ ${bad} ไม่ใช่ UTF-8 ที่ถูกต้อง`,
			expected: 'UTF-8',
			found: `0x${bytes[bad]!.toString(16)}`
		});
		return { source: null, problems };
	}
	let text = new TextDecoder('utf-8').decode(bytes);
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	const raw = text.replace(/\r\n?/g, '\n').split('\n');
	if (raw.length > 1 && raw[raw.length - 1] === '') raw.pop();
	if (raw.length > MAX_LINES) {
		problems.push({
			line: MAX_LINES + 1,
			severity: 'error',
			code: 'too_many_lines',
			message: `The document has ${raw.length} lines; the limit is ${MAX_LINES}.`,
			messageTh: `เอกสารมี ${raw.length} บรรทัด เกินขีดจำกัด ${MAX_LINES} บรรทัด`,
			expected: `<= ${MAX_LINES} lines`,
			found: raw.length
		});
		return { source: null, problems };
	}
	const lines: string[] = [];
	for (let i = 0; i < raw.length; i++) {
		const l = raw[i]!;
		if (l.length > MAX_LINE_CHARS) {
			problems.push({
				line: i + 1,
				severity: 'warning',
				code: 'line_too_long',
				message: `Line ${i + 1} has ${l.length} characters; only the first ${MAX_LINE_CHARS} are read.`,
				messageTh: `บรรทัด ${i + 1} ยาว ${l.length} อักขระ อ่านเพียง ${MAX_LINE_CHARS} อักขระแรก`,
				expected: `<= ${MAX_LINE_CHARS}`,
				found: l.length
			});
			lines.push(canonicalLine(l.slice(0, MAX_LINE_CHARS)));
		} else lines.push(canonicalLine(l));
	}
	return { source: { lines, byteLength: bytes.length }, problems };
}

/** A table row: a line with at least one tab, split into cells (cells are not trimmed). */
export interface Row {
	line: number;
	cells: string[];
}

export function rowAt(src: SourceText, n: number): Row | null {
	const l = line(src, n);
	if (!l.includes('\t')) return null;
	return { line: n, cells: l.split('\t') };
}
