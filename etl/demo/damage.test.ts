import { describe, expect, it } from 'vitest';
import { damageName, damageNames } from './damage.ts';
import { generateDemo } from './generate.ts';
import { mulberry32 } from './prng.ts';

describe('damageName', () => {
	it('damages a name the way real documents do, or says it cannot', () => {
		const rng = mulberry32(1);
		expect([
			damageName('มาตรการเปิดเผยข้อมูลสาธารณะ', 'quoted', rng),
			damageName('โครงการจัดเวทีประชาคม', 'double_space', rng),
			damageName('โครงการฝึกอบรมประชุมสัมมนาของสมาชิกสภาท้องถิ่น', 'misread', rng),
			damageName('กิจกรรมจิตอาสาพัฒนาชุมชน', 'misread', rng),
			damageName('มาตรการ NO Gift Policy', 'tone_mark', rng)
		]).toEqual([
			'มาตรการ “เปิดเผยข้อมูลสาธารณะ”',
			'โครงการ  จัดเวทีประชาคม',
			'โครงการผูกอบรมประชุมสัมมนาของสมาชิกสภาท้องถิ่น',
			null,
			null
		]);
		expect(damageName('โครงการป้องกันผลประโยชน์ทับซ้อน', 'tone_mark', mulberry32(2))).toMatch(
			/^โครงการป(?:องกันผลประโยชน์ทับซ้อน|้องกันผลประโยชนทับซ้อน|้องกันผลประโยชน์ทับซอน)$/
		);
	});

	it('keeps the row otherwise, and leaves most names alone', () => {
		const rows = Array.from({ length: 1000 }, (_, i) => ({
			i,
			name: 'โครงการป้องกันผลประโยชน์ทับซ้อน'
		}));
		const out = damageNames(rows, mulberry32(7));
		expect(out.map((r) => r.i)).toEqual(rows.map((r) => r.i));
		expect(out.filter((r) => r.name !== rows[0]!.name).length).toBe(133);
	});
});

describe('the demo with damage', () => {
	it('damages names in 103 of 150 annual plans (doubled spaces) and 89 (quotes), never in the multi-year plan (seed 1, N = 30)', () => {
		const demo = generateDemo({ laos: 30, years: [2566, 2567, 2568, 2569, 2570], seed: 1 });
		const annual = demo.documents.filter((d) => d.kind === 'annual_plan');
		expect([
			annual.filter((d) => d.text.includes('  ')).length,
			annual.filter((d) => d.text.includes('“')).length,
			demo.documents.filter((d) => d.kind === 'multi_year_plan' && d.text.includes('“')).length
		]).toEqual([103, 89, 0]);
	});
});
