/** Thai digits ๐-๙ are U+0E50..U+0E59; documents mix them freely with Arabic digits. */
const THAI_ZERO = 0x0e50;

const ARABIC_ZERO = 0x30;

/**
 * The text with each digit of one script written in the other, one code unit for one: a code-unit
 * copy rather than `replace(/[0-9]/g, callback)`, whose string per digit cost 2.5–2.9× the time
 * for twice the digits (garbage collection; tests/fuzz/regex.test.ts) and 2× more per digit.
 */
function mapDigits(text: string, from: number, to: number): string {
	const units = new Uint16Array(text.length);
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		const d = c - from;
		units[i] = d >= 0 && d <= 9 ? to + d : c;
	}
	let out = '';
	// fromCharCode takes its units as arguments: a chunk at a time keeps them off the stack.
	for (let i = 0; i < units.length; i += 4096) {
		out += String.fromCharCode.apply(null, units.subarray(i, i + 4096) as unknown as number[]);
	}
	return out;
}

/** `thaiToArabicDigits('๒๕๖๘')` → `'2568'`; every other character is left alone. */
export function thaiToArabicDigits(text: string): string {
	if (!hasThaiDigits(text)) return text;
	return mapDigits(text, THAI_ZERO, ARABIC_ZERO);
}

/** `arabicToThaiDigits('2568')` → `'๒๕๖๘'`, for Thai-digit display. */
export function arabicToThaiDigits(text: string): string {
	if (!/[0-9]/.test(text)) return text;
	return mapDigits(text, ARABIC_ZERO, THAI_ZERO);
}

/** True when the text holds at least one Thai digit. */
export function hasThaiDigits(text: string): boolean {
	return /[๐-๙]/.test(text);
}

/** Parses a whole number written in Thai or Arabic digits (with optional thousands separators). */
export function parseThaiInt(text: string): number | null {
	const t = thaiToArabicDigits(text.trim()).replace(/,/g, '');
	if (!/^\d{1,15}$/.test(t)) return null;
	return Number(t);
}
