/**
 * Canary documents: small plans and reports in the text formats the parsers read (the layouts of
 * etl/parse/{annual,report,plan}/samples, the E-PlanNACC exports and a multi-year plan), for real
 * LAOs of fixtures/registry/dla-sample.csv, so that the ETL resolves each to its province. Every
 * item name and remark carries the province's canary token, so that a token found in a response
 * says which province's rows leaked.
 */

/** One LAO of the sample register (name as the documents write it). */
export interface CanaryLao {
	code: string;
	name: string;
}

export interface CanaryProvince {
	code: string;
	nameTh: string;
	/** Its provincial administrative organisation (อบจ.) and a town municipality. */
	pao: CanaryLao;
	town: CanaryLao;
}

/** Ang Thong, Lampang and Samut Songkhram: the provinces of the three real seeds. */
export const CANARY_PROVINCES: readonly CanaryProvince[] = [
	{
		code: '15',
		nameTh: 'อ่างทอง',
		pao: { code: '2150101', name: 'องค์การบริหารส่วนจังหวัดอ่างทอง' },
		town: { code: '4150102', name: 'เทศบาลเมืองอ่างทอง' }
	},
	{
		code: '52',
		nameTh: 'ลำปาง',
		pao: { code: '2520101', name: 'องค์การบริหารส่วนจังหวัดลำปาง' },
		town: { code: '4520106', name: 'เทศบาลเมืองพิชัย' }
	},
	{
		code: '75',
		nameTh: 'สมุทรสงคราม',
		pao: { code: '2750101', name: 'องค์การบริหารส่วนจังหวัดสมุทรสงคราม' },
		town: { code: '4750102', name: 'เทศบาลเมืองสมุทรสงคราม' }
	}
];

/**
 * A subdistrict municipality whose name the register holds twice (Chaiyaphum 5360402, Mukdahan
 * 5490702): its documents resolve to no LAO (lao_ambiguous) and so to no province, which only a
 * national scope may see. Its canaries say P00.
 */
export const UNPLACED_LAO: CanaryLao = { code: '', name: 'เทศบาลตำบลบ้านเป้า' };
export const UNPLACED = '00';

/**
 * Each province's amounts carry its own offset (baht), so that the sums a scope is shown say
 * which provinces went into them: the offsets' subset sums are all distinct.
 */
export const OFFSETS: Record<string, number> = { '15': 15, '52': 52, '75': 75, [UNPLACED]: 3 };

/** What the document adds to the figures of its fiscal year (null: nothing, as a 5-year plan). */
export interface DocumentFigures {
	fiscalYear: number;
	planned: number;
	disbursed: number;
}

export interface CanaryDocument {
	/** File name inside the ingest folder. */
	file: string;
	text: string;
	lao: CanaryLao;
	kind: 'annual_plan' | 'progress_report' | 'multi_year_plan';
	/** The verdict the ETL must give it (checked after the ingest). */
	verdict: 'accepted' | 'accepted_with_warnings' | 'quarantined';
	figures: DocumentFigures | null;
}

const TICK = '✓';

const baht = (n: number) =>
	n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * An E-PlanNACC annual plan (etl/parse/annual/samples/tick-by-column-position): three items, one
 * of them a zero-budget measure (the zero_budget list), 60,000 + `offset` baht in all. A
 * `mismatch` added to the declared grand total makes it a total mismatch, which is quarantined.
 */
export function annualPlan(
	lao: CanaryLao,
	year: number,
	token: string,
	offset: number,
	mismatch = 0
) {
	const rows = [
		[1, `โครงการ ${token} ป้องกันผลประโยชน์ทับซ้อน`, 1, baht(10_000 + offset), [1, 2, 3, 4], token],
		[2, `โครงการ ${token} จัดเวทีประชาคม`, 3, '50,000.00', [3, 4], ''],
		[3, `มาตรการ ${token} เปิดเผยข้อมูลสาธารณะ`, 2, '0.00', [1], `สำนักปลัด ${token}`]
	] as const;
	const ticks = (quarters: readonly number[]) =>
		[1, 2, 3, 4].map((q) => (quarters.includes(q) ? TICK : '')).join('\t');
	return [
		`แผนปฏิบัติการป้องกันการทุจริต พ.ศ. ${year} ของ ${lao.name}`,
		'',
		'ลำดับ\tรายการโครงการ (ตั้งต้น)\tมิติ\tงบประมาณ (บาท)\tดำเนินการไตรมาส\t\t\t\tหมายเหตุ',
		'\t\t\t\t1\t2\t3\t4\t',
		...rows.map(([n, name, dim, amount, q, remark]) =>
			[n, name, dim, amount, ticks(q), remark].join('\t')
		),
		`รวมทั้งสิ้น\t\t\t${baht(60_000 + offset + mismatch)}\t2\t1\t2\t2\t`,
		'',
		`** ข้อมูล ณ วันที่ 06 ตุลาคม ${year - 1}`,
		''
	].join('\n');
}

/**
 * A progress report (etl/parse/report/samples/status-by-position): done, in progress, not done;
 * 15,000 + `offset` baht disbursed.
 */
export function progressReport(lao: CanaryLao, year: number, token: string, offset: number) {
	const status = (i: number) => [0, 1, 2, 3].map((s) => (s === i ? '☑' : '')).join('\t');
	return [
		`รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ของ${lao.name} พ.ศ. ${year} รอบ 12 เดือน`,
		'',
		'ลำดับ\tรายการโครงการ (ตั้งต้น)\tมิติ\tงบประมาณ (บาท)\tเบิกจ่าย (บาท)\tสถานะ\t\t\t\tหมายเหตุ',
		'\t\t\t\t\tรอ รายงาน\tอยู่ ระหว่าง ดำเนิน การ\tดำเนิน การ แล้วเสร็จ\tไม่ สามารถ ดำเนิน การได้\t',
		`1\tโครงการ ${token} อบรมคุณธรรมจริยธรรม\t1\t${baht(20_000 + offset)}\t${baht(15_000 + offset)}\t${status(2)}\t`,
		`2\tกิจกรรม ${token} ติดตามประเมินผลการควบคุมภายใน\t4\t0.00\t0.00\t${status(1)}\t`,
		`3\tมาตรการ ${token} จัดการเรื่องร้องเรียน\t3\t5,000.00\t0.00\t${status(3)}\t${token}`,
		'',
		`** ข้อมูล ณ วันที่ 04 ตุลาคม ${year}`,
		''
	].join('\n');
}

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';
const thai = (n: number | string) => String(n).replace(/\d/g, (d) => THAI_DIGITS[Number(d)]!);

/** A multi-year plan 2566–2570 (etl/parse/plan/samples/two-row-header), Thai digits throughout. */
export function multiYearPlan(lao: CanaryLao, token: string) {
	const years = [2566, 2567, 2568, 2569, 2570];
	const each = (text: string) => years.map(() => text).join('\t');
	return [
		'',
		'**แผนปฏิบัติการป้องกันการทุจริต',
		'เพื่อยกระดับคุณธรรมและความโปร่งใส**',
		'',
		lao.name,
		'',
		`(พ.ศ. ${thai(2566)} - ${thai(2570)})`,
		'',
		`มิติ\tภารกิจตามมิติ\tโครงการ/กิจกรรม/มาตรการ\t${years.map((y) => `ปี ${thai(y)}`).join('\t')}\tหมายเหตุ`,
		`\t\t\t${each('งบประมาณ (บาท)')}\t`,
		`๑. การสร้าง วัฒนธรรมสุจริต\t๑.๒ การเสริมสร้างจิตสำนึก และความตระหนักแก่ ประชาชน\t๑) โครงการ ${token} ปลูกฝังวิถีคิด\t${each('๑๐,๐๐๐')}\t`,
		`\t๑.๓ การสร้างจิตสำนึกและ ความตระหนักแก่เด็กและ เยาวชน\t๒) มาตรการ ${token} ประกวดคำขวัญ\t${each('-')}\t`,
		`\tรวม\tจำนวน ๒ โครงการ\t${each('จำนวน ๑๐,๐๐๐ บาท')}\t`,
		`\tรวมทั้งสิ้น\tจำนวน ๒ โครงการ\t${each('จำนวน ๑๐,๐๐๐ บาท')}\t`,
		''
	].join('\n');
}

/** An annual plan of UNPLACED_LAO (lao_ambiguous: accepted with warnings, no province). */
export function unplacedDocument(year: number, token: string): CanaryDocument {
	const offset = OFFSETS[UNPLACED]!;
	return {
		file: `${UNPLACED}-ambiguous-annual-${year}.txt`,
		text: annualPlan(UNPLACED_LAO, year, token, offset),
		lao: UNPLACED_LAO,
		kind: 'annual_plan',
		verdict: 'accepted_with_warnings',
		figures: planned(year, offset)
	};
}

const planned = (fiscalYear: number, offset: number): DocumentFigures => ({
	fiscalYear,
	planned: 60_000 + offset,
	disbursed: 0
});
const disbursed = (fiscalYear: number, offset: number): DocumentFigures => ({
	fiscalYear,
	planned: 0,
	disbursed: 15_000 + offset
});

/** The documents published in release 1: per province an annual plan, a report, a 5-year plan. */
export function publishedDocuments(p: CanaryProvince, token: string): CanaryDocument[] {
	const offset = OFFSETS[p.code]!;
	return [
		{
			file: `${p.code}-pao-annual-2567.txt`,
			text: annualPlan(p.pao, 2567, token, offset),
			lao: p.pao,
			kind: 'annual_plan',
			verdict: 'accepted',
			figures: planned(2567, offset)
		},
		{
			file: `${p.code}-pao-report-2567.txt`,
			text: progressReport(p.pao, 2567, token, offset),
			lao: p.pao,
			kind: 'progress_report',
			verdict: 'accepted_with_warnings',
			figures: disbursed(2567, offset)
		},
		{
			file: `${p.code}-town-plan-2566-2570.txt`,
			text: multiYearPlan(p.town, token),
			lao: p.town,
			kind: 'multi_year_plan',
			verdict: 'accepted_with_warnings',
			// A multi-year plan is intentions, not a year's facts: no figures (facts.ts).
			figures: null
		}
	];
}

/** Ingested after release 1 and never published: the next year's, and one quarantined plan. */
export function unpublishedDocuments(p: CanaryProvince, token: string): CanaryDocument[] {
	const offset = OFFSETS[p.code]!;
	return [
		{
			file: `${p.code}-pao-annual-2568.txt`,
			text: annualPlan(p.pao, 2568, token, offset),
			lao: p.pao,
			kind: 'annual_plan',
			verdict: 'accepted',
			figures: planned(2568, offset)
		},
		{
			file: `${p.code}-town-report-2568.txt`,
			text: progressReport(p.town, 2568, token, offset),
			lao: p.town,
			kind: 'progress_report',
			verdict: 'accepted_with_warnings',
			figures: disbursed(2568, offset)
		},
		{
			file: `${p.code}-town-annual-2568-total-mismatch.txt`,
			text: annualPlan(p.town, 2568, token, offset, 1_000),
			lao: p.town,
			kind: 'annual_plan',
			verdict: 'quarantined',
			// Quarantined: kept with its reasons, never a fact.
			figures: null
		}
	];
}
