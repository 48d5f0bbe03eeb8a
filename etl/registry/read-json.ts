import { LAO_TYPES, type RegistryRead, type RegistryRecord } from './records.ts';
import type { LaoType } from '../parse/common/types.ts';

function num(v: unknown): number | null {
	return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * Reads the one-record-per-LAO JSON digest of the DLA register: `{ localAuthorities: [...] }` or
 * a bare array, fields dlaCode, nameTh, type, provinceCode, districtNameTh, centerLat, centerLon,
 * areaKm2. Bad records are reported by index, never silently dropped.
 */
export function readRegistryJson(text: string): RegistryRead {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (e) {
		return {
			records: [],
			errors: [{ line: null, message: `not JSON: ${(e as Error).message}` }],
			format: 'json'
		};
	}
	const list = Array.isArray(data)
		? data
		: data &&
			  typeof data === 'object' &&
			  Array.isArray((data as { localAuthorities?: unknown }).localAuthorities)
			? (data as { localAuthorities: unknown[] }).localAuthorities
			: null;
	if (!list) {
		return {
			records: [],
			errors: [
				{ line: null, message: 'expected an array of LAOs or { "localAuthorities": [...] }' }
			],
			format: 'json'
		};
	}
	const records: RegistryRecord[] = [];
	const errors: RegistryRead['errors'] = [];
	list.forEach((raw, i) => {
		const r = (raw ?? {}) as Record<string, unknown>;
		const where = `record ${i + 1}`;
		const dlaCode = typeof r.dlaCode === 'string' ? r.dlaCode.trim() : '';
		const nameTh = typeof r.nameTh === 'string' ? r.nameTh.trim() : '';
		const type = r.type as LaoType;
		const provinceCode = typeof r.provinceCode === 'string' ? r.provinceCode.trim() : '';
		if (!/^\d{7}$/.test(dlaCode))
			return errors.push({
				line: null,
				message: `${where}: dlaCode "${String(r.dlaCode)}" is not 7 digits`
			});
		if (!nameTh)
			return errors.push({ line: null, message: `${where} (${dlaCode}): nameTh is empty` });
		if (!LAO_TYPES.includes(type))
			return errors.push({
				line: null,
				message: `${where} (${dlaCode}): unknown type "${String(r.type)}"`
			});
		if (!/^\d{2}$/.test(provinceCode))
			return errors.push({
				line: null,
				message: `${where} (${dlaCode}): provinceCode "${String(r.provinceCode)}" is not 2 digits`
			});
		records.push({
			dlaCode,
			nameTh,
			type,
			provinceCode,
			districtTh:
				typeof r.districtNameTh === 'string' && r.districtNameTh.trim()
					? r.districtNameTh.trim()
					: null,
			lat: num(r.centerLat),
			lon: num(r.centerLon),
			areaKm2: num(r.areaKm2)
		});
	});
	return { records, errors, format: 'json' };
}
