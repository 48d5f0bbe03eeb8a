import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '../../state/url-filters.ts';
import { filterHref, pageHref, sortHref, withParams } from './risk-links.ts';

const q = (s: string) => new URLSearchParams(s);

describe('risk links', () => {
	it('sorts: a new numeric column descending, a text column ascending, the same one flips; page resets', () => {
		const table = { sort: 'score', dir: 'desc' as const };
		expect(sortHref(q('page=3&lang=en'), table, 'not_done_share')).toBe(
			'?lang=en&sort=not_done_share&dir=desc'
		);
		expect(sortHref(q(''), table, 'name')).toBe('?sort=name&dir=asc');
		expect(sortHref(q('sort=score&dir=desc'), table, 'score')).toBe('?sort=score&dir=asc');
	});

	it('pages keep everything else', () => {
		expect(pageHref(q('type=bangkok&sort=name'), 2)).toBe('?type=bangkok&sort=name&page=2');
	});

	it('filters write through the shared codec, keep other axes and drop the page', () => {
		const filters = { ...EMPTY_FILTERS, dimensions: [2], fiscalYears: [2567] };
		expect(
			filterHref(q('dim=2&fy=2567&page=4&lang=th'), filters, 'laoTypes', 'subdistrict_admin_org')
		).toBe('?lang=th&type=subdistrict_admin_org&dim=2&fy=2567');
		expect(
			filterHref(q('fy=2567'), { ...EMPTY_FILTERS, fiscalYears: [2567] }, 'fiscalYears', '')
		).toBe('?');
		expect(withParams(q('page=2&sort=name'), { sort: null })).toBe('?');
	});
});
