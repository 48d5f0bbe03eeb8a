import { parseCsv } from '../sources/csv.ts';
import type { LaoType } from '../parse/common/types.ts';
import type { RegistryRead, RegistryRecord } from './records.ts';

/**
 * Reads the DLA open-data CSV `re01_9112566tambon.csv` (dataset dlads_05_01): one row per
 * (province, district, tambon) an LAO covers, so one LAO spans several rows. Columns (reference
 * README): จังหวัด, อำเภอ, ตำบล, รหัส อปท., ประเภท อปท., อปท., ที่ตั้งสำนักงานเลขที่, หมู่ที่,
 * รหัสไปรษณีย์, ขนาดพื้นที่, LAT, LONG, เว็ปไซต์ของอปท. The office district is the first row's.
 */

const COLUMNS = {
	district: 'อำเภอ',
	code: 'รหัส อปท.',
	type: 'ประเภท อปท.',
	name: 'อปท.',
	area: 'ขนาดพื้นที่',
	lat: 'LAT',
	lon: 'LONG'
} as const;

/** The type column as DLA writes it, full or abbreviated. Longest first. */
const TYPE_WORDS: ReadonlyArray<readonly [RegExp, LaoType]> = [
	[/องค์การบริหารส่วนจังหวัด|^อบจ/, 'provincial_admin_org'],
	[/องค์การบริหารส่วนตำบล|^อบต/, 'subdistrict_admin_org'],
	[/เทศบาลนคร|^ทน/, 'city_municipality'],
	[/เทศบาลเมือง|^ทม/, 'town_municipality'],
	[/เทศบาลตำบล|^ทต/, 'subdistrict_municipality'],
	[/พัทยา|เขตปกครองพิเศษ/, 'special_admin_area']
];

const NAME_PREFIX =
	/^(?:องค์การบริหารส่วนจังหวัด|องค์การบริหารส่วนตำบล|เทศบาลนคร|เทศบาลเมือง|เทศบาลตำบล|อบจ\.|อบต\.|ทน\.|ทม\.|ทต\.)\s*/;

/** When the type column is empty: the code's first digit (2 อบจ., 3 นคร/พัทยา, 4 เมือง, 5 ตำบล, 6 อบต.). */
function typeFromCode(code: string, name: string): LaoType | null {
	switch (code[0]) {
		case '2':
			return 'provincial_admin_org';
		case '3':
			return name.includes('พัทยา') ? 'special_admin_area' : 'city_municipality';
		case '4':
			return 'town_municipality';
		case '5':
			return 'subdistrict_municipality';
		case '6':
			return 'subdistrict_admin_org';
		default:
			return null;
	}
}

function num(cell: string | undefined): number | null {
	const t = (cell ?? '').replace(/,/g, '').trim();
	if (t === '' || t === '-') return null;
	const n = Number(t);
	return Number.isFinite(n) ? n : null;
}

export function readDlaCsv(text: string): RegistryRead {
	const { rows, errors: csvErrors } = parseCsv(text);
	const errors: RegistryRead['errors'] = csvErrors.map((e) => ({
		line: e.line,
		message: e.message
	}));
	const header = (rows[0] ?? []).map((h) => h.replace(/^\ufeff/, '').trim());
	const col = (name: string) => header.indexOf(name);
	const idx = {
		district: col(COLUMNS.district),
		code: col(COLUMNS.code),
		type: col(COLUMNS.type),
		name: col(COLUMNS.name),
		area: col(COLUMNS.area),
		lat: col(COLUMNS.lat),
		lon: col(COLUMNS.lon)
	};
	const missing = (['code', 'name'] as const).filter((k) => idx[k] < 0);
	if (missing.length > 0) {
		errors.push({
			line: 1,
			message: `header lacks ${missing.map((k) => `"${COLUMNS[k]}"`).join(', ')} (found: ${header.join(', ')})`
		});
		return { records: [], errors, format: 'dla_csv' };
	}
	const byCode = new Map<string, RegistryRecord>();
	for (let r = 1; r < rows.length; r++) {
		const row = rows[r]!;
		if (row.every((c) => c.trim() === '')) continue;
		const line = r + 1;
		const code = (row[idx.code] ?? '').trim();
		const rawName = (row[idx.name] ?? '').trim();
		if (!/^\d{7}$/.test(code)) {
			errors.push({ line, message: `รหัส อปท. "${code}" is not 7 digits` });
			continue;
		}
		const existing = byCode.get(code);
		const lat = num(row[idx.lat]);
		const lon = num(row[idx.lon]);
		if (existing) {
			// Later rows are further tambons of the same LAO: fill gaps only.
			if (existing.lat === null && lat !== null && lon !== null) {
				existing.lat = lat;
				existing.lon = lon;
			}
			continue;
		}
		const typeCell = idx.type >= 0 ? (row[idx.type] ?? '').trim() : '';
		const type = TYPE_WORDS.find(([re]) => re.test(typeCell))?.[1] ?? typeFromCode(code, rawName);
		if (!type) {
			errors.push({ line, message: `${code}: cannot tell the LAO type from "${typeCell}"` });
			continue;
		}
		const nameTh =
			type === 'special_admin_area' ? rawName : rawName.replace(NAME_PREFIX, '').trim();
		if (!nameTh) {
			errors.push({ line, message: `${code}: the LAO name is empty` });
			continue;
		}
		byCode.set(code, {
			dlaCode: code,
			nameTh,
			type,
			provinceCode: code.slice(1, 3),
			districtTh:
				idx.district >= 0 ? (row[idx.district] ?? '').replace(/^อำเภอ/, '').trim() || null : null,
			lat: lat !== null && lon !== null ? lat : null,
			lon: lat !== null && lon !== null ? lon : null,
			areaKm2: idx.area >= 0 ? num(row[idx.area]) : null
		});
	}
	return { records: [...byCode.values()], errors, format: 'dla_csv' };
}
