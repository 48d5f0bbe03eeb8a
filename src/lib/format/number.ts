const THAI_ZERO = 0x0e50;

export type Digits = 'thai' | 'arabic';

/**
 * One formatter per shape, made once: `toLocaleString` with options builds an Intl.NumberFormat on
 * every call, and the LAO page and lists format thousands of amounts per page (7 % of the
 * server's core under the load campaign, bench/load.ts).
 */
const BAHT = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const INT = new Intl.NumberFormat('en-US');
const UP_TO_2 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

function toThai(s: string): string {
	return s.replace(/[0-9]/g, (d) => String.fromCharCode(THAI_ZERO + Number(d)));
}

/** `formatBaht(185000)` → '185,000.00' (or '๑๘๕,๐๐๐.๐๐' with Thai digits). */
export function formatBaht(value: number | null | undefined, digits: Digits = 'arabic'): string {
	if (value === null || value === undefined) return '—';
	const s = BAHT.format(value);
	return digits === 'thai' ? toThai(s) : s;
}

export function formatInt(value: number | null | undefined, digits: Digits = 'arabic'): string {
	if (value === null || value === undefined) return '—';
	const s = INT.format(value);
	return digits === 'thai' ? toThai(s) : s;
}

/** BE fiscal years: `[2566, 2567, 2568]` → '2566–2568'; `[2568]` → '2568'. */
export function formatYears(years: readonly number[], digits: Digits = 'arabic'): string {
	if (years.length === 0) return '—';
	const sorted = [...years].sort((a, b) => a - b);
	const contiguous = sorted.every((y, i) => i === 0 || y === sorted[i - 1]! + 1);
	const s =
		sorted.length > 2 && contiguous
			? `${sorted[0]}–${sorted[sorted.length - 1]}`
			: sorted.join(', ');
	return digits === 'thai' ? toThai(s) : s;
}

/** A declared/computed check value: numbers as amounts or counts, strings as they are. */
export function formatCheckValue(value: number | string | null, digits: Digits = 'arabic'): string {
	if (value === null) return '—';
	if (typeof value === 'string') return value;
	const s = Number.isInteger(value) ? INT.format(value) : UP_TO_2.format(value);
	return digits === 'thai' ? toThai(s) : s;
}
