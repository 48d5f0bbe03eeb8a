import { thaiToArabicDigits } from './thai-digits.ts';

/** Buddhist Era = Common Era + 543. */
export const BE_OFFSET = 543;
/** Plausible BE years for these documents: the ONACC plans began in 2560s; keep a wide margin. */
export const MIN_BE_YEAR = 2500;
export const MAX_BE_YEAR = 2650;

/** `beToCe(2568)` → 2025. */
export function beToCe(be: number): number {
	return be - BE_OFFSET;
}

/** `ceToBe(2025)` → 2568. */
export function ceToBe(ce: number): number {
	return ce + BE_OFFSET;
}

export function isPlausibleBeYear(year: number): boolean {
	return Number.isInteger(year) && year >= MIN_BE_YEAR && year <= MAX_BE_YEAR;
}

/**
 * The Thai fiscal year runs 1 October – 30 September and is named for the year it ends in:
 * FY ๒๕๖๘ = 1 Oct 2024 – 30 Sep 2025. `fiscalYearOfDate('2024-10-06')` → 2568.
 */
export function fiscalYearOfDate(isoDate: string): number {
	const [y, m] = isoDate.split('-').map(Number);
	if (y === undefined || m === undefined || Number.isNaN(y) || Number.isNaN(m)) {
		throw new RangeError(`not an ISO date: ${isoDate}`);
	}
	return ceToBe(m >= 10 ? y + 1 : y);
}

/**
 * Finds BE years written after "พ.ศ." or "ปี"/"ปีงบประมาณ", in Thai or Arabic digits.
 * `findBeYears('พ.ศ. ๒๕๖๖ - ๒๕๗๐')` → [2566, 2570]. Out-of-range numbers are ignored.
 */
export function findBeYears(text: string): number[] {
	const t = thaiToArabicDigits(text);
	const years: number[] = [];
	for (const m of t.matchAll(/(?<!\d)(2[5-6]\d\d)(?!\d)/g)) {
		const y = Number(m[1]);
		if (isPlausibleBeYear(y)) years.push(y);
	}
	return years;
}

/** `yearRange(2566, 2570)` → [2566, 2567, 2568, 2569, 2570]. */
export function yearRange(from: number, to: number): number[] {
	const out: number[] = [];
	for (let y = from; y <= to; y++) out.push(y);
	return out;
}
