/** Thai digits ๐-๙ are U+0E50..U+0E59; documents mix them freely with Arabic digits. */
const THAI_ZERO = 0x0e50;

/** `thaiToArabicDigits('๒๕๖๘')` → `'2568'`; every other character is left alone. */
export function thaiToArabicDigits(text: string): string {
	if (!hasThaiDigits(text)) return text;
	return text.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - THAI_ZERO));
}

/** `arabicToThaiDigits('2568')` → `'๒๕๖๘'`, for Thai-digit display. */
export function arabicToThaiDigits(text: string): string {
	return text.replace(/[0-9]/g, (d) => String.fromCharCode(THAI_ZERO + Number(d)));
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
