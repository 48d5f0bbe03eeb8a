import { describe, expect, it } from 'vitest';
import type { ParseReport } from '../../etl/parse/common/types.ts';
import { parseDocument } from '../../etl/parse/index.ts';
import { sampleRegistry } from './helpers.ts';

/**
 * From a document's own words to a DLA code, with the real register sample
 * (fixtures/registry/dla-sample.csv) and no database. The documents are small E-PlanNACC annual
 * plan exports laid out as the seed is (town-mun-phichai-lampang_annual-plan-2568.txt): a cover
 * naming the LAO and where it is, then the table whose title repeats the LAO's name.
 */
const registry = sampleRegistry();

function annualPlan(lao: string, location: string | null): Uint8Array {
	return new TextEncoder().encode(
		[
			lao,
			...(location === null ? [] : [location]),
			'',
			`แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2568 ของ ${lao}`,
			'',
			'ลำดับ\tรายการโครงการ (ตั้งต้น)\tมิติ\tงบประมาณ (บาท)\tดำเนินการไตรมาส\t\t\t\tหมายเหตุ',
			'\t\t\t\t1\t2\t3\t4\t',
			'1\tโครงการจัดเวทีประชาคม\t3\t20,000.00\t\t\t✓\t✓\t',
			'2\tมาตรการจัดการเรื่องร้องทุกข์/ร้องเรียน\t3\t0.00\t\t✓\t\t\t',
			'รวมทั้งสิ้น\t\t\t20,000.00\t0\t1\t1\t1\t',
			'',
			'** ข้อมูล ณ วันที่ 06 ตุลาคม 2567',
			''
		].join('\n')
	);
}

function parse(lao: string, location: string | null): ParseReport {
	return parseDocument(annualPlan(lao, location), { registry });
}

/** [resolution, dlaCode, candidates, type, name, province, district] */
function outcome(report: ParseReport) {
	const l = report.lao;
	return [
		l?.resolution,
		l?.dlaCode,
		l?.candidates ?? [],
		l?.type,
		l?.name,
		l?.province,
		l?.district
	];
}

/** [code, line, found] of the LAO problems. */
function laoProblems(report: ParseReport) {
	return report.problems
		.filter((p) => p.code.startsWith('lao_'))
		.map((p) => [p.code, p.line, p.found ?? null]);
}

describe('LAO resolution on the register sample', () => {
	it('parses the small plan itself: two items, 20,000.00, no error', () => {
		const report = parse('เทศบาลเมืองพิชัย', 'อำเภอเมืองลำปาง จังหวัดลำปาง');
		expect([
			report.kind,
			report.verdict,
			report.tables[0]?.items.length,
			report.checks.filter((c) => !c.ok).length
		]).toEqual(['annual_plan', 'accepted', 2, 0]);
	});

	it('resolves a unique name: เทศบาลเมืองพิชัย, อำเภอเมืองลำปาง จังหวัดลำปาง → 4520106', () => {
		const report = parse('เทศบาลเมืองพิชัย', 'อำเภอเมืองลำปาง จังหวัดลำปาง');
		expect(outcome(report)).toEqual([
			'resolved',
			'4520106',
			[],
			'town_municipality',
			'พิชัย',
			'ลำปาง',
			'เมืองลำปาง'
		]);
		expect(laoProblems(report)).toEqual([]);
	});

	it('picks one of four อบต.บ้านเป้า by the province: จังหวัดลำปาง → 6520113', () => {
		const report = parse('อบต.บ้านเป้า', 'จังหวัดลำปาง');
		expect(outcome(report)).toEqual([
			'resolved',
			'6520113',
			[],
			'subdistrict_admin_org',
			'บ้านเป้า',
			'ลำปาง',
			null
		]);
		expect(laoProblems(report)).toEqual([]);
	});

	it('leaves องค์การบริหารส่วนตำบลอ่างทอง without a province ambiguous, listing all four', () => {
		const report = parse('องค์การบริหารส่วนตำบลอ่างทอง', null);
		// dla-sample.csv lines 90–93: พะเยา 6560311, นครสวรรค์ 6600514, กำแพงเพชร 6620118,
		// ประจวบคีรีขันธ์ 6770307 (เทศบาลตำบลอ่างทอง 5931103 is another type).
		const candidates = ['6560311', '6600514', '6620118', '6770307'];
		expect(outcome(report)).toEqual([
			'ambiguous',
			null,
			candidates,
			'subdistrict_admin_org',
			'อ่างทอง',
			null,
			null
		]);
		// No location line, so the title (the mention the parser takes) is line 3.
		expect(laoProblems(report)).toEqual([['lao_ambiguous', 3, candidates]]);
		expect(report.verdict).toBe('accepted_with_warnings');
	});

	it('leaves a name the register does not hold unresolved, with a warning', () => {
		const report = parse('เทศบาลตำบลสุจริตธรรม', 'อำเภอเมืองลำปาง จังหวัดลำปาง');
		expect(outcome(report)).toEqual([
			'unresolved',
			null,
			[],
			'subdistrict_municipality',
			'สุจริตธรรม',
			'ลำปาง',
			'เมืองลำปาง'
		]);
		expect(laoProblems(report)).toEqual([['lao_unresolved', 4, null]]);
		expect(report.verdict).toBe('accepted_with_warnings');
	});

	it('does not take the only เทศบาลเมืองพิชัย (ลำปาง) for one the document places in ชลบุรี', () => {
		const report = parse('เทศบาลเมืองพิชัย', 'อำเภอบางละมุง จังหวัดชลบุรี');
		expect(outcome(report).slice(0, 3)).toEqual(['unresolved', null, []]);
		expect(laoProblems(report)).toEqual([['lao_unresolved', 4, null]]);
	});

	it('resolves Pattaya, a special administrative area: เมืองพัทยา → 3200408', () => {
		const report = parse('เมืองพัทยา', 'อำเภอบางละมุง จังหวัดชลบุรี');
		expect(outcome(report).slice(0, 5)).toEqual([
			'resolved',
			'3200408',
			[],
			'special_admin_area',
			'เมืองพัทยา'
		]);
		expect(laoProblems(report)).toEqual([]);
	});

	it('resolves Bangkok, which the DLA register leaves out: กรุงเทพมหานคร → BMA', () => {
		const report = parse('กรุงเทพมหานคร', null);
		expect(outcome(report)).toEqual([
			'resolved',
			'BMA',
			[],
			'bangkok',
			'กรุงเทพมหานคร',
			'กรุงเทพมหานคร',
			null
		]);
		expect(laoProblems(report)).toEqual([]);
	});

	it('without a register, resolves nothing and says why', () => {
		const report = parseDocument(annualPlan('เทศบาลเมืองพิชัย', 'อำเภอเมืองลำปาง จังหวัดลำปาง'));
		expect(outcome(report).slice(0, 3)).toEqual(['unresolved', null, []]);
		expect(laoProblems(report)).toEqual([['lao_unresolved', 4, null]]);
	});
});
