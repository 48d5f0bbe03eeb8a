import { thaiToArabicDigits } from '../../../../etl/text/thai-digits.ts';

/**
 * What a name is compared on when one project is followed from document to document, before
 * `nameSimilarity` (etl/text/similarity.ts) sees it. The plan, the annual plan and the report of
 * one LAO are typed, exported and OCR'd separately, so the same project comes back with:
 * - Thai or Arabic digits ("ปี ๒๕๖๘" / "ปี 2568"): digits are made Arabic;
 * - ๆ and ฯ dropped or added ("ต่างๆ" / "ต่าง", "สัมมนาฯ" / "สัมมนา"): both removed;
 * - a tone mark lost (่ ้ ๊ ๋): tone marks removed, which no two real project names differ by;
 * - the dimension word misread (มิตี, มติ, มิดิ, มีติ for มิติ; etl/text/ocr.ts): made มิติ.
 * Spaces, quotes and the leading โครงการ/กิจกรรม/มาตรการ are handled by `matchKey` itself.
 * Whatever is left (a wrong vowel, a letter misread, a word dropped) is for the similarity score.
 */
export function followKey(name: string): string {
	return thaiToArabicDigits(name)
		.replace(/[ๆฯ]/g, '')
		.replace(/[\u0e48-\u0e4b]/g, '')
		.replace(/มิตี|มิดิ|มีติ|มติ/g, 'มิติ');
}
