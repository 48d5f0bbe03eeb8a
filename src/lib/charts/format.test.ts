import { describe, expect, it } from 'vitest';
import { compactBaht, escapeHtml, formatPercent, percent, withDigits } from './format.ts';
import { toChartClick } from './chart-click.ts';

describe('chart formatting', () => {
	it('computes and writes percentages', () => {
		expect([percent(1, 2), percent(1, 3), percent(0, 0), percent(2, 0)]).toEqual([
			50,
			33.3,
			null,
			null
		]);
		expect([formatPercent(33.3), formatPercent(100, 'thai')]).toEqual(['33.3%', '๑๐๐.๐%']);
	});

	it('writes compact baht and digits, escapes HTML', () => {
		expect([1_234_567, 12_500, 999, -2_000_000].map((v) => compactBaht(v, 'en'))).toEqual([
			'1.2M',
			'12.5k',
			'999',
			'-2M'
		]);
		expect(withDigits('FY2568', 'thai')).toBe('FY๒๕๖๘');
		expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
			'&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;'
		);
	});
});

describe('toChartClick', () => {
	it("reports the data item's id, else its name", () => {
		const tile = { data: { id: '10', value: [4, 8, 5] }, name: 'Bangkok', seriesId: 'provinces' };
		const bar = { data: 50, name: 'ลพบุรี', seriesId: 'completion' };
		expect([toChartClick(tile), toChartClick(bar)].map((c) => [c.key, c.seriesId])).toEqual([
			['10', 'provinces'],
			['ลพบุรี', 'completion']
		]);
	});
});
