import { arabicToThaiDigits } from '../text/thai-digits.ts';

/** What every demo document says about its LAO, and that it is not real. */
export interface DocLao {
	/** As written: "เทศบาลตำบลสาธิตหนึ่งสอง". */
	fullName: string;
	provinceTh: string;
}

/**
 * The LAO and its location on consecutive lines, as the Phichai cover has them ("เทศบาลเมืองพิชัย"
 * / "อำเภอเมืองลำปาง จังหวัดลำปาง"), so that the parsers read the province from the document.
 */
export function coverLines(lao: DocLao): string[] {
	return [
		lao.fullName,
		`อำเภอสาธิต จังหวัด${lao.provinceTh}`,
		'',
		'เอกสารสาธิต สร้างโดยโปรแกรม ไม่ใช่ข้อมูลจริง (synthetic demo document, not real data)',
		''
	];
}

/**
 * `baht(185000)` → "185,000.00", what etl/text/baht.ts formatBaht writes, without
 * toLocaleString: that builds an Intl formatter per call and made generating 2,000 documents take
 * 10 s instead of under 1 s.
 */
export function baht(value: number): string {
	const [int, dec] = (Math.round(value * 100) / 100).toFixed(2).split('.');
	const sign = int!.startsWith('-') ? '-' : '';
	const digits = int!.slice(sign.length);
	// Groups of three from the right, by slicing: the usual /\B(?=(\d{3})+(?!\d))/g tries the
	// lookahead from every position, quadratic in the digits (tests/fuzz/regex.test.ts).
	const groups: string[] = [];
	for (let end = digits.length; end > 0; end -= 3)
		groups.unshift(digits.slice(Math.max(0, end - 3), end));
	return `${sign}${groups.join(',')}.${dec}`;
}

/** `thaiAmount(1200000)` → "๑,๒๐๐,๐๐๐"; 0 → "-" (Part 2 tables write a zero budget as a dash). */
export function thaiAmount(amount: number): string {
	return amount === 0 ? '-' : arabicToThaiDigits(baht(amount).slice(0, -3));
}

export const thai = (n: number | string) => arabicToThaiDigits(String(n));

const MONTHS = [
	'มกราคม',
	'กุมภาพันธ์',
	'มีนาคม',
	'เมษายน',
	'พฤษภาคม',
	'มิถุนายน',
	'กรกฎาคม',
	'สิงหาคม',
	'กันยายน',
	'ตุลาคม',
	'พฤศจิกายน',
	'ธันวาคม'
];

/** "** ข้อมูล ณ วันที่ 06 ตุลาคม 2567" as the E-PlanNACC exports end. */
export function asOfLine(day: number, month: number, yearBe: number): string {
	return `** ข้อมูล ณ วันที่ ${String(day).padStart(2, '0')} ${MONTHS[month - 1]} ${yearBe}`;
}
