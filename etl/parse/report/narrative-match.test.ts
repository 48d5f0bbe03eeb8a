import { describe, expect, it } from 'vitest';
import type { Item } from '../common/types.ts';
import { bestMatch, dice } from './narrative-match.ts';

const item = (ordinal: number, name: string): Item => ({
	ordinal,
	dimension: 1,
	name,
	itemKind: null,
	budget: {},
	quarters: null,
	status: 'done',
	disbursed: 0,
	line: ordinal
});

describe('dice', () => {
	it('is 1 for the same name key (spaces, quotes), and symmetric', () => {
		expect(dice('มาตรการ “NO Gift Policy”', 'มาตรการ NO Gift  Policy')).toBe(1);
		const a = 'โครงการสร้างค่านิยมต่อต้านการทุจริต';
		const b = 'โครงการเสริมสร้างค่านิยมต่อต้านการทุจริต';
		expect(dice(a, b)).toBe(dice(b, a));
		expect(dice(a, b)).toBeCloseTo(0.904, 3);
	});
});

describe('bestMatch', () => {
	it('takes the unique best at or above 0.85, even when a wrong name also scores high', () => {
		// pao-ang-thong: narrative ๒ against items 1 (exact) and 26 (0.94, another word first).
		const items = [
			item(1, 'โครงการป้องกันผลประโยชน์ทับซ้อนขององค์การบริหารส่วนจังหวัดอ่างทอง'),
			item(26, 'มาตรการป้องกันผลประโยชน์ทับซ้อนขององค์การบริหารส่วนจังหวัดอ่างทอง')
		];
		const m = bestMatch('โครงการป้องกันผลประโยชน์ทับซ้อนขององค์การบริหารส่วนจังหวัดอ่างทอง', items);
		expect([m?.item.ordinal, m?.score]).toEqual([1, 1]);
	});
	it('refuses a tie and a best below the threshold', () => {
		const twins = [item(1, 'กิจกรรม ก ข'), item(2, 'กิจกรรม ก ข')];
		expect(bestMatch('กิจกรรมกข', twins)).toBeNull();
		expect(bestMatch('โครงการอบรมคุณธรรม', [item(1, 'มาตรการจัดการเรื่องร้องเรียน')])).toBeNull();
	});
	it('scores items sharing a key once: twins tie, a better name after them still wins', () => {
		const twins = [item(1, 'กิจกรรม ก ข ค'), item(2, 'กิจกรรม “ก ข ค”')];
		expect(bestMatch('กิจกรรมกขค', twins)).toBeNull();
		const m = bestMatch('กิจกรรมกขคง', [...twins, item(3, 'กิจกรรม ก ข ค ง')]);
		expect([m?.item.ordinal, m?.score]).toEqual([3, 1]);
		const copies = Array.from({ length: 50_000 }, (_, k) => item(k + 1, 'มาตรการ NO Gift Policy'));
		expect(bestMatch('มาตรการ NO Gift Policy', copies)).toBeNull();
	});
});
