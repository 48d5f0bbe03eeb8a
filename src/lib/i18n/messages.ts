import { ACCESS_MESSAGES } from './areas/access.ts';
import { EXPLORE_MESSAGES } from './areas/explore.ts';
import { LAO_MESSAGES } from './areas/lao.ts';
import { LISTS_MESSAGES } from './areas/lists.ts';
import { RELEASES_MESSAGES } from './areas/releases.ts';
import { RISK_MESSAGES } from './areas/risk.ts';

/** UI strings, Thai first. Keys are English phrases in snake_case. */
const CORE_MESSAGES = {
	app_name: { th: 'สุจริต', en: 'Sujarit' },
	digits_choice: { th: 'รูปแบบตัวเลข', en: 'Digits' },
	digits_arabic: { th: 'เลขอารบิก', en: 'Arabic digits' },
	digits_thai: { th: 'เลขไทย', en: 'Thai digits' },
	nav_lists: { th: 'รายการ', en: 'Lists' },
	tagline: {
		th: 'แผนป้องกันการทุจริตของ อปท. ทำจริงหรือไม่',
		en: 'Are local anti-corruption plans real?'
	},
	nav_documents: { th: 'เอกสาร', en: 'Documents' },
	nav_overview: { th: 'ภาพรวม', en: 'Overview' },
	overview_title: { th: 'ภาพรวมระดับประเทศ', en: 'National overview' },
	overview_intro: {
		th: 'ตัวเลขจากเอกสารที่ผ่านการตรวจ (รวมที่มีข้อสังเกต) คลิกจังหวัดบนแผนที่เพื่อดูเอกสาร',
		en: 'Figures from accepted documents (warnings included). Click a province to see its documents.'
	},
	all_years: { th: 'ทุกปี', en: 'All years' },
	kpi_laos_covered: { th: 'อปท. ที่มีแผนประจำปี', en: 'LAOs with an annual plan' },
	kpi_laos_reporting: { th: 'อปท. ที่รายงานผล', en: 'LAOs reporting' },
	kpi_completion: { th: 'ดำเนินการแล้วเสร็จ', en: 'Completion rate' },
	kpi_not_done: { th: 'ไม่สามารถดำเนินการได้', en: 'Items not done' },
	kpi_zero_budget: { th: 'รายการไม่ใช้งบประมาณ', en: 'Zero-budget items' },
	kpi_planned: { th: 'งบประมาณตามแผน (บาท)', en: 'Planned (baht)' },
	kpi_disbursed: { th: 'เบิกจ่าย (บาท)', en: 'Disbursed (baht)' },
	chart_planned_vs_disbursed: { th: 'งบประมาณตามแผนกับการเบิกจ่าย', en: 'Planned vs disbursed' },
	chart_completion: { th: 'อัตราดำเนินการแล้วเสร็จ รายปี', en: 'Completion rate by year' },
	chart_map: { th: 'อัตราดำเนินการแล้วเสร็จ รายจังหวัด', en: 'Completion rate by province' },
	synthetic_banner: {
		th: 'ข้อมูลสาธิต: ตัวเลขบางส่วนมาจาก อปท. สังเคราะห์ (ชื่อขึ้นต้นด้วย “สาธิต”) ไม่ใช่ข้อมูลจริง',
		en: 'Synthetic demo data: some figures come from synthetic LAOs (named “สาธิต…”), not real ones'
	},
	of_reported: { th: 'ของรายการที่รายงาน', en: 'of reported items' },
	documents_title: { th: 'เอกสารที่นำเข้า', en: 'Ingested documents' },
	documents_intro: {
		th: 'ทุกเอกสารถูกตรวจกับยอดรวมที่เอกสารประกาศเอง ตัวเลขทุกตัวย้อนกลับไปยังบรรทัดต้นทางได้',
		en: 'Every document is checked against the totals it declares itself; every number traces back to its source line.'
	},
	col_lao: { th: 'อปท.', en: 'LAO' },
	col_province: { th: 'จังหวัด', en: 'Province' },
	col_kind: { th: 'ประเภทเอกสาร', en: 'Kind' },
	col_years: { th: 'ปีงบประมาณ', en: 'Fiscal years' },
	col_verdict: { th: 'ผลตรวจ', en: 'Verdict' },
	col_items: { th: 'รายการ', en: 'Items' },
	col_failed_checks: { th: 'ตรวจไม่ผ่าน', en: 'Failed checks' },
	col_origin: { th: 'ที่มา', en: 'Origin' },
	kind_multi_year_plan: { th: 'แผนปฏิบัติการหลายปี', en: 'Multi-year plan' },
	kind_annual_plan: { th: 'แผนประจำปี (E-PlanNACC)', en: 'Annual plan (E-PlanNACC)' },
	kind_progress_report: { th: 'รายงานผลการดำเนินงาน', en: 'Progress report' },
	kind_unknown: { th: 'ไม่ทราบประเภท', en: 'Unrecognised' },
	verdict_accepted: { th: 'ผ่าน', en: 'Accepted' },
	verdict_accepted_with_warnings: { th: 'ผ่าน มีข้อสังเกต', en: 'Accepted with warnings' },
	verdict_quarantined: { th: 'กักกัน', en: 'Quarantined' },
	resolution_resolved: { th: 'ระบุรหัสแล้ว', en: 'resolved' },
	resolution_ambiguous: { th: 'กำกวม', en: 'ambiguous' },
	resolution_unresolved: { th: 'ไม่พบในทะเบียน', en: 'unresolved' },
	no_documents: {
		th: 'ยังไม่มีเอกสาร: npm run etl -- ingest fixtures/seeds',
		en: 'No documents yet: npm run etl -- ingest fixtures/seeds'
	},
	synthetic: { th: 'ข้อมูลสาธิต', en: 'synthetic demo data' },
	items_title: { th: 'โครงการ/กิจกรรม/มาตรการ', en: 'Projects, activities and measures' },
	checks_title: {
		th: 'การตรวจกับยอดที่เอกสารประกาศ',
		en: 'Checks against what the document declares'
	},
	problems_title: { th: 'ข้อสังเกตและข้อผิดพลาด', en: 'Problems' },
	source_title: { th: 'ข้อความต้นฉบับ', en: 'Source text' },
	col_ordinal: { th: 'ลำดับ', en: '#' },
	col_dimension: { th: 'มิติ', en: 'Dim.' },
	col_name: { th: 'ชื่อ', en: 'Name' },
	col_budget: { th: 'งบประมาณ (บาท)', en: 'Budget (baht)' },
	col_quarters: { th: 'ไตรมาส', en: 'Quarters' },
	col_status: { th: 'สถานะ', en: 'Status' },
	col_disbursed: { th: 'เบิกจ่าย (บาท)', en: 'Disbursed (baht)' },
	col_line: { th: 'บรรทัด', en: 'Line' },
	col_check: { th: 'การตรวจ', en: 'Check' },
	col_declared: { th: 'เอกสารระบุ', en: 'Declared' },
	col_computed: { th: 'คำนวณได้', en: 'Computed' },
	col_result: { th: 'ผล', en: 'Result' },
	col_severity: { th: 'ระดับ', en: 'Severity' },
	col_code: { th: 'รหัส', en: 'Code' },
	col_message: { th: 'รายละเอียด', en: 'Message' },
	ok: { th: 'ตรง', en: 'ok' },
	mismatch: { th: 'ไม่ตรง', en: 'mismatch' },
	severity_error: { th: 'ร้ายแรง', en: 'error' },
	severity_warning: { th: 'ข้อสังเกต', en: 'warning' },
	status_pending: { th: 'รอรายงาน', en: 'pending' },
	status_in_progress: { th: 'อยู่ระหว่างดำเนินการ', en: 'in progress' },
	status_done: { th: 'ดำเนินการแล้วเสร็จ', en: 'done' },
	status_not_done: { th: 'ไม่สามารถดำเนินการได้', en: 'not done' },
	unassigned_title: { th: 'งบประมาณที่ระบุโครงการไม่ได้', en: 'Amounts not assignable to one item' },
	unassigned_shared_cell: { th: 'หลายโครงการในช่องเดียว', en: 'several items share the cell' },
	unassigned_row_without_item: { th: 'แถวที่ไม่มีชื่อโครงการ', en: 'row names no item' },
	not_loaded: {
		th: 'เอกสารถูกกักกัน: รายการด้านล่างไม่ได้ถูกนำเข้าเป็นข้อมูล',
		en: 'Quarantined: the items below were not loaded as facts'
	},
	warnings_banner: {
		th: 'เอกสารนี้นำเข้าแล้ว แต่ยอดบางรายการไม่ตรงกับที่เอกสารประกาศ',
		en: 'Loaded, but some of its own totals or counts disagree'
	},
	document_meta: { th: 'ข้อมูลเอกสาร', en: 'Document' },
	as_of: { th: 'ข้อมูล ณ วันที่', en: 'As of' },
	sha256: { th: 'SHA-256', en: 'SHA-256' },
	lines: { th: 'บรรทัด', en: 'lines' },
	table: { th: 'ตาราง', en: 'Table' },
	role_multi_year: { th: 'ส่วนที่ ๒ แผนหลายปี', en: 'Part 2, multi-year' },
	role_multi_year_excerpt: { th: 'ตารางแผนหลายปีที่ยกมา', en: 'Multi-year table (excerpt)' },
	role_annual: { th: 'แผนประจำปี', en: 'Annual plan' },
	role_report: { th: 'รายงานผล', en: 'Report' },
	show_line: { th: 'ดูบรรทัด', en: 'show line' },
	all: { th: 'ทั้งหมด', en: 'All' },
	filter: { th: 'กรอง', en: 'Filter' },
	back_to_documents: { th: '← เอกสารทั้งหมด', en: '← All documents' },
	no_content: { th: 'อ่านข้อความไม่ได้ (ไม่ใช่ข้อความ UTF-8)', en: 'No readable text (not UTF-8 text)' }
} as const satisfies Record<string, { th: string; en: string }>;

/**
 * Each view keeps its strings in areas/<view>.ts; a key defined twice is a type error below
 * (the spread would silently keep the last one).
 */
type Areas = typeof ACCESS_MESSAGES &
	typeof EXPLORE_MESSAGES &
	typeof LAO_MESSAGES &
	typeof LISTS_MESSAGES &
	typeof RELEASES_MESSAGES &
	typeof RISK_MESSAGES;
type Clash = Extract<keyof typeof CORE_MESSAGES, keyof Areas>;
const noClash: [Clash] extends [never] ? true : Clash = true;
void noClash;

export const MESSAGES = {
	...CORE_MESSAGES,
	...ACCESS_MESSAGES,
	...EXPLORE_MESSAGES,
	...LAO_MESSAGES,
	...LISTS_MESSAGES,
	...RELEASES_MESSAGES,
	...RISK_MESSAGES
};

export type MessageKey = keyof typeof MESSAGES;
