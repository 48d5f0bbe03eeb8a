import { issuer, type IssueType } from '../common/eplan-table.ts';

/** The problems the annual-plan parser records beyond those of the shared table reader. */
export const ANNUAL_ISSUES = {
	no_table: [
		'error',
		'No E-PlanNACC annual table ("แผนปฏิบัติการป้องกันการทุจริต พ.ศ. … ของ …" + header) was found.',
		'ไม่พบตารางแผนปฏิบัติการป้องกันการทุจริตประจำปี (ชื่อตาราง + หัวตาราง)'
	],
	bad_quarter_header: [
		'error',
		'The quarter sub-header at line {line} reads "{found}"; expected the quarters 1 2 3 4.',
		'หัวตารางไตรมาสบรรทัด {line} เป็น "{found}" แทนที่จะเป็น 1 2 3 4'
	],
	ordinal_gap: [
		'warning',
		'Item ordinals jump from {previous} to {ordinal}: {expected} was expected.',
		'ลำดับรายการข้ามจาก {previous} ไปเป็น {ordinal} (ควรเป็น {expected})'
	],
	duplicate_ordinal: [
		'warning',
		'Ordinal {ordinal} appears again (first at line {first}).',
		'ลำดับที่ {ordinal} ซ้ำ (ครั้งแรกบรรทัด {first})'
	],
	duplicate_item: [
		'warning',
		'"{name}" appears twice in the table (first at line {first}).',
		'"{name}" ปรากฏซ้ำในตาราง (ครั้งแรกบรรทัด {first})'
	]
} satisfies Record<string, IssueType>;

export const annualIssue = issuer(ANNUAL_ISSUES);
