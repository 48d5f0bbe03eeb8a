import { describe, expect, it } from 'vitest';
import { buildBreakdownBarOption } from '../../charts/build-breakdown-bar-option.ts';
import { buildPlannedVsDisbursedOption } from '../../charts/build-planned-vs-disbursed-option.ts';
import { renderSvg, withoutStyles } from './render-svg.ts';

const SIZE = { width: 360, height: 260 };

describe('renderSvg', () => {
	it('draws the seeds’ years as a scalable SVG labelled for screen readers', () => {
		const svg = renderSvg(
			buildPlannedVsDisbursedOption(
				[
					{ fiscalYear: 2566, planned: 0, disbursed: 627_872 },
					{ fiscalYear: 2568, planned: 185_000, disbursed: 0 }
				],
				{ locale: 'th' }
			),
			SIZE
		);
		expect([
			svg.startsWith(
				'<svg width="100%" role="img" focusable="false" aria-label="งบประมาณตามแผน / เบิกจ่าย, ปีงบประมาณ (พ.ศ.) 2566, 2568"'
			),
			svg.includes('viewBox="0 0 360 260"'),
			svg.includes('>2566</text>') && svg.includes('>2568</text>'),
			svg.includes('>งบประมาณตามแผน</text>'),
			/ecmeta_|zr\d+-cls/.test(svg)
		]).toEqual([true, true, true, true, false]);
	});

	it('escapes text from the data: a name cannot become markup in the page', () => {
		const svg = renderSvg(
			buildBreakdownBarOption(
				[{ key: 'x', label: '<img src=x onerror=alert(1)>&', planned: 1, reported: 2 }],
				{
					locale: 'en'
				}
			),
			SIZE
		);
		expect([svg.includes('<img'), svg.includes('&lt;img src=x onerror=alert(1)&gt;&amp;')]).toEqual(
			[false, true]
		);
	});
});

describe('withoutStyles', () => {
	it('drops every <style> block, keeps an unclosed one, and is linear', () => {
		expect(withoutStyles('<svg><style a="1">x{}</style><g/><style>y</style></svg>')).toBe(
			'<svg><g/></svg>'
		);
		expect(withoutStyles('<svg><style>x</svg>')).toBe('<svg><style>x</svg>');
		// 50,000 unclosed <style>: the regex it replaces rescanned the rest from each one.
		const many = '<style>'.repeat(50_000);
		const start = performance.now();
		expect([withoutStyles(many) === many, performance.now() - start < 1000]).toEqual([true, true]);
	});
});
