import type { LaoType } from '../parse/common/types.ts';

/** One LAO of the national register (DLA open data), one record per LAO. */
export interface RegistryRecord {
	dlaCode: string;
	/** Without the type prefix: "พิชัย", not "เทศบาลเมืองพิชัย" (Pattaya keeps "เมืองพัทยา"). */
	nameTh: string;
	type: LaoType;
	provinceCode: string;
	districtTh: string | null;
	lat: number | null;
	lon: number | null;
	areaKm2: number | null;
}

export interface RegistryReadError {
	line: number | null;
	message: string;
}

export interface RegistryRead {
	records: RegistryRecord[];
	errors: RegistryReadError[];
	format: 'json' | 'dla_csv';
}

export const LAO_TYPES: readonly LaoType[] = [
	'provincial_admin_org',
	'city_municipality',
	'town_municipality',
	'subdistrict_municipality',
	'subdistrict_admin_org',
	'special_admin_area',
	'bangkok'
];

/**
 * Bangkok is an LAO but the DLA does not administer it, so its register has no record for it
 * (reference README). We add it under a code that cannot collide with a 7-digit DLA code.
 */
export const BANGKOK: RegistryRecord = {
	dlaCode: 'BMA',
	nameTh: 'กรุงเทพมหานคร',
	type: 'bangkok',
	provinceCode: '10',
	districtTh: null,
	lat: 13.7563,
	lon: 100.5018,
	areaKm2: 1568.7
};
