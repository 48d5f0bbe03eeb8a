import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EMPTY_FILTERS, isEmpty, parseFilters, toggle, writeFilters } from './url-filters.ts';

describe('url filters', () => {
	it('reads every axis, sorted and deduplicated', () => {
		const params = new URLSearchParams(
			'province=52,15,52&type=subdistrict_admin_org&dim=2,1&fy=2568&fy=2567&verdict=accepted&lang=en'
		);
		expect(parseFilters(params)).toEqual({
			filters: {
				provinces: ['15', '52'],
				laoTypes: ['subdistrict_admin_org'],
				dimensions: [1, 2],
				fiscalYears: [2567, 2568],
				verdicts: ['accepted']
			},
			rejected: []
		});
	});

	it('drops what it does not understand and says so', () => {
		const params = new URLSearchParams(
			"province=1,ABC,15&type=castle&dim=0,5,3&fy=25x8,2568&verdict=quarantined&province=' or 1=1"
		);
		const { filters, rejected } = parseFilters(params);
		expect(filters).toEqual({
			provinces: ['15'],
			laoTypes: [],
			dimensions: [3],
			fiscalYears: [2568],
			verdicts: []
		});
		expect(rejected).toEqual([
			'province=1',
			'province=ABC',
			"province=' or 1=1",
			'type=castle',
			'dim=0',
			'dim=5',
			'fy=25x8',
			'verdict=quarantined'
		]);
	});

	it('caps a hostile list at 100 values per parameter', () => {
		const params = new URLSearchParams(
			`fy=${Array.from({ length: 5000 }, () => '2568').join(',')}`
		);
		const { filters, rejected } = parseFilters(params);
		expect([filters.fiscalYears, rejected.length]).toEqual([[2568], 0]);
	});

	it('writes a fixed order and keeps other parameters', () => {
		const url = writeFilters(
			{ ...EMPTY_FILTERS, fiscalYears: [2568], provinces: ['52', '15'] },
			new URLSearchParams('lang=en&province=99')
		);
		expect(url.toString()).toBe('lang=en&province=15%2C52&fy=2568');
	});

	it('toggles a value on and off', () => {
		const on = toggle(EMPTY_FILTERS, 'provinces', '15');
		expect(on.provinces).toEqual(['15']);
		expect(isEmpty(toggle(on, 'provinces', '15'))).toBe(true);
	});

	it('round-trips any view through the URL (seeded)', () => {
		const view = fc.record({
			provinces: fc.uniqueArray(fc.integer({ min: 10, max: 99 }).map(String), { maxLength: 5 }),
			laoTypes: fc.uniqueArray(
				fc.constantFrom(
					'provincial_admin_org' as const,
					'city_municipality' as const,
					'subdistrict_admin_org' as const
				)
			),
			dimensions: fc.uniqueArray(fc.integer({ min: 1, max: 4 })),
			fiscalYears: fc.uniqueArray(fc.integer({ min: 2560, max: 2570 }), { maxLength: 4 }),
			verdicts: fc.uniqueArray(
				fc.constantFrom('accepted' as const, 'accepted_with_warnings' as const)
			)
		});
		fc.assert(
			fc.property(view, (v) => {
				const back = parseFilters(writeFilters(v)).filters;
				const again = writeFilters(back).toString();
				expect(again).toBe(writeFilters(v).toString());
				expect(back.provinces).toEqual([...v.provinces].sort());
			}),
			{ seed: 4520106, numRuns: 300 }
		);
	});
});
