import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '../state/url-filters.ts';
import { exportFilename, listSearch, parseListRequest } from './request.ts';

const parse = (q: string, name?: string) => parseListRequest(new URLSearchParams(q), name);

describe('parseListRequest', () => {
	it('reads the view, the order, the page and the format, with defaults per list', () => {
		expect(parse('list=failed_docs&province=52,15&fy=2568')).toEqual({
			ok: true,
			value: {
				list: 'failed_docs',
				filters: { ...EMPTY_FILTERS, provinces: ['15', '52'], fiscalYears: [2568] },
				sort: 'failed_checks',
				dir: 'desc',
				page: 1,
				format: 'json'
			}
		});
	});

	it('refuses what it does not understand, with a status and a bilingual reason', () => {
		const error = (q: string, name?: string) => {
			const r = parse(q, name);
			return r.ok ? null : [r.error.status, r.error.code];
		};
		expect(error('list=unknown')).toEqual([400, 'unknown_list']);
		expect(error('', 'unknown')).toEqual([404, 'unknown_list']);
		expect(error('sort=name;drop table laos')).toEqual([400, 'bad_sort']);
		expect(error('sort=document_id')).toEqual([400, 'bad_sort']);
		expect(error('page=0')).toEqual([400, 'bad_page']);
		expect(error('page=1e12')).toEqual([400, 'bad_page']);
		expect(error('page=1000000')).toEqual([400, 'bad_page']);
		expect(error('dim=5')).toEqual([400, 'bad_filter']);
		expect(error('format=xml')).toEqual([400, 'bad_format']);
		const r = parse('sort=' + 'x'.repeat(5000));
		expect(r.ok ? '' : r.error.message.length).toBeLessThan(300);
	});
});

describe('listSearch and exportFilename', () => {
	it('writes filters first in the codec order, then sort, dir, page', () => {
		expect(
			listSearch({
				filters: { ...EMPTY_FILTERS, fiscalYears: [2568], provinces: ['52'] },
				sort: 'budget',
				dir: 'desc',
				page: 2,
				format: 'csv'
			})
		).toBe('province=52&fy=2568&sort=budget&dir=desc&page=2&format=csv');
	});

	it('names a download after the list and the view', () => {
		expect(
			exportFilename(
				'not_done',
				{ ...EMPTY_FILTERS, provinces: ['52'], fiscalYears: [2568] },
				'csv'
			)
		).toBe('sujarit-not_done-province-52-fy-2568.csv');
		expect(
			exportFilename('no_report', { ...EMPTY_FILTERS, provinces: ['15', '52'] }, 'parquet')
		).toBe('sujarit-no_report-province-15+52.parquet');
		expect(exportFilename('failed_docs', EMPTY_FILTERS, 'csv')).toBe('sujarit-failed_docs.csv');
	});
});
