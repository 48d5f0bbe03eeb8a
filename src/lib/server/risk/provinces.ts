import { PROVINCES } from '../../../../db/seed/provinces.ts';
import type { Scope } from '../extracts/scope.ts';

const KNOWN = new Set(PROVINCES.map((p) => p.code));

/** Whether a two-digit code names one of the 77 provinces ('99' does not). */
export const isKnownProvince = (code: string): boolean => KNOWN.has(code);

export interface ProvinceOption {
	code: string;
	nameTh: string;
	nameEn: string;
}

/** The provinces a scope may choose from, for the province select. */
export function provinceOptions(scope: Scope): ProvinceOption[] {
	return PROVINCES.filter((p) => scope.kind === 'national' || scope.codes.includes(p.code)).map(
		(p) => ({ code: p.code, nameTh: p.nameTh, nameEn: p.nameEn })
	);
}
