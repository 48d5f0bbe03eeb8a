import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROVINCES, REGIONS } from './provinces.ts';

// The register lives beside the project (../shared/reference), never inside it (reference README).
const REGISTER = fileURLToPath(
	new URL('../../../shared/reference/dla-local-authorities.json', import.meta.url)
);

interface RegisterRecord {
	dlaCode: string;
	nameTh: string;
	type: string;
	provinceCode: string;
}

describe('PROVINCES', () => {
	it('has 77 unique two-digit codes with matching ISO codes', () => {
		const codes = PROVINCES.map((p) => p.code);
		expect(codes.length).toBe(77);
		expect(new Set(codes).size).toBe(77);
		expect(PROVINCES.filter((p) => !/^\d{2}$/.test(p.code) || p.iso !== `TH-${p.code}`)).toEqual(
			[]
		);
		expect(new Set(PROVINCES.map((p) => p.nameTh)).size).toBe(77);
	});

	it('puts Bangkok, Bueng Kan and Narathiwat where ISO 3166-2:TH does', () => {
		const pick = (code: string) => PROVINCES.find((p) => p.code === code);
		expect([pick('10'), pick('38'), pick('96')].map((p) => p && [p.nameTh, p.nameEn])).toEqual([
			['กรุงเทพมหานคร', 'Bangkok'],
			['บึงกาฬ', 'Bueng Kan'],
			['นราธิวาส', 'Narathiwat']
		]);
	});

	it('splits into the six regions: 9 north, 20 northeast, 22 central, 7 east, 5 west, 14 south', () => {
		const counts = Object.fromEntries(
			REGIONS.map((r) => [r, PROVINCES.filter((p) => p.region === r).length])
		);
		expect(counts).toEqual({ north: 9, northeast: 20, central: 22, east: 7, west: 5, south: 14 });
	});

	it.skipIf(!existsSync(REGISTER))('agrees with the DLA register', () => {
		const register = JSON.parse(readFileSync(REGISTER, 'utf8')) as {
			localAuthorities: RegisterRecord[];
		};
		const byCode = new Map(PROVINCES.map((p) => [p.code, p.nameTh]));
		const paos = register.localAuthorities.filter((r) => r.type === 'provincial_admin_org');
		expect(paos.length).toBe(76);
		// [code, register's name, our name] for every disagreement.
		expect(
			paos
				.filter((r) => byCode.get(r.provinceCode) !== r.nameTh)
				.map((r) => [r.provinceCode, r.nameTh, byCode.get(r.provinceCode)])
		).toEqual([]);
		const unknown = new Set(
			register.localAuthorities.map((r) => r.provinceCode).filter((c) => !byCode.has(c))
		);
		expect([...unknown]).toEqual([]);
		// Every province but Bangkok has its อบจ.
		expect(
			PROVINCES.filter((p) => !paos.some((r) => r.provinceCode === p.code)).map((p) => p.code)
		).toEqual(['10']);
	});
});
