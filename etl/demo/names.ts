import type { LaoType } from '../parse/common/types.ts';

/**
 * Plainly synthetic LAO names: the Thai word สาธิต ("demo") glued to the LAO's serial spelled digit
 * by digit in Thai words, 12 → "สาธิตหนึ่งสอง", 7850 → "สาธิตเจ็ดแปดห้าศูนย์".
 *
 * Why words and not Thai digits ("สาธิต๐๐๑๒"): the parsers read an LAO name as Thai letters and
 * marks only (etl/parse/common/lao-mention.ts, NAME = [\u0e01-\u0e4e]+); Thai digits are
 * U+0E50–U+0E59, so "เทศบาลตำบลสาธิต๐๐๑๒" is not recognised as a name at all and every demo
 * document would come out `lao_not_found`. The ten digit words form a prefix code (no word starts
 * another), so the spelling is unambiguous and the names are unique. No real LAO name contains สาธิต.
 */
const DIGIT_WORDS = ['ศูนย์', 'หนึ่ง', 'สอง', 'สาม', 'สี่', 'ห้า', 'หก', 'เจ็ด', 'แปด', 'เก้า'];

export const DEMO_WORD = 'สาธิต';

export function spellDigits(n: number): string {
	return [...String(n)].map((d) => DIGIT_WORDS[Number(d)]!).join('');
}

/** The register name (without the type prefix): `demoName(12)` → "สาธิตหนึ่งสอง". */
export function demoName(serial: number): string {
	return `${DEMO_WORD}${spellDigits(serial)}`;
}

export const TYPE_PREFIX: Record<LaoType, string> = {
	provincial_admin_org: 'องค์การบริหารส่วนจังหวัด',
	city_municipality: 'เทศบาลนคร',
	town_municipality: 'เทศบาลเมือง',
	subdistrict_municipality: 'เทศบาลตำบล',
	subdistrict_admin_org: 'องค์การบริหารส่วนตำบล',
	special_admin_area: '',
	bangkok: ''
};

/** As the documents write it: "เทศบาลตำบลสาธิตหนึ่งสอง". */
export function fullName(type: LaoType, name: string): string {
	return `${TYPE_PREFIX[type]}${name}`;
}
