import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBaht, parseBaht, parseBahtList, parsePercent, sumBaht } from './baht.ts';
import { beToCe, ceToBe, findBeYears, fiscalYearOfDate, yearRange } from './be-year.ts';
import { canonicalLine, joinSquashed, nameKey, squash } from './canonical.ts';
import {
	canonicalDimensionWord,
	dimensionHeading,
	isDimensionHeaderCell,
	isMissionHeaderCell
} from './ocr.ts';
import { parseThaiDate, thaiMonth } from './thai-date.ts';
import { arabicToThaiDigits, parseThaiInt, thaiToArabicDigits } from './thai-digits.ts';
import { readTick } from './ticks.ts';

describe('thai digits', () => {
	it('converts both ways and leaves other text alone', () => {
		expect(thaiToArabicDigits('ปี ๒๕๖๘ งบ ๑๐,๐๐๐')).toBe('ปี 2568 งบ 10,000');
		expect(arabicToThaiDigits('2568')).toBe('๒๕๖๘');
		expect(parseThaiInt('๓๕')).toBe(35);
		expect(parseThaiInt('1,234')).toBe(1234);
		expect(parseThaiInt('๓๕ โครงการ')).toBeNull();
	});
	it('round-trips any number (property)', () => {
		fc.assert(
			fc.property(fc.nat(), (n) => {
				expect(thaiToArabicDigits(arabicToThaiDigits(String(n)))).toBe(String(n));
			})
		);
	});
});

describe('BE years', () => {
	it('converts BE and CE', () => {
		expect(beToCe(2568)).toBe(2025);
		expect(ceToBe(2025)).toBe(2568);
	});
	it('names the fiscal year for the year it ends in', () => {
		expect(fiscalYearOfDate('2024-10-06')).toBe(2568);
		expect(fiscalYearOfDate('2024-09-30')).toBe(2567);
		expect(fiscalYearOfDate('2024-01-04')).toBe(2567);
	});
	it('finds years in Thai and Arabic digits, ignoring implausible ones', () => {
		expect(findBeYears('(พ.ศ. ๒๕๖๖ - ๒๕๗๐)')).toEqual([2566, 2570]);
		expect(findBeYears('พ.ศ. 2568 ของ เทศบาลเมืองพิชัย')).toEqual([2568]);
		expect(findBeYears('โทร. ๐ ๓๔๗๑ ๕๐๑๒ ค.ศ. 2025 and 9999')).toEqual([]);
		expect(yearRange(2566, 2570)).toEqual([2566, 2567, 2568, 2569, 2570]);
	});
});

describe('Thai dates', () => {
	it('reads the as-of lines of the samples', () => {
		expect(parseThaiDate('** ข้อมูล ณ วันที่ 06 ตุลาคม 2567')).toBe('2024-10-06');
		expect(parseThaiDate('** ข้อมูล ณ วันที่ 04 มกราคม 2567')).toBe('2024-01-04');
		expect(parseThaiDate('ลงวันที่ ๒๕ ธันวาคม ๒๕๕๗')).toBe('2014-12-25');
		expect(parseThaiDate('วันที่ 1 ก.พ. 2568')).toBe('2025-02-01');
	});
	it('refuses dates that do not exist and text without a date', () => {
		expect(parseThaiDate('31 กุมภาพันธ์ 2568')).toBeNull();
		expect(parseThaiDate('29 กุมภาพันธ์ 2567')).toBe('2024-02-29');
		expect(parseThaiDate('เดือนธันวาคม ๒๕๖๕')).toBeNull();
		expect(thaiMonth('ตุลาคม')).toBe(10);
		expect(thaiMonth('October')).toBeNull();
	});
});

describe('baht', () => {
	it('reads amounts as the documents write them', () => {
		const cases: Array<[string, number | null, boolean?]> = [
			['5,000.00', 5000],
			['185,000.00', 185000],
			['๒๐๐,๐๐๐', 200000],
			['๕๐๐๐๐', 50000],
			['๑๐๐,๐๐๐.-', 100000],
			['งบประมาณ จำนวน ๑๐๐,๐๐๐.- บาท', 100000],
			['จำนวน ๒๖๕,๐๐๐ บาท', 265000],
			['627,872.00', 627872],
			['1,234.5', 1234.5],
			['0.00', 0],
			['-', 0, true],
			['จำนวน - บาท', 0, true],
			['ไม่ใช้งบประมาณ', 0, true],
			['12,34', null],
			['1,2345', null],
			['abc', null],
			['', null],
			['5 000', null]
		];
		for (const [cell, value, explicit] of cases) {
			const b = parseBaht(cell);
			expect([cell, b?.value ?? null, b?.explicitZero ?? false]).toEqual([
				cell,
				value,
				explicit ?? false
			]);
		}
	});
	it('splits cells holding several amounts', () => {
		expect(parseBahtList('- ๒๕,๐๐๐ - - - -')?.map((b) => b.value)).toEqual([0, 25000, 0, 0, 0, 0]);
		expect(parseBahtList('๑๐๐,๐๐๐ ๓,๐๐๐,๐๐๐')?.map((b) => b.value)).toEqual([100000, 3000000]);
		expect(parseBahtList('')).toEqual([]);
		expect(parseBahtList('๑๐๐,๐๐๐ บาทถ้วน')).toBeNull();
	});
	it('sums in satang, so decimals never drift', () => {
		expect(sumBaht([0.1, 0.2])).toBe(0.3);
		expect(sumBaht([30169, 76648, 98705, 9590, 16440, 20020, 376300])).toBe(627872);
		expect(formatBaht(185000)).toBe('185,000.00');
		expect(parsePercent('๓๒.๕๓')).toBe(32.53);
		expect(parsePercent('ร้อยละ 100.00')).toBe(100);
	});
	it('parses any formatted amount back to itself (property)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (satang) => {
				const value = satang / 100;
				expect(parseBaht(formatBaht(value))?.satang).toBe(satang);
				expect(parseBaht(arabicToThaiDigits(formatBaht(value)))?.satang).toBe(satang);
			})
		);
	});
});

describe('canonical text', () => {
	it('unifies ำ, drops zero-width and bidi characters, plain spaces for NBSP', () => {
		expect(canonicalLine('ดำเนินการ')).toBe('ดำเนินการ');
		expect(canonicalLine('ด\u0e4d\u0e32เนินการ')).toBe('ดำเนินการ');
		expect(canonicalLine('โครง\u200bการ\u00a0ป้องกัน\u202e')).toBe('โครงการ ป้องกัน');
		expect(canonicalLine('a\tb')).toBe('a\tb');
		expect(squash('  a \t b  ')).toBe('a b');
	});
	it('matches names across line-wrap spaces and quotes', () => {
		expect(nameKey('มาตรการ “ส่งเสริมการปฏิบัติงาน ตามประมวลจริยธรรม”')).toBe(
			nameKey('มาตรการส่งเสริมการปฏิบัติงานตามประมวลจริยธรรม')
		);
	});
});

describe('OCR variants of มิติ', () => {
	it('reads header cells in every variant', () => {
		for (const cell of ['มิติ', 'มิตี', 'มติ', ' มติ ']) expect(isDimensionHeaderCell(cell)).toBe(true);
		expect(isDimensionHeaderCell('มติคณะรัฐมนตรี')).toBe(false);
		expect(isMissionHeaderCell('ภารกิจตามมิตี')).toBe(true);
		expect(isMissionHeaderCell('ภารกิจตามมติ')).toBe(true);
	});
	it('reads dimension headings but not the real word มติ', () => {
		expect(dimensionHeading('มติที่ ๑ การสร้างวัฒนธรรมสุจริต')).toBe(1);
		expect(dimensionHeading('มิติที่ 4 การยกระดับ')).toBe(4);
		expect(dimensionHeading('มติ 3 การส่งเสริมบทบาท')).toBe(3);
		expect(dimensionHeading('- มติที่ ๒ การบริหารราชการ')).toBe(2);
		expect(dimensionHeading('มติคณะรัฐมนตรี เมื่อวันที่ ๑ มกราคม')).toBeNull();
		expect(dimensionHeading('มติที่ประชุม')).toBeNull();
		expect(dimensionHeading('มิติที่ ๕')).toBeNull();
	});
	it('rewrites only structural occurrences', () => {
		expect(canonicalDimensionWord('มติที่ ๒ การบริหาร')).toBe('มิติที่ ๒ การบริหาร');
		expect(canonicalDimensionWord('ตามมติคณะรัฐมนตรี')).toBe('ตามมติคณะรัฐมนตรี');
		expect(canonicalDimensionWord('ภารกิจตามมิตี')).toBe('ภารกิจตามมิติ');
	});
});

describe('ticks', () => {
	it('reads every tick spelling of the samples and refuses the rest', () => {
		const cases: Array<[string, string]> = [
			['<input checked="" type="checkbox"/>', 'ticked'],
			["<INPUT CHECKED type='checkbox'>", 'ticked'],
			['<input type="checkbox" checked>', 'ticked'],
			['<input type="checkbox"/>', 'unchecked_box'],
			['<input type="text" checked>', 'unknown'],
			['☑', 'ticked'],
			['✓', 'ticked'],
			['✔', 'ticked'],
			['', 'empty'],
			['  ', 'empty'],
			['☐', 'unchecked_box'],
			['✗', 'unknown'],
			['ดำเนินการ', 'unknown']
		];
		expect(cases.map(([c]) => [c, readTick(c)])).toEqual(cases);
	});
});

describe('joinSquashed', () => {
	it('is squash of the two joined by a space, for squashed texts', () => {
		const texts = ['', 'มิติ', 'ภารกิจ ตาม', 'a b c'];
		for (const a of texts)
			for (const b of texts) expect(joinSquashed(a, b)).toBe(squash(`${a} ${b}`));
	});
});
