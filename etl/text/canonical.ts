/**
 * Canonical Thai text: what two spellings of the same words must share before they are compared.
 * Real documents carry ํา (U+0E4D U+0E32) for ำ (U+0E33), zero-width spaces from word processors,
 * NBSP from HTML exports and typographic quotes.
 */

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const SPACES = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g;
const NEEDS_SQUASH = /\s\s|[^\S ]|^\s|\s$/;
const PLAIN = /^[\t\x20-\x7e\u0e01-\u0e5b“”‘’–—…•➤]*$/;

/**
 * Canonical form of one line: NFC, ำ unified, zero-width and bidi controls removed, exotic spaces
 * made plain. Tabs are kept (they separate table cells); runs of spaces are NOT collapsed here so
 * that the text keeps its shape; `squash` does that for comparisons.
 */
export function canonicalLine(line: string): string {
	// Fast path (most lines): ASCII and the Thai block have no canonical decompositions, so NFC is
	// the identity on them; only ำ spelled ํา or special characters need the full treatment.
	if (PLAIN.test(line) && !line.includes('\u0e4d')) return line;
	return line
		.normalize('NFC')
		.replace(/\u0e4d\u0e32/g, '\u0e33')
		.replace(ZERO_WIDTH, '')
		.replace(BIDI, '')
		.replace(SPACES, ' ');
}

/** Collapse whitespace and trim: for comparing cell text. */
export function squash(text: string): string {
	// Most cells are already squashed: skip the replace when no whitespace run or odd space exists.
	if (!NEEDS_SQUASH.test(text)) return text;
	return text.replace(/\s+/g, ' ').trim();
}

/**
 * `squash(\`${a} ${b}\`)` for two texts that are already squashed, without rescanning `a`: a name
 * grown one continuation line at a time stays linear (a line repeated 100,000 times made the
 * Part 2 reader quadratic, tests/fuzz/regressions.test.ts).
 */
export function joinSquashed(a: string, b: string): string {
	return a === '' ? b : b === '' ? a : `${a} ${b}`;
}

/**
 * A key for matching names across documents and pages: canonical, quotes and punctuation dropped,
 * spaces removed (Thai has no word spaces; PDF extraction inserts them at line wraps).
 */
export function nameKey(name: string): string {
	return canonicalLine(name)
		.replace(/[“”"'‘’«»()[\]{}.,:;!?\-–—_/\\|*]/g, '')
		.replace(/\s+/g, '')
		.toLowerCase();
}
