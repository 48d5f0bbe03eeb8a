import { describe, expect, it } from 'vitest';
import { isSecondHeaderRow, mapHeaderCells } from './part2-header.ts';

const YEARS = ['๒๕๖๖', '๒๕๖๗', '๒๕๖๘', '๒๕๖๙', '๒๕๗๐'];
const yearCols = (from: number) => YEARS.map((_, k) => ({ fiscalYear: 2566 + k, col: from + k }));

describe('mapHeaderCells', () => {
	it('maps the one-row header of the plan, in every OCR spelling of มิติ (lines 105, 122)', () => {
		for (const dim of ['มิติ', 'มิตี', 'มติ']) {
			const cells = [dim, `ภารกิจตาม${dim}`, 'โครงการ/กิจกรรม/มาตรการ'];
			cells.push(...YEARS.map((y) => `ปี ${y} งบประมาณ (บาท)`), 'หมายเหตุ');
			expect(mapHeaderCells(cells)).toEqual({
				dimension: 0,
				mission: 1,
				projects: 2,
				years: yearCols(3),
				remarks: 8
			});
		}
	});

	it('maps by position, so a trailing empty cell changes nothing (line 178)', () => {
		const cells = ['มติ', 'ภารกิจตามมติ', 'โครงการ/กิจกรรม/มาตรการ'];
		cells.push(...YEARS.map((y) => `ปี ${y} งบประมาณ (บาท)`), 'หมายเหตุ', '');
		expect(mapHeaderCells(cells)?.remarks).toBe(8);
		expect(mapHeaderCells(cells)?.years).toEqual(yearCols(3));
	});

	it('joins a two-row header cell by cell (annual plan, lines 145–146)', () => {
		const first = [
			'มิติ',
			'ภารกิจตามมิติ',
			'โครงการ/กิจกรรม/มาตรการ',
			...YEARS.map((y) => `ปี ${y}`),
			'หมายเหตุ'
		];
		const second = ['', '', '', ...YEARS.map(() => 'งบประมาณ (บาท)'), ''];
		expect(isSecondHeaderRow(second)).toBe(true);
		expect(mapHeaderCells(first, second)).toEqual({
			dimension: 0,
			mission: 1,
			projects: 2,
			years: yearCols(3),
			remarks: 8
		});
	});

	it('refuses tables that are not Part 2 and rows that are data', () => {
		expect(mapHeaderCells(['ลำดับ ที่', 'ขั้นตอน การดำเนินงาน', 'Risk Score'])).toBeNull();
		expect(mapHeaderCells(['มิติ', 'ภารกิจตามมิติ', 'โครงการ/กิจกรรม/มาตรการ', 'หมายเหตุ'])).toBeNull();
		expect(isSecondHeaderRow(['', '', '', '๕๐๐๐๐', '๕๐๐๐๐'])).toBe(false);
		expect(isSecondHeaderRow(['', '', '', '-', '-'])).toBe(false);
		expect(isSecondHeaderRow(['', '', ''])).toBe(false);
	});
});
