import { PROVINCES } from '../../db/seed/provinces.ts';
import type { LaoType } from '../parse/common/types.ts';
import type { RegistryRecord } from '../registry/records.ts';
import { demoName } from './names.ts';
import type { Rng } from './prng.ts';

/**
 * The national mix of LAO types (DLA register: 76 อบจ., 30 เทศบาลนคร, 195 เทศบาลเมือง,
 * 2,247 เทศบาลตำบล, 5,300 อบต.; Bangkok and Pattaya are not generated).
 */
export const NATIONAL_COUNTS: ReadonlyArray<readonly [LaoType, number]> = [
	['provincial_admin_org', 76],
	['city_municipality', 30],
	['town_municipality', 195],
	['subdistrict_municipality', 2247],
	['subdistrict_admin_org', 5300]
];

const BANGKOK_CODE = '10';

/**
 * How many LAOs of each type among n: the national proportions by largest remainder (ties to the
 * earlier type), with อบจ. capped at 76 (one per province, none in Bangkok). Sums to n exactly.
 * `typeCounts(7850)` → 76 / 30 / 195 / 2,248 / 5,301.
 */
export function typeCounts(n: number): Map<LaoType, number> {
	const total = NATIONAL_COUNTS.reduce((s, [, c]) => s + c, 0);
	const pao = Math.min(76, Math.round((n * 76) / total));
	const rest = NATIONAL_COUNTS.slice(1);
	const restTotal = rest.reduce((s, [, c]) => s + c, 0);
	const quotas = rest.map(([type, c]) => {
		const exact = ((n - pao) * c) / restTotal;
		return { type, count: Math.floor(exact), frac: exact - Math.floor(exact) };
	});
	let left = n - pao - quotas.reduce((s, q) => s + q.count, 0);
	for (const q of [...quotas].sort((a, b) => b.frac - a.frac)) {
		if (left-- <= 0) break;
		q.count++;
	}
	return new Map<LaoType, number>([
		['provincial_admin_org', pao],
		...quotas.map((q) => [q.type, q.count] as [LaoType, number])
	]);
}

/**
 * N synthetic register records. อบจ. take distinct provinces (never Bangkok); the other LAOs are
 * dealt round-robin over the provinces, those without an อบจ. first, so that with n ≥ 77 every
 * province has at least one LAO. Codes are '9' + province code + 4-digit serial within the
 * province: 7 digits like a DLA code, but real DLA codes start with 2–6, so they never collide.
 */
export function allocateLaos(n: number, rng: Rng): RegistryRecord[] {
	const counts = typeCounts(n);
	const types: LaoType[] = [];
	for (const [type] of NATIONAL_COUNTS) {
		for (let i = 0; i < (counts.get(type) ?? 0); i++) types.push(type);
	}
	const provinces = rng.shuffle(PROVINCES.map((p) => p.code));
	const paoCount = counts.get('provincial_admin_org') ?? 0;
	const paoProvinces = provinces.filter((c) => c !== BANGKOK_CODE).slice(0, paoCount);
	const taken = new Set(paoProvinces);
	const deal = [
		...provinces.filter((c) => !taken.has(c)),
		...provinces.filter((c) => taken.has(c))
	];
	const serialIn = new Map<string, number>();
	return types.map((type, i) => {
		const provinceCode =
			type === 'provincial_admin_org' ? paoProvinces[i]! : deal[(i - paoCount) % deal.length]!;
		const serial = (serialIn.get(provinceCode) ?? 0) + 1;
		serialIn.set(provinceCode, serial);
		return {
			dlaCode: `9${provinceCode}${String(serial).padStart(4, '0')}`,
			nameTh: demoName(i + 1),
			type,
			provinceCode,
			districtTh: 'สาธิต',
			lat: null,
			lon: null,
			areaKm2: null
		};
	});
}
