/**
 * The issue catalogue: every problem code and check name the ETL can record, with its severity
 * and what it means in Thai and English. The parsers build the messages of each occurrence (with
 * the line and values); this is the list a reader, the README and the dashboard look codes up in.
 * etl/errors.test.ts fails when a parser emits a code that is not listed here, and when the
 * README's table (between the `issue-catalogue` markers) is not the one `renderCatalogue()` makes.
 */
import type { Severity } from './parse/common/types.ts';

export type IssueArea = 'document' | 'check' | 'source' | 'load';

export interface IssueEntry {
	area: IssueArea;
	/** For checks: the severity when the check fails. 'varies' where the parser decides per case. */
	severity: Severity | 'varies';
	th: string;
	en: string;
}

export const ISSUES = {
	// Reading the bytes
	empty_document: { area: 'document', severity: 'error', th: 'ไฟล์ว่าง', en: 'the file is empty' },
	document_too_large: {
		area: 'document',
		severity: 'error',
		th: 'ไฟล์ใหญ่เกินขีดจำกัด',
		en: 'the file is over the size limit'
	},
	binary_document: {
		area: 'document',
		severity: 'error',
		th: 'เป็นไฟล์ไบนารี (พบไบต์ NUL)',
		en: 'binary, not text (a NUL byte)'
	},
	invalid_utf8: { area: 'document', severity: 'error', th: 'ไม่ใช่ UTF-8', en: 'not valid UTF-8' },
	too_many_lines: {
		area: 'document',
		severity: 'error',
		th: 'เอกสารมีจำนวนบรรทัดเกินขีดจำกัด',
		en: 'the document has more lines than the limit'
	},
	line_too_long: {
		area: 'document',
		severity: 'warning',
		th: 'บรรทัดยาวเกิน อ่านเพียงส่วนต้น',
		en: 'a line is too long; only its start is read'
	},
	unrecognised_document: {
		area: 'document',
		severity: 'error',
		th: 'ไม่พบตารางของเอกสารประเภทใดเลย',
		en: 'no table of any known document kind'
	},
	parser_failed: {
		area: 'document',
		severity: 'error',
		th: 'ตัวอ่านเอกสารขัดข้อง (บั๊ก)',
		en: 'the parser failed (a bug); the document is kept'
	},
	// Tables
	no_table: {
		area: 'document',
		severity: 'error',
		th: 'ไม่พบตารางหลักของเอกสาร',
		en: 'the document’s main table is missing'
	},
	bad_header: {
		area: 'document',
		severity: 'error',
		th: 'หัวตารางขาดคอลัมน์ที่จำเป็น',
		en: 'the table header lacks a needed column'
	},
	bad_quarter_header: {
		area: 'document',
		severity: 'error',
		th: 'หัวตารางไตรมาสไม่ใช่ 1 2 3 4',
		en: 'the quarter sub-header is not 1 2 3 4'
	},
	bad_status_header: {
		area: 'document',
		severity: 'error',
		th: 'หัวตารางสถานะไม่ใช่สี่สถานะ',
		en: 'the status sub-header is not the four statuses'
	},
	bad_amount: {
		area: 'document',
		severity: 'error',
		th: 'ช่องงบประมาณไม่ใช่จำนวนเงิน',
		en: 'an amount cell is not an amount'
	},
	bad_year: {
		area: 'document',
		severity: 'error',
		th: 'ปีในชื่อตารางไม่ใช่ปี พ.ศ. ที่เป็นไปได้',
		en: 'a table title names an impossible year'
	},
	bad_dimension: {
		area: 'document',
		severity: 'error',
		th: 'มิติไม่ใช่ 1–4',
		en: 'a dimension is not 1–4'
	},
	missing_grand_total: {
		area: 'document',
		severity: 'varies',
		th: 'ตารางจบโดยไม่มีแถวรวมทั้งสิ้น (ร้ายแรงสำหรับตารางหลัก ข้อสังเกตสำหรับตารางที่ยกมา)',
		en: 'a table ends without its รวมทั้งสิ้น row (error for a main table, warning for an excerpt)'
	},
	unreadable_row: {
		area: 'document',
		severity: 'warning',
		th: 'บรรทัดในตารางที่ไม่ใช่แถว',
		en: 'a line inside a table is not a row'
	},
	unknown_tick: {
		area: 'document',
		severity: 'warning',
		th: 'ช่องเครื่องหมายที่อ่านไม่ออก ถือว่าไม่ได้ทำเครื่องหมาย',
		en: 'a tick cell that is not a tick; read as not ticked'
	},
	status_ambiguous: {
		area: 'document',
		severity: 'warning',
		th: 'สถานะไม่มีหรือมีหลายช่อง จึงไม่ทราบสถานะ',
		en: 'no or several status ticks; the status is unknown'
	},
	ordinal_gap: {
		area: 'document',
		severity: 'warning',
		th: 'ลำดับรายการข้าม',
		en: 'item ordinals skip a number'
	},
	duplicate_ordinal: {
		area: 'document',
		severity: 'warning',
		th: 'ลำดับรายการซ้ำ',
		en: 'an item ordinal repeats'
	},
	ordinal_out_of_sequence: {
		area: 'document',
		severity: 'warning',
		th: 'เลขโครงการไม่ต่อเนื่อง',
		en: 'project numbers out of sequence'
	},
	duplicate_item: {
		area: 'document',
		severity: 'warning',
		th: 'รายการเดียวกันปรากฏสองครั้ง',
		en: 'the same item is listed twice'
	},
	unnumbered_project_text: {
		area: 'document',
		severity: 'warning',
		th: 'ข้อความในช่องโครงการที่ไม่มีเลขลำดับ',
		en: 'project-cell text without a number'
	},
	budget_shared_cell: {
		area: 'document',
		severity: 'warning',
		th: 'หลายโครงการในช่องเดียวกับงบประมาณที่แบ่งไม่ได้ (ไม่เดา)',
		en: 'one amount for several items: not assigned (no guessing)'
	},
	budget_row_without_item: {
		area: 'document',
		severity: 'warning',
		th: 'แถวมีงบประมาณแต่ไม่มีชื่อโครงการ',
		en: 'a row has amounts and no item'
	},
	budget_cell_empty: {
		area: 'document',
		severity: 'warning',
		th: 'ช่องงบประมาณว่างในแถวที่มีโครงการ',
		en: 'an empty amount cell on an item row'
	},
	missing_dimension_subtotal: {
		area: 'document',
		severity: 'warning',
		th: 'มิติไม่มีแถวรวม',
		en: 'a dimension has no subtotal row'
	},
	duplicate_subtotal: {
		area: 'document',
		severity: 'warning',
		th: 'แถวรวมของมิติซ้ำ',
		en: 'a dimension’s subtotal appears twice'
	},
	header_years_changed: {
		area: 'document',
		severity: 'warning',
		th: 'หัวตารางหน้าใหม่ระบุปีต่างจากเดิม',
		en: 'a repeated header names other years'
	},
	fiscal_years_mismatch: {
		area: 'document',
		severity: 'warning',
		th: 'ปีในชื่อแผนไม่ตรงกับปีในหัวตาราง',
		en: 'the title’s years differ from the header’s'
	},
	part3_not_found: {
		area: 'document',
		severity: 'warning',
		th: 'ไม่พบส่วนที่ ๓ (รายละเอียดโครงการ)',
		en: 'no Part 3 (project pages)'
	},
	part3_page_missing: {
		area: 'document',
		severity: 'warning',
		th: 'โครงการในส่วนที่ ๒ ไม่มีหน้ารายละเอียดในส่วนที่ ๓',
		en: 'a Part 2 item has no Part 3 page'
	},
	part3_budget_missing: {
		area: 'document',
		severity: 'warning',
		th: 'หน้ารายละเอียดโครงการไม่ระบุงบประมาณ',
		en: 'a Part 3 page states no budget'
	},
	missing_summary: {
		area: 'document',
		severity: 'warning',
		th: 'รายงานไม่มีส่วนสรุปผล',
		en: 'the report has no summary block'
	},
	// The LAO
	lao_not_found: {
		area: 'document',
		severity: 'warning',
		th: 'ไม่พบชื่อ อปท. ในเอกสาร',
		en: 'the document does not name its LAO'
	},
	lao_unresolved: {
		area: 'document',
		severity: 'warning',
		th: 'ไม่พบ อปท. ในทะเบียน',
		en: 'the LAO is not in the register'
	},
	lao_ambiguous: {
		area: 'document',
		severity: 'warning',
		th: 'ตรงกับ อปท. หลายแห่งในทะเบียน',
		en: 'several LAOs in the register match'
	},
	hint_kind_mismatch: {
		area: 'document',
		severity: 'warning',
		th: 'ประเภทเอกสารไม่ตรงกับรายการนำเข้า',
		en: 'the kind differs from the manifest’s'
	},
	hint_lao_mismatch: {
		area: 'document',
		severity: 'warning',
		th: 'อปท. ไม่ตรงกับรายการนำเข้า',
		en: 'the LAO differs from the manifest’s'
	},
	// Checks against what the document declares
	grand_total_budget: {
		area: 'check',
		severity: 'varies',
		th: 'ยอดรวมทั้งสิ้นต่อปี เทียบผลรวมรายการ (ร้ายแรงเว้นแต่พบจุดที่ตารางเสียหาย)',
		en: 'grand total per year vs the sum of items (error unless located layout damage explains it)'
	},
	dimension_subtotal_budget: {
		area: 'check',
		severity: 'warning',
		th: 'ยอดรวมของมิติต่อปี เทียบผลรวมในคอลัมน์',
		en: 'a dimension’s subtotal per year vs its column sum'
	},
	dimension_item_count: {
		area: 'check',
		severity: 'warning',
		th: 'จำนวนโครงการที่มิติประกาศ',
		en: 'a dimension’s declared item count'
	},
	grand_total_item_count: {
		area: 'check',
		severity: 'warning',
		th: 'จำนวนโครงการทั้งสิ้นที่ประกาศ',
		en: 'the declared total item count'
	},
	intro_item_count: {
		area: 'check',
		severity: 'warning',
		th: 'จำนวนโครงการในคำนำ เทียบตาราง',
		en: 'the foreword’s item counts vs the table'
	},
	part2_vs_part3_budget: {
		area: 'check',
		severity: 'warning',
		th: 'งบประมาณในส่วนที่ ๒ เทียบหน้ารายละเอียดส่วนที่ ๓',
		en: 'Part 2 budget vs the Part 3 page'
	},
	quarter_tick_count: {
		area: 'check',
		severity: 'warning',
		th: 'จำนวนเครื่องหมายต่อไตรมาส เทียบแถวรวม',
		en: 'ticks per quarter vs the total row'
	},
	item_ordinals_sequence: {
		area: 'check',
		severity: 'warning',
		th: 'ลำดับรายการ 1..n',
		en: 'item ordinals run 1..n'
	},
	summary_copies_agree: {
		area: 'check',
		severity: 'warning',
		th: 'สรุปผลสองชุด (เลขไทย/อารบิก) ตรงกัน',
		en: 'the two summary copies (Thai/Arabic digits) agree'
	},
	summary_item_count: {
		area: 'check',
		severity: 'warning',
		th: 'จำนวนโครงการในสรุป เทียบตาราง',
		en: 'the summary’s item count vs the table'
	},
	status_count: {
		area: 'check',
		severity: 'warning',
		th: 'จำนวนโครงการต่อสถานะ เทียบตาราง',
		en: 'items per status vs the table'
	},
	disbursed_total: {
		area: 'check',
		severity: 'error',
		th: 'ยอดเบิกจ่ายในสรุป เทียบผลรวมตาราง',
		en: 'the summary’s disbursed total vs the table'
	},
	disbursed_percent: {
		area: 'check',
		severity: 'warning',
		th: 'ร้อยละการเบิกจ่าย',
		en: 'disbursed as a percentage of budget'
	},
	implementation_percent: {
		area: 'check',
		severity: 'warning',
		th: 'ร้อยละการนำแผนไปปฏิบัติ',
		en: 'share of items done'
	},
	narrative_vs_table_status: {
		area: 'check',
		severity: 'warning',
		th: 'ผลการดำเนินงาน (บรรยาย) เทียบสถานะในตาราง',
		en: 'the narrative’s “not done” vs the table status'
	},
	// Sources (run_events rows: skipped files, failed fetches; or an error for the whole input)
	unsupported_type: {
		area: 'source',
		severity: 'warning',
		th: 'ไม่ใช่ไฟล์เอกสารที่รองรับ (ข้าม)',
		en: 'not a supported document file (skipped)'
	},
	name_not_utf8: {
		area: 'source',
		severity: 'warning',
		th: 'ชื่อไฟล์หรือโฟลเดอร์ไม่ใช่ UTF-8 (ข้าม)',
		en: 'a file or folder name that is not UTF-8 (skipped)'
	},
	hidden: {
		area: 'source',
		severity: 'warning',
		th: 'ไฟล์หรือโฟลเดอร์ซ่อน (ข้าม)',
		en: 'a hidden file or folder (skipped)'
	},
	outside_root: {
		area: 'source',
		severity: 'warning',
		th: 'ลิงก์ชี้ออกนอกโฟลเดอร์ที่นำเข้า (ข้าม)',
		en: 'a link pointing outside the ingest root (skipped)'
	},
	symlink_loop: {
		area: 'source',
		severity: 'warning',
		th: 'ลิงก์วนซ้ำ (ข้าม)',
		en: 'a symlink loop (skipped)'
	},
	broken_link: {
		area: 'source',
		severity: 'warning',
		th: 'ลิงก์เสีย (ข้าม)',
		en: 'a broken link (skipped)'
	},
	not_regular_file: {
		area: 'source',
		severity: 'warning',
		th: 'ไม่ใช่ไฟล์ปกติ (อุปกรณ์ FIFO ซ็อกเก็ต)',
		en: 'not a regular file (device, FIFO, socket)'
	},
	too_deep: {
		area: 'source',
		severity: 'warning',
		th: 'โฟลเดอร์ซ้อนลึกเกินไป (ข้าม)',
		en: 'nested too deep (skipped)'
	},
	too_large: {
		area: 'source',
		severity: 'warning',
		th: 'ใหญ่เกินกว่าจะอ่าน (ข้ามโดยไม่อ่าน)',
		en: 'too large to read (skipped unread)'
	},
	duplicate: {
		area: 'source',
		severity: 'warning',
		th: 'ไฟล์หรือ URL เดียวกันซ้ำ (ข้าม)',
		en: 'the same file or URL again (skipped)'
	},
	read_failed: {
		area: 'source',
		severity: 'warning',
		th: 'อ่านไฟล์ไม่ได้',
		en: 'the file could not be read'
	},
	invalid_url: { area: 'source', severity: 'warning', th: 'URL ไม่ถูกต้อง', en: 'not a valid URL' },
	manifest_row: {
		area: 'source',
		severity: 'warning',
		th: 'แถวในรายการนำเข้าผิดรูปแบบ',
		en: 'a malformed manifest row'
	},
	scheme_refused: {
		area: 'source',
		severity: 'warning',
		th: 'ไม่ใช่ http/https (ปฏิเสธ)',
		en: 'not http/https (refused)'
	},
	credentials_refused: {
		area: 'source',
		severity: 'warning',
		th: 'URL มีชื่อผู้ใช้/รหัสผ่าน (ปฏิเสธ ไม่บันทึกรหัสผ่าน)',
		en: 'a URL with user:password (refused; the password is not recorded)'
	},
	port_refused: {
		area: 'source',
		severity: 'warning',
		th: 'พอร์ตของโปรโตคอลอื่น ตามรายการ bad ports ของ Fetch (ปฏิเสธ)',
		en: 'a port of another protocol, the Fetch standard’s bad ports (refused)'
	},
	address_refused: {
		area: 'source',
		severity: 'warning',
		th: 'ที่อยู่ภายใน/ลูปแบ็ก (ปฏิเสธก่อนเชื่อมต่อ)',
		en: 'a private or loopback address (refused before connecting)'
	},
	timeout: {
		area: 'source',
		severity: 'warning',
		th: 'หมดเวลา (ลองใหม่ได้)',
		en: 'timed out (retryable)'
	},
	connection_failed: {
		area: 'source',
		severity: 'warning',
		th: 'เชื่อมต่อไม่ได้ (ลองใหม่ได้)',
		en: 'connection failed (retryable)'
	},
	http_status: {
		area: 'source',
		severity: 'warning',
		th: 'เซิร์ฟเวอร์ตอบรหัสผิดพลาด (5xx/408/429 ลองใหม่ได้)',
		en: 'an HTTP error status (5xx, 408, 429 retryable)'
	},
	too_many_redirects: {
		area: 'source',
		severity: 'warning',
		th: 'เปลี่ยนเส้นทางเกินกำหนด',
		en: 'too many redirects'
	},
	decode_failed: {
		area: 'source',
		severity: 'warning',
		th: 'ถอดการบีบอัดไม่ได้',
		en: 'the body could not be decompressed'
	},
	not_found: {
		area: 'source',
		severity: 'error',
		th: 'ไม่พบโฟลเดอร์หรือไฟล์ที่นำเข้า',
		en: 'the ingest path does not exist'
	},
	manifest_invalid: {
		area: 'source',
		severity: 'error',
		th: 'รายการนำเข้าไม่ใช่ CSV หรือ JSON ที่อ่านได้',
		en: 'the manifest is neither readable CSV nor JSON'
	},
	source_unsupported: {
		area: 'source',
		severity: 'error',
		th: 'ไม่ใช่โฟลเดอร์ รายการนำเข้า หรือเอกสาร',
		en: 'neither a folder, a manifest nor a document'
	},
	// Loading
	quarantined_without_error: {
		area: 'load',
		severity: 'error',
		th: 'ถูกกักกันโดยไม่มีข้อผิดพลาดระบุ',
		en: 'quarantined with no error listed'
	}
} as const satisfies Record<string, IssueEntry>;

export type IssueCode = keyof typeof ISSUES;

export function isKnownIssue(code: string): code is IssueCode {
	return Object.hasOwn(ISSUES, code);
}

/** The README table: one row per code. */
export function renderCatalogue(): string {
	const rows = Object.entries(ISSUES as Record<string, IssueEntry>).map(
		([code, e]) => `| \`${code}\` | ${e.area} | ${e.severity} | ${e.th} | ${e.en} |`
	);
	return [
		'| code | area | severity | ไทย | English |',
		'| --- | --- | --- | --- | --- |',
		...rows
	].join('\n');
}
