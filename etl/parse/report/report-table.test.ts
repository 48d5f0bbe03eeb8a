import { describe, expect, it } from 'vitest';
import { scanEplanTables } from '../common/eplan-table.ts';
import { decodeDocument } from '../common/source.ts';
import { reportTable, statusOfLabel } from './report-table.ts';

const TITLE =
	'รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ของเทศบาลตำบลทดสอบ พ.ศ. 2566 รอบ 12 เดือน';
const HEADER = 'ลำดับ|รายการโครงการ (ตั้งต้น)|มิติ|งบประมาณ (บาท)|เบิกจ่าย (บาท)|สถานะ||||หมายเหตุ';

function table(subHeader: string, row: string) {
	const text = [TITLE, HEADER, subHeader, row].map((l) => l.replaceAll('|', '\t')).join('\n');
	const src = decodeDocument(new TextEncoder().encode(text)).source!;
	return reportTable(scanEplanTables(src, 'report').tables[0]!);
}

describe('statusOfLabel', () => {
	it('reads the four labels as the export splits them into words', () => {
		const labels = [
			'รอ รายงาน',
			'อยู่ ระหว่าง ดำเนิน การ',
			'ดำเนิน การ แล้วเสร็จ',
			'ไม่ สามารถ ดำเนิน การได้',
			'อื่น ๆ'
		];
		expect(labels.map(statusOfLabel)).toEqual(['pending', 'in_progress', 'done', 'not_done', null]);
	});
});

describe('reportTable', () => {
	it('reports a status sub-header that is not the four statuses, and reads what it can', () => {
		const { table: t, problems } = table(
			'|||||รอ รายงาน|อยู่ ระหว่าง ดำเนิน การ|ดำเนิน การ แล้วเสร็จ|ยกเลิก|',
			'1|โครงการ ก|1|0.00|0.00|||☑||'
		);
		expect(t.items.map((i) => i.status)).toEqual(['done']);
		expect(problems.map((p) => [p.line, p.code, p.severity, p.found])).toEqual([
			[
				3,
				'bad_status_header',
				'error',
				'รอ รายงาน / อยู่ ระหว่าง ดำเนิน การ / ดำเนิน การ แล้วเสร็จ / ยกเลิก'
			]
		]);
	});
	it('accepts the four statuses in any order', () => {
		const { table: t, problems } = table(
			'|||||ไม่ สามารถ ดำเนิน การได้|ดำเนิน การ แล้วเสร็จ|อยู่ ระหว่าง ดำเนิน การ|รอ รายงาน|',
			'1|โครงการ ก|1|0.00|0.00|☑||||'
		);
		expect([t.items[0]?.status, problems]).toEqual(['not_done', []]);
	});
});
