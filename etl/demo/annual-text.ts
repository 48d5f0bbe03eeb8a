import { sumBaht } from '../text/baht.ts';
import { asOfLine, baht, coverLines, thai, type DocLao } from './cover.ts';
import type { AnnualRow } from './model.ts';

export interface AnnualDoc {
	lao: DocLao;
	year: number;
	rows: readonly AnnualRow[];
	/** Added to the declared รวมทั้งสิ้น budget: 0 for a document that reconciles. */
	totalOffBy: number;
	tick: string;
	asOfDay: number;
	/** Rows per page: the title and header repeat at each page break, as in the exports. */
	pageSize: number;
}

/**
 * An E-PlanNACC annual plan export, as the Phichai annual plan has it: title, two-row header, one
 * row per item with quarter ticks by column position, the รวมทั้งสิ้น row (budget and ticks per
 * quarter), "** ข้อมูล ณ วันที่".
 */
export function annualText(doc: AnnualDoc): string {
	const title = `แผนปฏิบัติการป้องกันการทุจริต พ.ศ. ${doc.year} ของ ${doc.lao.fullName}`;
	const header = [
		'ลำดับ\tรายการโครงการ (ตั้งต้น)\tมิติ\tงบประมาณ (บาท)\tดำเนินการไตรมาส\t\t\t\tหมายเหตุ',
		'\t\t\t\t1\t2\t3\t4\t'
	];
	const lines = [
		'',
		`แผนการดำเนินงานปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ${thai(doc.year)}`,
		'',
		...coverLines(doc.lao)
	];
	doc.rows.forEach((row, i) => {
		if (i % doc.pageSize === 0) lines.push(title, '', ...header);
		const ticks = row.quarters.map((q) => (q ? doc.tick : ''));
		lines.push(
			[String(i + 1), row.name, String(row.dimension), baht(row.budget), ...ticks, ''].join('\t')
		);
		if (i % doc.pageSize === doc.pageSize - 1 && i < doc.rows.length - 1) lines.push('');
	});
	const total = sumBaht(doc.rows.map((r) => r.budget)) + doc.totalOffBy;
	const counts = [0, 1, 2, 3].map((q) => doc.rows.filter((r) => r.quarters[q]).length);
	lines.push(['รวมทั้งสิ้น', '', '', baht(total), ...counts.map(String), ''].join('\t'));
	lines.push('', asOfLine(doc.asOfDay, 10, doc.year - 1), '');
	return lines.join('\n');
}
