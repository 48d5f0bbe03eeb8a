import { describe, expect, it } from 'vitest';
import { formatBaht, formatCheckValue, formatInt, formatYears } from './number.ts';

describe('formatting', () => {
	it('formats baht in Arabic and Thai digits', () => {
		expect(formatBaht(185000)).toBe('185,000.00');
		expect(formatBaht(627872, 'thai')).toBe('๖๒๗,๘๗๒.๐๐');
		expect(formatBaht(null)).toBe('—');
		expect(formatInt(7849)).toBe('7,849');
	});
	it('formats fiscal years as ranges when contiguous', () => {
		expect(formatYears([2570, 2566, 2567, 2568, 2569])).toBe('2566–2570');
		expect(formatYears([2568])).toBe('2568');
		expect(formatYears([2566, 2568])).toBe('2566, 2568');
		expect(formatYears([2568], 'thai')).toBe('๒๕๖๘');
	});
	it('formats check values', () => {
		expect(formatCheckValue(5595000)).toBe('5,595,000');
		expect(formatCheckValue(32.53)).toBe('32.53');
		expect(formatCheckValue('100.00')).toBe('100.00');
	});
});
