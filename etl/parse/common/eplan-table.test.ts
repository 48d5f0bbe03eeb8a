import { describe, expect, it } from 'vitest';
import type { Problem } from './types.ts';
import {
	issuer,
	itemKindOf,
	readHeader,
	readRow,
	readTitle,
	readTotal,
	scanEplanTables,
	type EplanHeader
} from './eplan-table.ts';
import { decodeDocument, type SourceText } from './source.ts';

const T = '\t';
// The header rows of the two exports, as the seeds write them (Phichai line 73, Ang Thong 1074).
const ANNUAL_HEADER = 'ลำดับ|รายการโครงการ (ตั้งต้น)|มิติ|งบประมาณ (บาท)|ดำเนินการไตรมาส||||หมายเหตุ'.split(
	'|'
);
const QUARTER_ROW = '||||1|2|3|4|'.split('|');
const REPORT_HEADER =
	'ลำดับ|รายการโครงการ (ตั้งต้น)|มิติ|งบประมาณ (บาท)|เบิกจ่าย (บาท)|สถานะ||||หมายเหตุ'.split('|');
const CHECKED = '<input checked="" type="checkbox"/>';

function source(lines: string[]): SourceText {
	return decodeDocument(new TextEncoder().encode(lines.join('\n'))).source!;
}

/** The annual header of a page, with its quarter row read (as the scanner does). */
function annualHeader(): EplanHeader {
	const h = readHeader(ANNUAL_HEADER, 3)!;
	h.sub = QUARTER_ROW.map((label, index) => ({ index, label })).filter((s) => s.label !== '');
	h.subLine = 4;
	return h;
}

describe('readTitle', () => {
	it('reads the annual and report titles, in Arabic or Thai digits', () => {
		expect(readTitle('แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2568 ของ เทศบาลเมืองพิชัย', 71, 'annual')).toEqual({
			line: 71,
			text: 'แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2568 ของ เทศบาลเมืองพิชัย',
			fiscalYear: 2568,
			period: null
		});
		const report =
			'รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ขององค์การบริหารส่วนจังหวัดอ่างทอง พ.ศ. ๒๕๖๖ รอบ 12 เดือน';
		expect(readTitle(report, 1072, 'report')).toMatchObject({
			fiscalYear: 2566,
			period: 'รอบ 12 เดือน'
		});
	});
	it('does not take the other kind, the multi-year title or a cover line for a title', () => {
		expect(readTitle('แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2568 ของ เทศบาลเมืองพิชัย', 1, 'report')).toBeNull();
		expect(
			readTitle('แผนปฏิบัติการป้องกันการทุจริตเพื่อยกระดับคุณธรรมและความโปร่งใส', 136, 'annual')
		).toBeNull();
		expect(
			readTitle('ตามแผนปฏิบัติการป้องกันการทุจริตขององค์การบริหารส่วนจังหวัดอ่างทอง', 7, 'report')
		).toBeNull();
	});
});

describe('readHeader', () => {
	it('finds each column by its words, whatever the layout', () => {
		expect(readHeader(ANNUAL_HEADER, 73)?.col).toEqual({
			name: 1,
			dimension: 2,
			budget: 3,
			disbursed: null,
			remark: 8
		});
		expect(readHeader(REPORT_HEADER, 1074)?.col).toEqual({
			name: 1,
			dimension: 2,
			budget: 3,
			disbursed: 4,
			remark: 9
		});
	});
	it('reads the OCR variant มติ as the dimension column (Phichai annual plan, line 113)', () => {
		const ocr = ANNUAL_HEADER.map((c) => (c === 'มิติ' ? 'มติ' : c));
		expect(readHeader(ocr, 113)?.col.dimension).toBe(2);
	});
	it('refuses rows that are not a first header row', () => {
		expect(readHeader(QUARTER_ROW, 74)).toBeNull();
		expect(readHeader(['มิติ', 'ภารกิจตามมิติ', 'โครงการ/กิจกรรม/มาตรการ', 'ปี ๒๕๖๖'], 145)).toBeNull();
	});
});

describe('itemKindOf', () => {
	it('reads the first word, past opening quotes', () => {
		const names = [
			'โครงการจัดเวทีประชาคม',
			'“กิจกรรม” วิเคราะห์',
			'มาตรการ NO Gift Policy',
			'ส่งเสริมการมีส่วนร่วม'
		];
		expect(names.map(itemKindOf)).toEqual(['project', 'activity', 'measure', null]);
	});
});

describe('readRow', () => {
	it('reads ticks by their column: an empty cell is an unticked quarter', () => {
		const problems: Problem[] = [];
		const row = readRow(
			['26', 'โครงการจัดเวทีประชาคม', '3', '20,000.00', '', '', CHECKED, '✓', ''],
			105,
			annualHeader(),
			problems
		);
		expect(row).toEqual({
			line: 105,
			ordinal: 26,
			name: 'โครงการจัดเวทีประชาคม',
			dimension: 3,
			budget: 20000,
			disbursed: null,
			ticked: ['3', '4'],
			remark: null
		});
		expect(problems).toEqual([]);
	});
	it('treats missing trailing cells as empty', () => {
		const row = readRow(['34', 'โครงการจัดทำแผน', '4', '0.00', '✓'], 118, annualHeader(), []);
		expect(row?.ticked).toEqual(['1']);
	});
	it('records bad amounts, dimensions and ticks, and goes on reading', () => {
		const problems: Problem[] = [];
		const row = readRow(
			['7', 'โครงการ ก', '5', 'ห้าพัน', '?', '<input type="checkbox"/>', '', CHECKED],
			9,
			annualHeader(),
			problems
		);
		expect(row).toMatchObject({ dimension: null, budget: null, ticked: ['4'] });
		expect(problems.map((p) => [p.line, p.code, p.severity, p.found])).toEqual([
			[9, 'bad_dimension', 'error', '5'],
			[9, 'unknown_tick', 'warning', '?'],
			[9, 'unknown_tick', 'warning', '<input type="checkbox"/>'],
			[9, 'bad_amount', 'error', 'ห้าพัน']
		]);
		expect(problems[0]?.messageTh).toBe('รายการที่ 7: มิติ "5" ไม่ใช่ 1–4');
	});
	it('is not an item row without an ordinal', () => {
		expect(readRow(['รวมทั้งสิ้น', '', '', '185,000.00'], 120, annualHeader(), [])).toBeNull();
	});
});

describe('readTotal', () => {
	it('reads the declared budget and tick counts by column label', () => {
		const cells = ['รวมทั้งสิ้น', '', '', '185,000.00', '30', '23', '24', '28', ''];
		expect(readTotal(cells, 120, annualHeader(), [])).toEqual({
			line: 120,
			budget: 185000,
			counts: { '1': 30, '2': 23, '3': 24, '4': 28 }
		});
	});
});

describe('issuer', () => {
	it('fills both templates and keeps what was expected and found', () => {
		const issue = issuer({ x: ['warning', 'Item {n} at {where}', 'รายการ {n}'] });
		expect(issue('x', 4, { n: 2, where: 'top' }, { expected: 1, found: 2 })).toEqual({
			line: 4,
			severity: 'warning',
			code: 'x',
			message: 'Item 2 at top',
			messageTh: 'รายการ 2',
			expected: 1,
			found: 2
		});
	});
});

const TITLE = 'แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2568 ของ เทศบาลตำบลทดสอบ';

describe('scanEplanTables', () => {
	it('refuses a title year no plan can have, once per title, at the title line', () => {
		const title = 'แผนปฏิบัติการป้องกันการทุจริต พ.ศ. ๒๙๙๙ ของ เทศบาลเมืองพิชัย';
		const page = [ANNUAL_HEADER.join(T), QUARTER_ROW.join(T)];
		const row = ['1', 'โครงการ ก', '1', '0.00', '✓', '', '', '', ''].join(T);
		const total = ['รวมทั้งสิ้น', '', '', '0.00', '1', '0', '0', '0', ''].join(T);
		const src = source([title, ...page, row, title, ...page, total]);
		const { tables, problems } = scanEplanTables(src, 'annual');
		expect([
			tables.map((t) => t.title.fiscalYear),
			problems.map((p) => [p.line, p.code, p.found])
		]).toEqual([[2999], [[1, 'bad_year', 2999]]]);
	});
	it('joins pages that repeat the title and header, and closes at the total row', () => {
		const src = source([
			TITLE, // 1
			'', // 2
			ANNUAL_HEADER.join(T), // 3
			QUARTER_ROW.join(T), // 4
			['1', 'โครงการ ก', '1', '5,000.00', '✓', '', '', '', ''].join(T), // 5
			'', // 6
			'หน้า 2', // 7: a page footer between pages is skipped
			TITLE, // 8
			ANNUAL_HEADER.join(T), // 9
			QUARTER_ROW.join(T), // 10
			['2', 'กิจกรรม ข', '2', '0.00', '', '✓', '', '', ''].join(T), // 11
			['รวมทั้งสิ้น', '', '', '5,000.00', '1', '1', '0', '0', ''].join(T), // 12
			'', // 13
			'** ข้อมูล ณ วันที่ 06 ตุลาคม 2567' // 14
		]);
		const { tables, problems } = scanEplanTables(src, 'annual');
		expect(problems).toEqual([]);
		expect(tables).toHaveLength(1);
		const t = tables[0]!;
		expect([
			t.lines,
			t.rows.map((r) => [r.line, r.ordinal, r.ticked]),
			t.total?.line,
			t.asOf
		]).toEqual([
			[1, 12],
			[
				[5, 1, ['1']],
				[11, 2, ['2']]
			],
			12,
			{ line: 14, date: '2024-10-06' }
		]);
		expect(t.pages.map((p) => [p.titleLine, p.header.line, p.header.subLine])).toEqual([
			[1, 3, 4],
			[8, 9, 10]
		]);
	});
	it('reports an annual table that ends without its total, and a row it cannot read', () => {
		const src = source([
			TITLE,
			ANNUAL_HEADER.join(T),
			QUARTER_ROW.join(T),
			['1', 'โครงการ ก', '1', '0.00', '✓', '', '', '', ''].join(T),
			['', 'ต่อ', '', '', '', '', '', '', ''].join(T)
		]);
		const { tables, problems } = scanEplanTables(src, 'annual');
		expect(tables.map((t) => t.lines)).toEqual([[1, 5]]);
		expect(problems.map((p) => [p.line, p.code, p.severity])).toEqual([
			[5, 'unreadable_row', 'warning'],
			[5, 'missing_grand_total', 'error']
		]);
	});
	it('opens a new table for a new title, and ignores a title mentioned in prose', () => {
		const other = TITLE.replace('2568', '2567');
		const src = source([
			TITLE,
			'ตามที่ได้กล่าวมาแล้ว',
			other,
			ANNUAL_HEADER.join(T),
			QUARTER_ROW.join(T),
			['1', 'โครงการ ก', '1', '0.00', '✓', '', '', '', ''].join(T),
			['รวมทั้งสิ้น', '', '', '0.00', '1', '0', '0', '0', ''].join(T)
		]);
		const { tables, problems } = scanEplanTables(src, 'annual');
		expect(tables.map((t) => [t.title.fiscalYear, t.lines])).toEqual([[2567, [3, 7]]]);
		expect(problems).toEqual([]);
	});
	it('ends a report table (no total row) at the last row, and says which column a header lacks', () => {
		const report =
			'รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ของเทศบาลตำบลทดสอบ พ.ศ. 2566 รอบ 6 เดือน';
		const src = source([
			report,
			REPORT_HEADER.map((c) => (c === 'มิติ' ? 'ด้าน' : c)).join(T),
			[
				'',
				'',
				'',
				'',
				'',
				'รอ รายงาน',
				'อยู่ ระหว่าง ดำเนิน การ',
				'ดำเนิน การ แล้วเสร็จ',
				'ไม่ สามารถ ดำเนิน การได้',
				''
			].join(T),
			['1', 'โครงการ ก', '1', '1,000.00', '500.00', '', '', '☑', '', 'หมายเหตุ ก'].join(T),
			'',
			'** ข้อมูล ณ วันที่ 04 มกราคม 2567'
		]);
		const { tables, problems } = scanEplanTables(src, 'report');
		expect(tables.map((t) => [t.lines, t.title.period, t.asOf?.date])).toEqual([
			[[1, 4], 'รอบ 6 เดือน', '2024-01-04']
		]);
		expect(tables[0]?.rows[0]).toMatchObject({
			disbursed: 500,
			ticked: ['ดำเนิน การ แล้วเสร็จ'],
			remark: 'หมายเหตุ ก'
		});
		expect(problems.map((p) => [p.line, p.code, p.expected])).toEqual([
			[2, 'bad_header', 'dimension'],
			[4, 'bad_dimension', '1–4']
		]);
	});
});
