import { describe, expect, it } from 'vitest';
import { pageName, readProjectPages } from './project-pages.ts';
import { decodeDocument, type SourceText } from './source.ts';

function source(lines: string[]): SourceText {
	const decoded = decodeDocument(new TextEncoder().encode(lines.join('\n')));
	if (!decoded.source) throw new Error('test text must decode');
	return decoded.source;
}

describe('pageName', () => {
	it('reads every spelling of the name line and drops the label', () => {
		expect(pageName('๑. ชื่อโครงการ โครงการอบรม')).toBe('โครงการอบรม');
		expect(pageName('๑. ชื่อโครงการ : กิจกรรม “สร้างความโปร่งใส”')).toBe('กิจกรรม “สร้างความโปร่งใส”');
		expect(pageName('๑. ชื่อโครงการ: กิจกรรม“ควบคุม”')).toBe('กิจกรรม“ควบคุม”');
		expect(pageName('๑. โครงการ จิตอาสาโลกสวย')).toBe('โครงการ จิตอาสาโลกสวย');
		expect(pageName('๑. โครงการ มาตรการออกคำสั่ง')).toBe('มาตรการออกคำสั่ง');
		expect(pageName('๑. ชื่อโครงการ')).toBe('');
		expect(pageName('๑. จำนวนข้อร้องเรียนลดลง')).toBeNull();
		expect(pageName('๒. โครงการอื่น')).toBeNull();
		expect(pageName('๑.๑ โครงการย่อย')).toBeNull();
	});
});

describe('readProjectPages', () => {
	const text = [
		'ส่วนที่ ๓', //                                             1
		'มติที่ ๑ การสร้างวัฒนธรรมสุจริต', //                          2
		'ลำดับที่ ๑', //                                              3
		'๑. ชื่อโครงการ : โครงการพัฒนาความรู้ด้านกฎหมาย', //             4
		'สำหรับบุคลากรและสมาชิกสภาท้องถิ่น', //                        5
		'', //                                                      6
		'๒. หลักการและเหตุผล', //                                    7
		'๕. วิธีดำเนินการ', //                                        8
		'๑. โครงการที่เกี่ยวข้องในปีก่อน', //                            9  a list item, not a page
		'๗. งบประมาณที่ใช้ในการดำเนินการ', //                          10
		'', //                                                      11
		'งบประมาณ จำนวน ๑๐๐,๐๐๐.- บาท', //                          12
		'๙. ผลผลิต/ผลลัพธ์', //                                       13
		'๖. ระยะเวลาดำเนินการ', //                                    14 restart: a page lost its head
		'๗. งบประมาณดำเนินการ ๕๐๐๐๐ บาท', //                          15
		'๑. โครงการ อบรมประชาธิปไตย', //                              16 no ลำดับที่: page of its own
		'', //                                                      17
		'๒. หลักการและเหตุผล', //                                    18
		'๗. งบประมาณดำเนินการ', //                                    19
		'ไม่ใช้งบประมาณ', //                                          20
		'มติที่ ๒ การบริหารราชการด้วยความโปร่งใส', //                    21
		'ลำดับที่ ๒๖', //                                              22
		'๑. โครงการ มาตรการออกคำสั่งมอบหมาย', //                       23
		'๒. หลักการและเหตุผล', //                                    24
		'๔. กลุ่มเป้าหมาย' //                                          25
	];
	const pages = readProjectPages(source(text), 1);

	it('finds every page, with or without its heading, name or budget', () => {
		expect(pages).toEqual([
			{
				ordinal: 1,
				dimension: 1,
				name: 'โครงการพัฒนาความรู้ด้านกฎหมาย สำหรับบุคลากรและสมาชิกสภาท้องถิ่น',
				nameLine: 4,
				budget: 100000,
				budgetLine: 10,
				explicitZero: false,
				lines: [3, 13]
			},
			{
				ordinal: null,
				dimension: 1,
				name: null,
				nameLine: null,
				budget: 50000,
				budgetLine: 15,
				explicitZero: false,
				lines: [14, 15]
			},
			{
				ordinal: null,
				dimension: 1,
				name: 'โครงการ อบรมประชาธิปไตย',
				nameLine: 16,
				budget: 0,
				budgetLine: 19,
				explicitZero: true,
				lines: [16, 20]
			},
			{
				ordinal: 26,
				dimension: 2,
				name: 'มาตรการออกคำสั่งมอบหมาย',
				nameLine: 23,
				budget: null,
				budgetLine: null,
				explicitZero: false,
				lines: [22, 25]
			}
		]);
	});

	it('reads only the lines asked for', () => {
		expect(readProjectPages(source(text), 21, 23).map((p) => [p.ordinal, p.lines])).toEqual([
			[26, [22, 23]]
		]);
	});
});
