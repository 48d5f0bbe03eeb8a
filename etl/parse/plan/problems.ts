import type { Problem, Severity } from '../common/types.ts';

/**
 * The problems the plan parser reports, one constructor per code, each with its English and Thai
 * message and the line it is about.
 */

function problem(
	code: string,
	severity: Severity,
	line: number | null,
	message: string,
	messageTh: string,
	extra: Pick<Problem, 'expected' | 'found'> = {}
): Problem {
	return { line, severity, code, message, messageTh, ...extra };
}

const list = (ordinals: readonly number[]): string => ordinals.join(', ');

export function noTable(line: number | null): Problem {
	return problem(
		'no_table',
		'error',
		line,
		'No Part 2 table found: no header row with มิติ / ภารกิจตามมิติ / โครงการ and year columns.',
		'ไม่พบตารางส่วนที่ ๒ (หัวตาราง มิติ / ภารกิจตามมิติ / โครงการ และคอลัมน์ปี)',
		{ expected: 'มิติ\tภารกิจตามมิติ\tโครงการ/กิจกรรม/มาตรการ\tปี … งบประมาณ (บาท)' }
	);
}

export function badAmount(line: number, fiscalYear: number, found: string): Problem {
	return problem(
		'bad_amount',
		'error',
		line,
		`Line ${line}, ปี ${fiscalYear}: "${found}" is neither an amount nor a list of amounts.`,
		`บรรทัด ${line} ปี ${fiscalYear}: "${found}" ไม่ใช่จำนวนเงิน`,
		{ expected: 'an amount ("๕๐,๐๐๐", "-") or amounts separated by spaces', found }
	);
}

export function missingGrandTotal(line: number, excerpt: boolean): Problem {
	return problem(
		'missing_grand_total',
		excerpt ? 'warning' : 'error',
		line,
		`The Part 2 table ends at line ${line} without its grand total (รวมทั้งสิ้น)` +
			(excerpt ? '; it is an excerpt, so it may stop early.' : '.'),
		`ตารางส่วนที่ ๒ จบที่บรรทัด ${line} โดยไม่มีแถวรวมทั้งสิ้น`,
		{ expected: 'รวมทั้งสิ้น' }
	);
}

export function badDimension(line: number, found: string): Problem {
	return problem(
		'bad_dimension',
		'error',
		line,
		`Line ${line}: dimension "${found}" is not one of 1–4.`,
		`บรรทัด ${line}: มิติ "${found}" ไม่อยู่ในช่วง ๑–๔`,
		{ expected: '1–4', found }
	);
}

export function budgetSharedCell(
	line: number,
	ordinals: readonly number[],
	found: Record<string, string>
): Problem {
	return problem(
		'budget_shared_cell',
		'warning',
		line,
		`Line ${line}: the budget cells do not hold one amount per project (${list(ordinals)}); ` +
			'the amounts are recorded as unassigned, not split by guess.',
		`บรรทัด ${line}: จำนวนเงินในช่องงบประมาณไม่ตรงกับจำนวนโครงการ (${list(ordinals)}) ` +
			'จึงไม่แบ่งให้โครงการใด',
		{ expected: `${ordinals.length} amounts per year`, found }
	);
}

export function budgetRowWithoutItem(line: number, found: Record<string, string>): Problem {
	return problem(
		'budget_row_without_item',
		'warning',
		line,
		`Line ${line}: the row holds amounts but names no project; they are recorded as unassigned.`,
		`บรรทัด ${line}: มีจำนวนเงินแต่ไม่มีชื่อโครงการ`,
		{ expected: 'a project in the row', found }
	);
}

export function budgetCellEmpty(
	line: number,
	ordinals: readonly number[],
	years: number[]
): Problem {
	return problem(
		'budget_cell_empty',
		'warning',
		line,
		`Line ${line}: project(s) ${list(ordinals)} have an empty budget cell for ${years.join(', ')}.`,
		`บรรทัด ${line}: โครงการ ${list(ordinals)} ไม่มีจำนวนเงินในปี ${years.join(', ')}`,
		{ expected: 'an amount or "-"', found: '' }
	);
}

export function ordinalOutOfSequence(line: number, expected: number, found: number): Problem {
	return problem(
		'ordinal_out_of_sequence',
		'warning',
		line,
		`Line ${line}: project number ${found} where ${expected} was expected.`,
		`บรรทัด ${line}: ลำดับโครงการ ${found} แต่ควรเป็น ${expected}`,
		{ expected, found }
	);
}

export function unnumberedProjectText(line: number, text: string): Problem {
	return problem(
		'unnumbered_project_text',
		'warning',
		line,
		`Line ${line}: projects-cell text without a number and no project before it ` +
			`to continue: "${text}".`,
		`บรรทัด ${line}: ข้อความในช่องโครงการไม่มีลำดับ และไม่มีโครงการก่อนหน้าให้ต่อ`,
		{ expected: 'a numbered project', found: text }
	);
}

export function continuationLooksLikeProject(line: number, text: string): Problem {
	return problem(
		'unnumbered_project_text',
		'warning',
		line,
		`Line ${line}: "${text}" has no number and was read as the previous project's name ` +
			'continued; it begins like a project name, so it may be a project of its own.',
		`บรรทัด ${line}: "${text}" ไม่มีลำดับ จึงอ่านเป็นชื่อโครงการก่อนหน้าต่อ แต่อาจเป็นโครงการแยก`,
		{ expected: 'a numbered project', found: text }
	);
}

export function missingDimensionSubtotal(line: number, dimension: number | null): Problem {
	return problem(
		'missing_dimension_subtotal',
		'warning',
		line,
		`Dimension ${dimension ?? '?'} (from line ${line}) has no subtotal row (รวม).`,
		`มิติที่ ${dimension ?? '?'} (บรรทัด ${line}) ไม่มีแถวรวม`,
		{ expected: 'รวม' }
	);
}

export function duplicateSubtotal(line: number, dimension: number | null, first: number): Problem {
	return problem(
		'duplicate_subtotal',
		'warning',
		line,
		`Line ${line}: a second subtotal for dimension ${dimension ?? '?'} ` +
			`(first on line ${first}); ignored.`,
		`บรรทัด ${line}: แถวรวมซ้ำของมิติที่ ${dimension ?? '?'} (แถวแรกบรรทัด ${first})`
	);
}

export function headerYearsChanged(line: number, expected: number[], found: number[]): Problem {
	return problem(
		'header_years_changed',
		'warning',
		line,
		`Line ${line}: the repeated header has years ${found.join(', ')}, the first had ` +
			`${expected.join(', ')}; its columns are read as the first header's years, in order.`,
		`บรรทัด ${line}: หัวตารางซ้ำมีปี ${found.join(', ')} ต่างจากหัวตารางแรก`,
		{ expected, found }
	);
}

export function fiscalYearsMismatch(line: number, title: number[], header: number[]): Problem {
	return problem(
		'fiscal_years_mismatch',
		'warning',
		line,
		`Line ${line}: the title names ${title[0]}–${title[title.length - 1]}, ` +
			`the table's columns ${header.join(', ')}.`,
		`บรรทัด ${line}: ปีในชื่อเอกสารไม่ตรงกับคอลัมน์ปีของตาราง`,
		{ expected: title, found: header }
	);
}

export function part3NotFound(line: number): Problem {
	return problem(
		'part3_not_found',
		'warning',
		line,
		`No Part 3 project page (ลำดับที่ / ๑. ชื่อโครงการ) after line ${line}.`,
		`ไม่พบรายละเอียดโครงการ (ส่วนที่ ๓) หลังบรรทัด ${line}`
	);
}

export function part3PageMissing(
	line: number,
	dimension: number | null,
	ordinal: number,
	name: string,
	nearest: { nameLine: number | null; similarity: number } | null
): Problem {
	return problem(
		'part3_page_missing',
		'warning',
		line,
		`Item ${ordinal} of dimension ${dimension ?? '?'} (line ${line}) has no Part 3 page ` +
			`with a matching name: "${name}".`,
		`โครงการลำดับ ${ordinal} มิติที่ ${dimension ?? '?'} (บรรทัด ${line}) ไม่พบหน้ารายละเอียดในส่วนที่ ๓`,
		{
			expected: 'a Part 3 page whose name is the unique best match',
			found: { nearestPage: nearest }
		}
	);
}

export function part3BudgetMissing(line: number, name: string): Problem {
	return problem(
		'part3_budget_missing',
		'warning',
		line,
		`The Part 3 page at line ${line} ("${name}") has no budget section (งบประมาณ).`,
		`หน้ารายละเอียดโครงการบรรทัด ${line} ไม่มีหัวข้องบประมาณ`,
		{ expected: '๗. งบประมาณดำเนินการ', found: null }
	);
}
