import { describe, expect, it } from 'vitest';
import { assignAmounts, readAmountCell } from './budget-cells.ts';

const values = (cell: string) => {
	const r = readAmountCell(cell);
	return r.kind === 'amounts' ? r.amounts.map((a) => a.value) : r.kind;
};

describe('readAmountCell', () => {
	it('reads one amount, a list, totals rows and nothing else', () => {
		expect(values('๕๐,๐๐๐')).toEqual([50000]);
		expect(values('-')).toEqual([0]);
		expect(values('- ๒๕,๐๐๐ - - - -')).toEqual([0, 25000, 0, 0, 0, 0]);
		expect(values('๑๐๐,๐๐๐ ๓,๐๐๐,๐๐๐')).toEqual([100000, 3000000]);
		expect(values('จำนวน ๒๖๕,๐๐๐ บาท')).toEqual([265000]);
		expect(values('จำนวน - บาท')).toEqual([0]);
		expect(values('')).toBe('empty');
		expect(values('๕๐,๐๐ บาท')).toBe('bad');
		expect(values('ตามข้อบัญญัติ')).toBe('bad');
	});
});

describe('assignAmounts', () => {
	const b = (...xs: string[]) => {
		const r = readAmountCell(xs.join(' '));
		if (r.kind !== 'amounts') throw new Error('test input must be amounts');
		return r.amounts;
	};
	it('assigns one each when the counts agree', () => {
		expect(assignAmounts(b('๑๐๐,๐๐๐', '๓,๐๐๐,๐๐๐'), 2)).toEqual({
			values: [100000, 3000000],
			unassigned: [],
			reason: null
		});
	});
	it('never splits one amount over several projects (line 107)', () => {
		expect(assignAmounts(b('๕๐,๐๐๐'), 2)).toEqual({
			values: [null, null],
			unassigned: [50000],
			reason: 'shared_cell'
		});
		expect(assignAmounts(b('๑๐', '๒๐'), 3).reason).toBe('shared_cell');
	});
	it('reads a "-" over several projects as zero for each (line 129)', () => {
		expect(assignAmounts(b('-'), 3)).toEqual({ values: [0, 0, 0], unassigned: [], reason: null });
	});
	it('leaves amounts of a row without project unassigned (line 113)', () => {
		expect(assignAmounts(b('๔๐๐,๐๐๐'), 0)).toEqual({
			values: [],
			unassigned: [400000],
			reason: 'row_without_item'
		});
	});
});
