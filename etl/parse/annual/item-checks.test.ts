import { describe, expect, it } from 'vitest';
import type { Item } from '../common/types.ts';
import { duplicateItems, ordinalCheck, ordinalRuns } from './item-checks.ts';

const item = (ordinal: number, line: number, name = `โครงการ ${line}`): Item => ({
	ordinal,
	dimension: 1,
	name,
	itemKind: 'project',
	budget: {},
	quarters: null,
	status: null,
	disbursed: null,
	line
});

describe('ordinalRuns', () => {
	it('compresses ordinals into runs as written', () => {
		expect(ordinalRuns([1, 2, 3, 5, 6, 6, 7])).toBe('1..3, 5..6, 6..7');
		expect(ordinalRuns([4])).toBe('4');
		expect(ordinalRuns([])).toBe('');
	});
});

describe('ordinalCheck', () => {
	it('passes 1..n and locates each gap and repeat otherwise', () => {
		expect(ordinalCheck([item(1, 10), item(2, 11)], 2568, 9).check.ok).toBe(true);
		const { check, problems } = ordinalCheck([item(2, 10), item(2, 11), item(5, 12)], 2568, 9);
		expect([check.declared, check.computed, check.ok, check.line]).toEqual([
			'1..3',
			'2, 2, 5',
			false,
			10
		]);
		expect(problems.map((p) => [p.line, p.code, p.expected, p.found])).toEqual([
			[10, 'ordinal_gap', 1, 2],
			[11, 'duplicate_ordinal', undefined, 2],
			[12, 'ordinal_gap', 3, 5]
		]);
	});
});

describe('duplicateItems', () => {
	it('flags the second copy of a name, by name key', () => {
		const items = [item(1, 5, 'มาตรการ “ก ข”'), item(2, 6, 'มาตรการกข'), item(3, 7, 'มาตรการ ค')];
		expect(duplicateItems(items).map((p) => [p.line, p.code, p.message])).toEqual([
			[6, 'duplicate_item', '"มาตรการกข" appears twice in the table (first at line 5).']
		]);
	});
});
