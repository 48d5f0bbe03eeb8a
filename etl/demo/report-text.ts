import { sumBaht } from '../text/baht.ts';
import { percent } from '../parse/report/summary-checks.ts';
import { asOfLine, baht, coverLines, thai, type DocLao } from './cover.ts';
import type { ReportRow, Status } from './model.ts';

export interface ReportDoc {
	lao: DocLao;
	year: number;
	round: 6 | 12;
	rows: readonly ReportRow[];
	/** Added to the disbursed total both summary copies declare: 0 for a document that reconciles. */
	disbursedOffBy: number;
	tick: string;
	asOfDay: number;
	pageSize: number;
}

const STATUS_COLUMN: Record<Status, number> = { pending: 0, in_progress: 1, done: 2, not_done: 3 };

function level(p: number): string {
	return p >= 80 ? 'มาก' : p >= 50 ? 'ปานกลาง' : 'น้อย';
}

/** The summary block; `digits` 'thai' for the copy before the table, 'arabic' for the one after. */
function summaryLines(doc: ReportDoc, digits: 'thai' | 'arabic'): string[] {
	const f = (s: string | number) => (digits === 'thai' ? thai(s) : String(s));
	const count = (s: Status) => doc.rows.filter((r) => r.status === s).length;
	const budget = sumBaht(doc.rows.map((r) => r.budget));
	const disbursed = sumBaht(doc.rows.map((r) => r.disbursed)) + doc.disbursedOffBy;
	const done = count('done');
	const implementation = percent(done, doc.rows.length) ?? 0;
	const disbursedPercent = percent(disbursed, budget) ?? 0;
	return [
		digits === 'thai' ? '➤ สรุปผลการขับเคลื่อนแผนฯ' : 'สรุปผลการขับเคลื่อนแผนฯ',
		'',
		`- แผนปฏิบัติการป้องกันการทุจริต มีโครงการ/กิจกรรม/มาตรการ จำนวน ${f(doc.rows.length)} โครงการ`,
		`- รอการรายงาน ${f(count('pending'))} โครงการ`,
		`- อยู่ระหว่าง${digits === 'thai' ? 'การ' : ''}ดำเนินการ ${f(count('in_progress'))} โครงการ`,
		`- ดำเนินการแล้วเสร็จ ${f(done)} โครงการ`,
		`- ไม่สามารถดำเนินการได้ ${f(count('not_done'))} โครงการ`,
		`- เบิกจ่ายงบประมาณ ${f(baht(disbursed))} บาท คิดเป็นร้อยละ ${f(disbursedPercent.toFixed(2))}`,
		`- มีการนำแผนฯ ไปปฏิบัติ ระดับ ${level(implementation)} ร้อยละ ${f(implementation.toFixed(2))}`
	];
}

/**
 * An E-PlanNACC progress report, as the อ่างทอง report has it: the summary in Thai digits, the
 * table (budget, disbursed, one tick among four status columns), "** ข้อมูล ณ วันที่", then the
 * summary again in Arabic digits.
 */
export function reportText(doc: ReportDoc): string {
	const title = `รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ของ${doc.lao.fullName} พ.ศ. ${doc.year} รอบ ${doc.round} เดือน`;
	const header = [
		'ลำดับ\tรายการโครงการ (ตั้งต้น)\tมิติ\tงบประมาณ (บาท)\tเบิกจ่าย (บาท)\tสถานะ\t\t\t\tหมายเหตุ',
		'\t\t\t\t\tรอ รายงาน\tอยู่ ระหว่าง ดำเนิน การ\tดำเนิน การ แล้วเสร็จ\tไม่ สามารถ ดำเนิน การได้\t'
	];
	const lines = [
		'',
		'รายงานผลการดำเนินงาน',
		`ตามแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ${thai(doc.year)}`,
		'',
		...coverLines(doc.lao),
		...summaryLines(doc, 'thai'),
		''
	];
	doc.rows.forEach((row, i) => {
		if (i % doc.pageSize === 0) lines.push(title, '', ...header);
		const ticks = ['', '', '', ''];
		ticks[STATUS_COLUMN[row.status]] = doc.tick;
		lines.push(
			[
				String(i + 1),
				row.name,
				String(row.dimension),
				baht(row.budget),
				baht(row.disbursed),
				...ticks,
				''
			].join('\t')
		);
		if (i % doc.pageSize === doc.pageSize - 1 && i < doc.rows.length - 1) lines.push('');
	});
	const asOf =
		doc.round === 12 ? asOfLine(doc.asOfDay, 1, doc.year + 1) : asOfLine(doc.asOfDay, 4, doc.year);
	lines.push('', asOf, '', ...summaryLines(doc, 'arabic'), '');
	return lines.join('\n');
}
