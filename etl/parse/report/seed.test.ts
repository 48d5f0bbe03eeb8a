import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sumBaht } from '../../text/baht.ts';
import { decodeDocument } from '../common/source.ts';
import { parseProgressReport } from './index.ts';
import type { NarrativeEntry } from './narrative.ts';
import type { Summary } from './summary.ts';

// The real 12-month progress report of อบจ.อ่างทอง, FY 2566: figures read off the document by hand
// (narrative lines 21–1048, summaries 1062–1070 and 1176–1184, table 1072–1162) and asserted exactly.
const path = new URL('../../../fixtures/seeds/pao-ang-thong_report-2566.txt', import.meta.url);
const src = decodeDocument(readFileSync(path)).source!;
const parsed = parseProgressReport(src);
const table = parsed.tables[0]!;
const items = table.items;
const summaries = parsed.extras?.summaries as Summary[];
const narrative = parsed.extras?.narrative as NarrativeEntry[];
const TH = (n: number) => String(n).replace(/\d/g, (d) => String.fromCharCode(0x0e50 + Number(d)));

const count = (keys: Array<string | number>) =>
	keys.reduce<Record<string, number>>((acc, k) => ({ ...acc, [k]: (acc[k] ?? 0) + 1 }), {});

describe('progress report seed: อบจ.อ่างทอง 2566, รอบ 12 เดือน', () => {
	it('finds one report table, FY 2566, lines 1072–1162, over eight pages', () => {
		expect(parsed.tables.map((t) => [t.role, t.fiscalYear, t.lines])).toEqual([
			['report', 2566, [1072, 1162]]
		]);
		expect((table.declared.pages as unknown[]).length).toBe(8);
		expect([table.declared.period, parsed.fiscalYears, parsed.laoLine]).toEqual([
			'รอบ 12 เดือน',
			[2566],
			1072
		]);
		expect([parsed.asOf, table.declared.asOfLine]).toEqual(['2024-01-04', 1164]);
	});
	it('reads 52 items, 11 / 29 / 5 / 7 per dimension', () => {
		expect(items.map((i) => i.ordinal)).toEqual(Array.from({ length: 52 }, (_, k) => k + 1));
		expect(count(items.map((i) => i.dimension ?? 0))).toEqual({ 1: 11, 2: 29, 3: 5, 4: 7 });
	});
	it('sums budgets to 1,930,000.00 and disbursements to 627,872.00', () => {
		expect(sumBaht(items.map((i) => i.budget['2566']!))).toBe(1930000);
		expect(sumBaht(items.map((i) => i.disbursed!))).toBe(627872);
		const paid = items.filter((i) => (i.disbursed ?? 0) > 0).map((i) => [i.ordinal, i.disbursed]);
		expect(paid).toEqual([
			[4, 30169],
			[5, 376300],
			[8, 76648],
			[9, 98705],
			[31, 9590],
			[34, 16440],
			[41, 20020]
		]);
	});
	it('reads statuses by column (☑ and HTML checkboxes alike): 0 / 0 / 48 / 4', () => {
		expect(count(items.map((i) => i.status ?? 'none'))).toEqual({ done: 48, not_done: 4 });
		expect(items.filter((i) => i.status === 'not_done').map((i) => [i.ordinal, i.line])).toEqual([
			[7, 1087],
			[10, 1095],
			[25, 1115],
			[29, 1124]
		]);
		expect(items.find((i) => i.ordinal === 31)?.remark).toBe(
			'1.โครงการ ๕ ส. เบิกจ่ายรวม 9,590 2.โครงการอบรมเทคโนโลยีสารสนเทศ (ไม่ได้ดำเนินการ)'
		);
	});
	it('reads the summary twice, Thai then Arabic digits, and takes the first copy', () => {
		expect(summaries.map((s) => [s.line, s.lines, s.digits])).toEqual([
			[1062, [1062, 1070], 'thai'],
			[1176, [1176, 1184], 'arabic']
		]);
		expect(table.declared.summaryLine).toBe(1062);
		expect(table.declared.summary).toEqual({
			item_count: 52,
			pending: 0,
			in_progress: 0,
			done: 48,
			not_done: 4,
			disbursed: 627872,
			disbursed_percent: 32.53,
			implementation_level: 'มาก',
			implementation_percent: 92.31
		});
	});
	it('fails one check only: the copies disagree on the implementation percent (๙๒.๓๑ vs 100.00)', () => {
		const failed = parsed.checks.filter((c) => !c.ok);
		expect(
			failed.map((c) => [c.name, c.detail, c.declared, c.computed, c.line, c.severity])
		).toEqual([['summary_copies_agree', 'implementation_percent', 92.31, 100, 1184, 'warning']]);
		expect(parsed.checks.filter((c) => c.name === 'summary_copies_agree')).toHaveLength(9);
	});
	it('checks the table against the first summary, field by field, at the summary lines', () => {
		const against = parsed.checks.filter(
			(c) => !['summary_copies_agree', 'narrative_vs_table_status'].includes(c.name)
		);
		expect(against.map((c) => [c.name, c.declared, c.computed, c.ok, c.line])).toEqual([
			['summary_item_count', 52, 52, true, 1064],
			['status_count', 0, 0, true, 1065],
			['status_count', 0, 0, true, 1066],
			['status_count', 48, 48, true, 1067],
			['status_count', 4, 4, true, 1068],
			['disbursed_total', 627872, 627872, true, 1069],
			['disbursed_percent', 32.53, 32.53, true, 1069],
			['implementation_percent', 92.31, 92.31, true, 1070]
		]);
		expect(against.filter((c) => c.name === 'status_count').map((c) => c.detail)).toEqual([
			'pending',
			'in_progress',
			'done',
			'not_done'
		]);
	});
	it('reads 53 narrative entries numbered ๑..๕๒ with ๔๕ twice, and matches each to its item', () => {
		const numbers = [
			...Array.from({ length: 45 }, (_, k) => k + 1),
			45,
			...Array.from({ length: 7 }, (_, k) => k + 46)
		];
		expect(narrative.map((e) => e.number)).toEqual(numbers.map(TH));
		expect(new Set(narrative.map((e) => e.ordinal))).toEqual(new Set(items.map((i) => i.ordinal)));
		const at = (n: string) => narrative.find((e) => e.number === n)!;
		// The narrative numbers its own way: ๑ is table item 6, ๖ item 10, ๔๐ item 38.
		expect(['๑', '๖', '๒๖', '๔๐'].map((n) => [n, at(n).ordinal])).toEqual([
			['๑', 6],
			['๖', 10],
			['๒๖', 15],
			['๔๐', 38]
		]);
		// Entry ๔๒'s name wraps over line 730 ("อ่างทอง").
		expect([at('๔๒').line, at('๔๒').ordinal, at('๔๒').similarity]).toEqual([728, 42, 1]);
	});
	it('agrees with the table on the four entries not carried out (๖, ๗, ๒๗, ๒๙)', () => {
		expect(narrative.filter((e) => e.notDone).map((e) => [e.number, e.line, e.ordinal])).toEqual([
			['๖', 85, 10],
			['๗', 95, 7],
			['๒๗', 378, 25],
			['๒๙', 418, 29]
		]);
		const checks = parsed.checks.filter((c) => c.name === 'narrative_vs_table_status');
		expect(checks.map((c) => [c.line, c.declared, c.computed, c.ok])).toEqual([
			[85, 'not_done', 'not_done', true],
			[95, 'not_done', 'not_done', true],
			[378, 'not_done', 'not_done', true],
			[418, 'not_done', 'not_done', true]
		]);
	});
	it('records one problem: entry ๔๕ listed twice, at the second copy (line 889)', () => {
		expect(parsed.problems.map((p) => [p.line, p.code, p.severity])).toEqual([
			[889, 'duplicate_item', 'warning']
		]);
	});
});
