import { issuer, type IssueType } from '../common/eplan-table.ts';

/** The problems the progress-report parser records beyond those of the shared table reader. */
export const REPORT_ISSUES = {
	no_table: [
		'error',
		'No E-PlanNACC report table ("รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ของ … พ.ศ. …" + header) was found.',
		'ไม่พบตารางรายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต (ชื่อตาราง + หัวตาราง)'
	],
	bad_status_header: [
		'error',
		'The status sub-header at line {line} reads "{found}"; expected the four statuses รอรายงาน, อยู่ระหว่างดำเนินการ, ดำเนินการแล้วเสร็จ, ไม่สามารถดำเนินการได้.',
		'หัวตารางสถานะบรรทัด {line} เป็น "{found}" แทนที่จะเป็นสี่สถานะ รอรายงาน อยู่ระหว่างดำเนินการ ดำเนินการแล้วเสร็จ ไม่สามารถดำเนินการได้'
	],
	status_ambiguous: [
		'warning',
		'Item {ordinal} has {count} status ticks ({found}); exactly one was expected, so its status is unknown.',
		'รายการที่ {ordinal} มีเครื่องหมายสถานะ {count} ช่อง ({found}) แทนที่จะเป็นหนึ่งช่อง จึงไม่ทราบสถานะ'
	],
	missing_summary: [
		'warning',
		'The report has no summary block ("สรุปผลการขับเคลื่อนแผนฯ"): its table cannot be checked against it.',
		'รายงานไม่มีส่วนสรุปผลการขับเคลื่อนแผนฯ จึงตรวจสอบตารางกับสรุปไม่ได้'
	],
	duplicate_item: [
		'warning',
		'The narrative lists entry {number} "{name}" again (first at line {first}).',
		'ผลการดำเนินงานแสดงรายการ {number} "{name}" ซ้ำ (ครั้งแรกบรรทัด {first})'
	]
} satisfies Record<string, IssueType>;

export const reportIssue = issuer(REPORT_ISSUES);
