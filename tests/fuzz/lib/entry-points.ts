/**
 * The parser entry points timed on adversarial lines: the three document kinds (each given the
 * line inside its own table, where row code runs) and kind detection, parseDocument from bytes,
 * the Thai text helpers, the manifest readers, the URL filter codec and the lists request parser.
 * Each takes one string; a thrown error is an answer too (refusing fast is fine).
 */
import { parseAnnualPlan } from '../../../etl/parse/annual/index.ts';
import type { SourceText } from '../../../etl/parse/common/source.ts';
import { detectKind } from '../../../etl/parse/detect.ts';
import { parseDocument } from '../../../etl/parse/index.ts';
import { parseMultiYearPlan } from '../../../etl/parse/plan/index.ts';
import { splitProjects } from '../../../etl/parse/plan/split-projects.ts';
import { mentionsInLine, locationInLine } from '../../../etl/parse/common/lao-mention.ts';
import { parseProgressReport } from '../../../etl/parse/report/index.ts';
import { parseCsv as parseManifestCsv } from '../../../etl/sources/csv.ts';
import { readManifest } from '../../../etl/sources/manifest.ts';
import { parseBaht, parseBahtList, parsePercent } from '../../../etl/text/baht.ts';
import { findBeYears } from '../../../etl/text/be-year.ts';
import { canonicalLine, nameKey, squash } from '../../../etl/text/canonical.ts';
import {
	canonicalDimensionWord,
	dimensionHeading,
	isDimensionHeaderCell,
	isMissionHeaderCell
} from '../../../etl/text/ocr.ts';
import { diceCoefficient, matchKey } from '../../../etl/text/similarity.ts';
import { parseThaiDate, thaiMonth } from '../../../etl/text/thai-date.ts';
import {
	arabicToThaiDigits,
	hasThaiDigits,
	parseThaiInt,
	thaiToArabicDigits
} from '../../../etl/text/thai-digits.ts';
import { readTick } from '../../../etl/text/ticks.ts';
import { csvField, parseCsv as parseListsCsv } from '../../../src/lib/lists/csv.ts';
import { parseListRequest } from '../../../src/lib/lists/request.ts';
import { parseFilters } from '../../../src/lib/state/url-filters.ts';

const source = (lines: string[]): SourceText => ({
	lines,
	byteLength: lines.reduce((n, l) => n + l.length + 1, 0)
});

// The table heads of the seeds (fixtures/seeds), so that the adversarial line is read as a row.
const ANNUAL_HEAD = [
	'แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2568 ของ เทศบาลเมืองพิชัย',
	'',
	'ลำดับ\tรายการโครงการ (ตั้งต้น)\tมิติ\tงบประมาณ (บาท)\tดำเนินการไตรมาส\t\t\t\tหมายเหตุ',
	'\t\t\t\t1\t2\t3\t4\t'
];
const REPORT_HEAD = [
	'รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ของ องค์การบริหารส่วนจังหวัดอ่างทอง พ.ศ. 2566 รอบ 12 เดือน',
	'ลำดับ\tรายการโครงการ (ตั้งต้น)\tมิติ\tงบประมาณ (บาท)\tเบิกจ่าย (บาท)\tสถานะ\t\t\t\t',
	'\t\t\t\t\tรอ รายงาน\tอยู่ ระหว่าง ดำเนิน การ\tดำเนิน การ แล้วเสร็จ\tไม่สามารถ ดำเนินการ ได้\t',
	'➤ สรุปผลการขับเคลื่อนแผนฯ'
];
const PLAN_HEAD = [
	'แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. ๒๕๖๖ - ๒๕๗๐)',
	'องค์การบริหารส่วนจังหวัดสมุทรสงคราม',
	'มิติ\tภารกิจตามมิติ\tโครงการ/กิจกรรม/มาตรการ\tปี ๒๕๖๖ งบประมาณ (บาท)\tปี ๒๕๖๗ งบประมาณ (บาท)\tหมายเหตุ',
	'๑. การสร้างสังคมที่ไม่ทนต่อการทุจริต\t๑.๑ การสร้างจิตสำนึก\t๑. โครงการ\t-\t-\t'
];

/** The line as a row of each kind's table, and alone. */
const asRow = (head: string[], text: string) =>
	source([...head, text, 'รวมทั้งสิ้น\t\t\t0\t0\t0\t0\t0']);

export const ENTRY_POINTS: Record<string, (text: string) => unknown> = {
	'parse annual plan': (t) => parseAnnualPlan(asRow(ANNUAL_HEAD, t)),
	'parse progress report': (t) => parseProgressReport(asRow(REPORT_HEAD, t)),
	'parse multi-year plan': (t) => parseMultiYearPlan(asRow(PLAN_HEAD, t)),
	'detect kind': (t) => detectKind(source([t, ...ANNUAL_HEAD])),
	'parseDocument (bytes)': (t) =>
		parseDocument(new TextEncoder().encode([...PLAN_HEAD, t].join('\n'))),
	splitProjects: (t) => splitProjects(t, 1),
	mentionsInLine: (t) => mentionsInLine(t, 1),
	locationInLine: (t) => locationInLine(t),
	parseBaht: (t) => parseBaht(t),
	parseBahtList: (t) => parseBahtList(t),
	parsePercent: (t) => parsePercent(t),
	findBeYears: (t) => findBeYears(t),
	parseThaiDate: (t) => parseThaiDate(t),
	thaiMonth: (t) => thaiMonth(t),
	thaiToArabicDigits: (t) => thaiToArabicDigits(t),
	arabicToThaiDigits: (t) => arabicToThaiDigits(t),
	hasThaiDigits: (t) => hasThaiDigits(t),
	parseThaiInt: (t) => parseThaiInt(t),
	canonicalLine: (t) => canonicalLine(t),
	squash: (t) => squash(t),
	nameKey: (t) => nameKey(t),
	matchKey: (t) => matchKey(t),
	diceCoefficient: (t) => diceCoefficient(t, `${t.slice(1)}x`),
	readTick: (t) => readTick(t),
	isDimensionHeaderCell: (t) => isDimensionHeaderCell(t),
	isMissionHeaderCell: (t) => isMissionHeaderCell(t),
	dimensionHeading: (t) => dimensionHeading(t),
	canonicalDimensionWord: (t) => canonicalDimensionWord(t),
	'manifest csv (etl/sources/csv.ts)': (t) => parseManifestCsv(t),
	'manifest reader csv': (t) => readManifest(`url,lao_code\n${t}`, 'csv', 'fuzz.csv'),
	'manifest reader json': (t) => readManifest(t, 'json', 'fuzz.json'),
	'url filters (parseFilters)': (t) => parseFilters(new URLSearchParams(t)),
	'lists request (parseListRequest)': (t) => parseListRequest(new URLSearchParams(t)),
	'lists csv reader': (t) => parseListsCsv(t),
	'lists csv field': (t) => csvField(t)
};

/**
 * Lines built to hurt: runs of one character or a short unit the parsers look for (digits of
 * both scripts, separators, tabs, quotes, HTML, Thai structure words, query syntax), ended by a
 * character that spoils a match.
 */
export const ADVERSARIAL_UNITS = [
	' ',
	'\t',
	'1',
	'๑',
	',',
	'.',
	'-',
	'ก',
	'a',
	'"',
	'(',
	'<',
	'%',
	'=',
	'&',
	'\u200b',
	'\u0e4d',
	'ำ',
	'1,',
	'1.',
	'๑.',
	'๑)',
	' \t',
	'\t ',
	'- ',
	'1 ',
	'12 ',
	', ',
	'"",',
	'","',
	'\r\n',
	'<input ',
	'มิติ',
	'มติ ',
	'ที่ ',
	'รวม',
	'โครงการ',
	'พ.ศ. ',
	'2568',
	'บาท ',
	'ร้อยละ ',
	'province=1,',
	'fy=2568&',
	'a=b&',
	'%2C',
	'ลำดับ\t',
	'อบต.',
	'จังหวัด',
	'{"url":'
];

export function adversarialLine(unit: string, length: number): string {
	return unit.repeat(Math.ceil(length / unit.length)).slice(0, length - 1) + '!';
}
