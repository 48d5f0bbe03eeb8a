import type { Filters } from './filters.ts';

/**
 * Filter sets a reader could click through, drawn from a seeded PRNG (mulberry32) so that two
 * benchmark runs time the same queries. Used by /dev/duckdb's query benchmark (bench/dashboard.ts).
 */
export function sampleFilters(
	count: number,
	seed: number,
	axes: { provinces: string[]; fiscalYears: number[]; laoTypes: number[] }
): Filters[] {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const pick = <T>(list: T[]): T[] =>
		list.length === 0 || next() < 0.5 ? [] : [list[Math.floor(next() * list.length)]!];
	return Array.from({ length: count }, () => ({
		provinces: pick(axes.provinces),
		fiscalYears: pick(axes.fiscalYears),
		laoTypes: pick(axes.laoTypes),
		dimensions: pick([1, 2, 3, 4])
	}));
}

/** The p-th percentile (nearest rank) of a list of durations; null when there is none. */
export function percentile(values: readonly number[], p: number): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
	return sorted[rank - 1]!;
}
