import { sumBaht } from '../text/baht.ts';
import { DIMENSIONS } from './catalog.ts';
import { coverLines, thai, thaiAmount, type DocLao } from './cover.ts';
import type { PlanItem } from './model.ts';

export interface PlanDoc {
	lao: DocLao;
	years: readonly number[];
	items: readonly PlanItem[];
	/** Added to the รวมทั้งสิ้น amount of the first year: 0 for a document that reconciles. */
	totalOffBy: number;
}

/**
 * A multi-year plan, as the pao-samut-songkhram plan has it: cover, the foreword's counts per
 * มิติ, then the Part 2 table (header repeated before each dimension), numbering restarting at ๑.
 * in each dimension, "รวม / จำนวน N โครงการ" per dimension and "รวมทั้งสิ้น" at the end.
 */
/**
 * Part 3, one short page per item (ลำดับที่ running across dimensions, as in the real plan), whose
 * budget section states the first year's amount: the parser matches pages to Part 2 items by
 * name and compares that amount (part2_vs_part3_budget).
 */
function part3Lines(doc: PlanDoc, present: typeof DIMENSIONS): string[] {
	const lines = ['ส่วนที่ ๓', 'รายละเอียดโครงการ/กิจกรรม/มาตรการตามแผนปฏิบัติการ', ''];
	let seq = 0;
	for (const d of present) {
		lines.push(`มิติที่ ${thai(d.dimension)} ${d.title}`, '');
		for (const item of doc.items.filter((i) => i.dimension === d.dimension)) {
			const first = item.budgets[0] ?? 0;
			lines.push(
				`ลำดับที่ ${thai(++seq)}`,
				`๑. ชื่อโครงการ ${item.name}`,
				'๒. หลักการและเหตุผล',
				'เพื่อป้องกันการทุจริตและยกระดับคุณธรรมและความโปร่งใส (ข้อความสาธิต)',
				'๗. งบประมาณดำเนินการ',
				first === 0 ? 'ไม่ใช้งบประมาณ' : `${thaiAmount(first)} บาท`,
				''
			);
		}
	}
	return lines;
}

export function planText(doc: PlanDoc): string {
	const first = doc.years[0]!;
	const last = doc.years[doc.years.length - 1]!;
	const span = `(พ.ศ. ${thai(first)} - ${thai(last)})`;
	const header = [
		'มิติ',
		'ภารกิจตามมิติ',
		'โครงการ/กิจกรรม/มาตรการ',
		...doc.years.map((y) => `ปี ${thai(y)} งบประมาณ (บาท)`),
		'หมายเหตุ'
	].join('\t');
	const present = DIMENSIONS.filter((d) => doc.items.some((i) => i.dimension === d.dimension));
	const lines = [
		'',
		'**แผนปฏิบัติการป้องกันการทุจริต',
		'เพื่อยกระดับคุณธรรมและความโปร่งใส**',
		'',
		...coverLines(doc.lao),
		span,
		'',
		`ส่วนที่ ๒ ประกอบด้วย โครงการ/กิจกรรม/มาตรการ และจำนวนงบประมาณที่ดำเนินการใน ${thai(doc.years.length)} ปี ${span} แยกตาม ${thai(present.length)} มิติ รวมทั้งสิ้นจำนวน ${thai(doc.items.length)} โครงการ ดังนี้`,
		''
	];
	for (const d of present) {
		const n = doc.items.filter((i) => i.dimension === d.dimension).length;
		lines.push(`มิติที่ ${thai(d.dimension)} ${d.title} จำนวน ${thai(n)} โครงการ`, '');
	}
	const sums = (items: readonly PlanItem[]) =>
		doc.years.map((_, y) => sumBaht(items.map((i) => i.budgets[y] ?? 0)));
	for (const d of present) {
		const items = doc.items.filter((i) => i.dimension === d.dimension);
		lines.push(header);
		let mission = '';
		items.forEach((item, k) => {
			const dimCell = k === 0 ? `${thai(d.dimension)}. ${d.title}` : '';
			const missionCell = item.mission === mission ? '' : item.mission;
			mission = item.mission;
			lines.push(
				[
					dimCell,
					missionCell,
					`${thai(k + 1)}. ${item.name}`,
					...item.budgets.map(thaiAmount),
					item.office
				].join('\t')
			);
		});
		lines.push(
			['', 'รวม', `จำนวน ${thai(items.length)} โครงการ`, ...sums(items).map(thaiAmount), ''].join(
				'\t'
			)
		);
		if (d !== present[present.length - 1]) lines.push('');
	}
	const totals = sums(doc.items);
	totals[0] = (totals[0] ?? 0) + doc.totalOffBy;
	lines.push(
		['', 'รวมทั้งสิ้น', `จำนวน ${thai(doc.items.length)} โครงการ`, ...totals.map(thaiAmount), ''].join(
			'\t'
		),
		'',
		...part3Lines(doc, present)
	);
	return lines.join('\n');
}
