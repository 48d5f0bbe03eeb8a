import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sumBaht } from '../../text/baht.ts';
import type { ProjectPage } from '../common/project-pages.ts';
import { decodeDocument } from '../common/source.ts';
import type { Item } from '../common/types.ts';
import { parseAnnualPlan } from './index.ts';

// The real annual plan of เทศบาลเมืองพิชัย (Lampang), FY 2568: figures read off the document by
// hand (lines 71–122) and asserted exactly.
const path = new URL(
	'../../../fixtures/seeds/town-mun-phichai-lampang_annual-plan-2568.txt',
	import.meta.url
);
const src = decodeDocument(readFileSync(path)).source!;
const parsed = parseAnnualPlan(src);
const annual = parsed.tables.filter((t) => t.role === 'annual');
const table = annual[0]!;
const items = table.items;
const ANNUAL_CHECKS = ['grand_total_budget', 'quarter_tick_count', 'item_ordinals_sequence'];
const annualChecks = parsed.checks.filter((c) => ANNUAL_CHECKS.includes(c.name));

const count = (keys: Array<string | number>) =>
	keys.reduce<Record<string, number>>((acc, k) => ({ ...acc, [k]: (acc[k] ?? 0) + 1 }), {});

describe('annual plan seed: เทศบาลเมืองพิชัย 2568', () => {
	it('finds one annual table, FY 2568, lines 71–120, over three pages', () => {
		expect(annual.map((t) => [t.fiscalYear, t.lines])).toEqual([[2568, [71, 120]]]);
		expect(table.declared.pages).toEqual([
			{ titleLine: 71, headerLine: 73 },
			{ titleLine: 90, headerLine: 92 },
			{ titleLine: 111, headerLine: 113 }
		]);
		expect([parsed.fiscalYears, parsed.title, parsed.laoLine]).toEqual([
			[2568],
			'แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2568 ของ เทศบาลเมืองพิชัย',
			71
		]);
	});
	it('reads 35 items, ordinals 1..35, on lines 75–88, 94–109 and 115–119', () => {
		expect(items.map((i) => i.ordinal)).toEqual(Array.from({ length: 35 }, (_, k) => k + 1));
		const lines = [
			...Array.from({ length: 14 }, (_, k) => 75 + k),
			...Array.from({ length: 16 }, (_, k) => 94 + k),
			...Array.from({ length: 5 }, (_, k) => 115 + k)
		];
		expect(items.map((i) => i.line)).toEqual(lines);
	});
	it('counts 7 / 15 / 6 / 7 items per dimension (the third page heads the column มติ)', () => {
		expect(count(items.map((i) => i.dimension ?? 0))).toEqual({ 1: 7, 2: 15, 3: 6, 4: 7 });
	});
	it('sums the budgets to 185,000.00 over six funded items', () => {
		const budgets = items.map((i) => i.budget['2568'] ?? null);
		expect(sumBaht(budgets as number[])).toBe(185000);
		const funded = items.filter((i) => (i.budget['2568'] ?? 0) > 0);
		expect(funded.map((i) => [i.ordinal, i.budget['2568']])).toEqual([
			[2, 5000],
			[5, 50000],
			[6, 50000],
			[7, 10000],
			[26, 20000],
			[32, 50000]
		]);
	});
	it('reads the ticks by column: 30 / 23 / 24 / 28 per quarter', () => {
		const perQuarter = [0, 1, 2, 3].map((q) => items.filter((i) => i.quarters?.[q]).length);
		expect(perQuarter).toEqual([30, 23, 24, 28]);
		const byOrdinal = (o: number) => items.find((i) => i.ordinal === o)!;
		// Line 103: only Q4 ticked (HTML checkbox); line 105: Q3 and Q4; line 118: Q1 only (✓).
		expect([24, 26, 34].map((o) => byOrdinal(o).quarters)).toEqual([
			[false, false, false, true],
			[false, false, true, true],
			[true, false, false, false]
		]);
	});
	it('reads item kinds from the first word, quotes skipped', () => {
		const kinds = count(items.map((i) => i.itemKind ?? 'none'));
		expect(kinds).toEqual({ project: 13, measure: 14, activity: 8 });
		expect(items.find((i) => i.ordinal === 3)?.itemKind).toBe('measure');
	});
	it('passes every annual check, each at its line with both sides', () => {
		expect(
			annualChecks.map((c) => [c.name, c.detail, c.declared, c.computed, c.ok, c.line])
		).toEqual([
			['grand_total_budget', 'รวมทั้งสิ้น row vs sum of item budgets', 185000, 185000, true, 120],
			['quarter_tick_count', 'Q1', 30, 30, true, 120],
			['quarter_tick_count', 'Q2', 23, 23, true, 120],
			['quarter_tick_count', 'Q3', 24, 24, true, 120],
			['quarter_tick_count', 'Q4', 28, 28, true, 120],
			['item_ordinals_sequence', 'row ordinals vs 1..n', '1..35', '1..35', true, 71]
		]);
	});
	it('is as of 6 October 2024 (line 122) and records no problem in the annual table', () => {
		expect([parsed.asOf, table.declared.asOfLine]).toEqual(['2024-10-06', 122]);
		const inTable = parsed.problems.filter((p) => p.line !== null && p.line >= 71 && p.line <= 122);
		expect(inTable).toEqual([]);
	});
	it('keeps the multi-year Part 2 table it reproduces (lines 145–162) as an excerpt', () => {
		const excerpt = parsed.tables.filter((t) => t.role === 'multi_year_excerpt');
		expect(excerpt.map((t) => t.lines)).toEqual([[145, 162]]);
		expect(parsed.tables.map((t) => t.role)).toEqual(['annual', 'multi_year_excerpt']);
	});
	it('keeps the 35 project pages from line 164 on, whose budgets also add up to 185,000.00', () => {
		const pages = parsed.extras?.projectPages as ProjectPage[];
		expect([pages.length, pages[0]?.lines[0], pages.at(-1)?.lines[1]]).toEqual([35, 164, 2892]);
		expect(sumBaht(pages.map((p) => p.budget ?? 0))).toBe(185000);
	});
	it('keeps the names as written', () => {
		const names = (o: number[]) => o.map((n) => items.find((i: Item) => i.ordinal === n)?.name);
		expect(names([3, 15, 35])).toEqual([
			'มาตรการ “ส่งเสริมการปฏิบัติงานตามประมวลจริยธรรมของเทศบาลเมืองพิชัย”',
			'มาตรการ NO Gift Policy',
			'โครงการส่งเสริมความรู้ด้านกฎ ระเบียบ และกฎหมายที่เกี่ยวข้องสำหรับผู้บริหารและสมาชิกสภาท้องถิ่น'
		]);
	});
});
