import { describe, expect, it } from 'vitest';
import { formatDateTime } from './date.ts';

describe('formatDateTime', () => {
	it('writes Bangkok time, Buddhist era in Thai, with either digits', () => {
		const instant = '2025-01-15T03:00:00.000Z';
		expect([
			formatDateTime(instant, 'th'),
			formatDateTime(instant, 'th', 'thai'),
			formatDateTime(instant, 'en')
		]).toEqual([
			'15 มกราคม 2568 เวลา 10:00',
			'๑๕ มกราคม ๒๕๖๘ เวลา ๑๐:๐๐',
			'15 January 2025 at 10:00'
		]);
	});

	it('moves to the next Bangkok day after 17:00 UTC', () => {
		expect(formatDateTime('2024-12-31T17:30:00.000Z', 'en')).toBe('1 January 2025 at 00:30');
	});
});
