import { beToCe, isPlausibleBeYear } from './be-year.ts';
import { thaiToArabicDigits } from './thai-digits.ts';

const MONTHS: ReadonlyArray<readonly string[]> = [
	['มกราคม', 'ม.ค.'],
	['กุมภาพันธ์', 'ก.พ.'],
	['มีนาคม', 'มี.ค.'],
	['เมษายน', 'เม.ย.'],
	['พฤษภาคม', 'พ.ค.'],
	['มิถุนายน', 'มิ.ย.'],
	['กรกฎาคม', 'ก.ค.'],
	['สิงหาคม', 'ส.ค.'],
	['กันยายน', 'ก.ย.'],
	['ตุลาคม', 'ต.ค.'],
	['พฤศจิกายน', 'พ.ย.'],
	['ธันวาคม', 'ธ.ค.']
];

/** Month number 1-12 for a Thai month name (full or abbreviated), or null. */
export function thaiMonth(name: string): number | null {
	const n = name.trim();
	const i = MONTHS.findIndex((forms) => forms.includes(n));
	return i < 0 ? null : i + 1;
}

function daysIn(yearCe: number, month: number): number {
	return new Date(Date.UTC(yearCe, month, 0)).getUTCDate();
}

const DATE_RE =
	/(\d{1,2})\s*(มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม|ม\.ค\.|ก\.พ\.|มี\.ค\.|เม\.ย\.|พ\.ค\.|มิ\.ย\.|ก\.ค\.|ส\.ค\.|ก\.ย\.|ต\.ค\.|พ\.ย\.|ธ\.ค\.)\s*(?:พ\.ศ\.\s*)?(\d{4})/;

/**
 * Finds the first Thai date in a text and returns it as ISO `YYYY-MM-DD` (Common Era).
 * `parseThaiDate('** ข้อมูล ณ วันที่ 06 ตุลาคม 2567')` → `'2024-10-06'`.
 * Returns null when there is no date or it does not exist (31 กุมภาพันธ์).
 */
export function parseThaiDate(text: string): string | null {
	const m = DATE_RE.exec(thaiToArabicDigits(text));
	if (!m) return null;
	const day = Number(m[1]);
	const month = thaiMonth(m[2] ?? '');
	const be = Number(m[3]);
	if (month === null || !isPlausibleBeYear(be)) return null;
	const ce = beToCe(be);
	if (day < 1 || day > daysIn(ce, month)) return null;
	return `${ce}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
