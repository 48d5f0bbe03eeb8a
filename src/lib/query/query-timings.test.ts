import { describe, expect, it } from 'vitest';
import { percentile, sampleFilters } from './query-timings.ts';

describe('query timings', () => {
	it('nearest-rank percentiles', () => {
		const ms = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
		expect([
			percentile(ms, 50),
			percentile(ms, 95),
			percentile(ms, 100),
			percentile([], 95)
		]).toEqual([5, 10, 10, null]);
		expect(percentile([7], 95)).toBe(7);
	});

	it('draws the same filter sets for the same seed, and only from the given axes', () => {
		const axes = { provinces: ['15', '52'], fiscalYears: [2568], laoTypes: [0, 4] };
		const a = sampleFilters(50, 42, axes);
		expect(sampleFilters(50, 42, axes)).toEqual(a);
		expect(sampleFilters(50, 43, axes)).not.toEqual(a);
		const used = new Set(a.flatMap((f) => [...(f.provinces ?? []), ...(f.laoTypes ?? [])]));
		expect([...used].sort()).toEqual([0, 4, '15', '52'].sort());
		expect(a.every((f) => (f.fiscalYears ?? []).every((y) => y === 2568))).toBe(true);
	});
});
