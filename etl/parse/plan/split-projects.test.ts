import { describe, expect, it } from 'vitest';
import { splitProjects } from './split-projects.ts';

const cut = (cell: string, expected: number | null) => {
	const r = splitProjects(cell, expected);
	return { lead: r.lead, projects: r.projects.map((p) => [p.ordinal, p.name]), marker: r.marker };
};

describe('splitProjects', () => {
	it('splits "๑. name ๒. name" (plan, line 107)', () => {
		expect(cut('๑. โครงการอบรมเพื่อเสริมสร้างวินัย ๒. โครงการฝึกอบรมปฐมนิเทศข้าราชการ', null)).toEqual({
			lead: '',
			projects: [
				[1, 'โครงการอบรมเพื่อเสริมสร้างวินัย'],
				[2, 'โครงการฝึกอบรมปฐมนิเทศข้าราชการ']
			],
			marker: '.'
		});
	});

	it('splits "๑) name ๒) name" (annual excerpt, line 147), ignoring the other marker', () => {
		expect(cut('๘) มาตรการปรับปรุง ๙. ไม่ใช่ลำดับ ๙) โครงการเสริมสร้าง', null).projects).toEqual([
			[8, 'มาตรการปรับปรุง ๙. ไม่ใช่ลำดับ'],
			[9, 'โครงการเสริมสร้าง']
		]);
	});

	it('splits only on the next number: "(E - Service)" and "๕ ส." stay in names', () => {
		expect(
			cut(
				'๕. มาตรการ NO Gift Policy ๖. โครงการพัฒนาระบบ (E - Service) ๗. กิจกรรม ๕ ส. ๓. ในชื่อ ๘. มาตรการสุดท้าย',
				5
			).projects
		).toEqual([
			[5, 'มาตรการ NO Gift Policy'],
			[6, 'โครงการพัฒนาระบบ (E - Service)'],
			[7, 'กิจกรรม ๕ ส. ๓. ในชื่อ'],
			[8, 'มาตรการสุดท้าย']
		]);
	});

	it('keeps text before the expected number as the previous name continued (line 111)', () => {
		expect(cut('ที่ได้รับการบรรจุใหม่ ๔. โครงการจิตอาสา', 4)).toEqual({
			lead: 'ที่ได้รับการบรรจุใหม่',
			projects: [[4, 'โครงการจิตอาสา']],
			marker: '.'
		});
	});

	it('takes a leading number whatever it is, and reads Arabic digits too', () => {
		expect(cut('11. โรงเรียนสร้างคนดีวิถีพุทธ 12. กิจกรรมควบคุม', 9).projects).toEqual([
			[11, 'โรงเรียนสร้างคนดีวิถีพุทธ'],
			[12, 'กิจกรรมควบคุม']
		]);
	});

	it('returns text without a number as lead only, and nothing for an empty cell', () => {
		expect(cut('บริหารส่วนจังหวัด', 3)).toEqual({ lead: 'บริหารส่วนจังหวัด', projects: [], marker: null });
		expect(cut('๒.๓ มาตรการลด', null)).toEqual({
			lead: '๒.๓ มาตรการลด',
			projects: [],
			marker: null
		});
		expect(cut('  ', 1)).toEqual({ lead: '', projects: [], marker: null });
	});
});
