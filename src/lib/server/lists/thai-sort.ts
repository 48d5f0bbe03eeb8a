import { sql, type SQL } from 'drizzle-orm';

/**
 * A sort key for Thai text that byte order (COLLATE "C") can compare, because PGlite has no ICU
 * and the list pages must sort on the server across every page. Two rules of Thai dictionary
 * order that code-point order gets wrong:
 *  1. a leading vowel (เ แ โ ใ ไ) is written first but sorts after its consonant: เก → กเ;
 *  2. tone marks, ไม้ไต่คู้ and การันต์ do not count at the first level: ก้าน ~ กาน.
 * With these two, code-point order of Thai letters is dictionary order (consonants ก–ฮ, then
 * vowels ะ ั า ำ ิ ี ึ ื ุ ู เ แ โ ใ ไ). Ties fall to the full text, then to ids. The unit test
 * holds this key against Intl.Collator('th') on the LAO and item names the demo writes.
 */
export const MARKS = '\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d';
export const LEADING_VOWEL = '([\u0e40-\u0e44])([\u0e01-\u0e2e])';

/** The key in SQL: patterns travel as parameters, never inlined. */
export function thaiKey(text: SQL): SQL {
	return sql`regexp_replace(translate(coalesce(${text}, ''), ${MARKS}, ''), ${LEADING_VOWEL}, ${'\\2\\1'}, 'g') collate "C"`;
}

/** The same key in JavaScript, for the tests and for anything sorted in memory. */
export function thaiKeyJs(text: string | null): string {
	return (text ?? '')
		.replace(new RegExp(`[${MARKS}]`, 'g'), '')
		.replace(new RegExp(LEADING_VOWEL, 'g'), '$2$1');
}

/** Byte order as "C" compares (UTF-8 bytes order = code point order). */
export const byCodePoint = (a: string, b: string): number => {
	const x = [...a];
	const y = [...b];
	for (let i = 0; i < Math.min(x.length, y.length); i++) {
		const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
		if (d !== 0) return d;
	}
	return x.length - y.length;
};
