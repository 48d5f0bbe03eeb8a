import { thaiToArabicDigits } from './thai-digits.ts';

/** A parsed money cell. `explicitZero`: the document wrote "-" or "ไม่ใช้งบประมาณ", not "0". */
export interface Baht {
	/** Baht as a number (two decimals at most). */
	value: number;
	/** The same amount in satang (1/100 baht), an exact integer, for sums and comparisons. */
	satang: number;
	explicitZero: boolean;
}

/** Words that mean "no budget" in plan tables and Part 3 pages. */
const NO_BUDGET = /^(?:-+|–|—|ไม่ใช้งบประมาณ|ไม่ได้ใช้งบประมาณ|ไม่มีงบประมาณ|ไม่ใช้งบ)$/;

/**
 * Parses one amount: `'5,000.00'`, `'๒๐๐,๐๐๐'`, `'๑๐๐,๐๐๐.-'`, `'50000'`, `'1,234.5'`,
 * `'-'` and `'ไม่ใช้งบประมาณ'` (explicit zero). Surrounding "จำนวน … บาท" and "งบประมาณ" are
 * tolerated. Returns null for anything else: a number must not be guessed out of prose.
 */
export function parseBaht(cell: string): Baht | null {
	let t = thaiToArabicDigits(cell)
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^(?:งบประมาณ\s*)?(?:จำนวน\s*)?/, '')
		.replace(/(?<!\s)\s*บาท\s*$/, '')
		.trim();
	if (NO_BUDGET.test(t)) return { value: 0, satang: 0, explicitZero: true };
	t = t.replace(/\.-$/, '').replace(/\.$/, '');
	// 1,234,567.89 | 1234567.89 | 1234567 — separators only in groups of three.
	const m = /^(\d{1,3}(?:,\d{3})+|\d{1,13})(?:\.(\d{1,2}))?$/.exec(t);
	if (!m) return null;
	const whole = Number((m[1] ?? '0').replace(/,/g, ''));
	const frac = m[2] === undefined ? 0 : Number(m[2].padEnd(2, '0'));
	const satang = whole * 100 + frac;
	if (!Number.isSafeInteger(satang)) return null;
	return { value: satang / 100, satang, explicitZero: false };
}

/**
 * Splits a cell holding several amounts separated by spaces (several projects in one row):
 * `'- ๒๕,๐๐๐ - - - -'` → six amounts. Returns null when any token is not an amount.
 */
export function parseBahtList(cell: string): Baht[] | null {
	const t = cell.trim();
	if (t === '') return [];
	const tokens = t.split(/\s+/);
	const out: Baht[] = [];
	for (const token of tokens) {
		const b = parseBaht(token);
		if (b === null) return null;
		out.push(b);
	}
	return out;
}

/** Sum in satang, returned in baht: exact for any realistic document. */
export function sumBaht(values: Iterable<number>): number {
	let satang = 0;
	for (const v of values) satang += Math.round(v * 100);
	return satang / 100;
}

/** Formats baht the way the documents write it: `185000` → `'185,000.00'`. */
export function formatBaht(value: number): string {
	return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** Parses a percentage such as `'๓๒.๕๓'` or `'32.53'` → 32.53. */
export function parsePercent(cell: string): number | null {
	const t = thaiToArabicDigits(cell)
		.replace(/%|ร้อยละ/g, '')
		.trim();
	if (!/^\d{1,3}(?:\.\d{1,4})?$/.test(t)) return null;
	return Number(t);
}
