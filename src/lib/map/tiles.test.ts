import { describe, expect, it } from 'vitest';
import { PROVINCES } from '../../../db/seed/provinces.ts';
import { GRID_SIZE, PROVINCE_TILES, tileByCode, tileLabel } from './tiles.ts';

function tile(code: string) {
	const t = tileByCode(code);
	if (!t) throw new Error(`no tile ${code}`);
	return t;
}

/** Connected components of the tiles under 4-neighbourhood adjacency. */
function components(): string[][] {
	const at = new Map(PROVINCE_TILES.map((t) => [`${t.col},${t.row}`, t.code]));
	const seen = new Set<string>();
	const out: string[][] = [];
	for (const start of PROVINCE_TILES) {
		if (seen.has(start.code)) continue;
		const group: string[] = [];
		const queue = [start];
		seen.add(start.code);
		while (queue.length > 0) {
			const t = queue.pop()!;
			group.push(t.code);
			for (const [dc, dr] of [
				[1, 0],
				[-1, 0],
				[0, 1],
				[0, -1]
			] as const) {
				const n = at.get(`${t.col + dc},${t.row + dr}`);
				if (n !== undefined && !seen.has(n)) {
					seen.add(n);
					queue.push(tile(n));
				}
			}
		}
		out.push(group.sort());
	}
	return out;
}

describe('PROVINCE_TILES', () => {
	it('has one tile per province of the seed, with the same names', () => {
		expect(PROVINCE_TILES).toHaveLength(77);
		expect(PROVINCE_TILES.map((t) => t.code).sort()).toEqual(PROVINCES.map((p) => p.code).sort());
		expect(PROVINCES.map((p) => [p.code, tile(p.code).nameTh, tile(p.code).nameEn])).toEqual(
			PROVINCES.map((p) => [p.code, p.nameTh, p.nameEn])
		);
	});

	it('puts no two tiles on the same cell, and keeps labels unique', () => {
		expect(new Set(PROVINCE_TILES.map((t) => `${t.col},${t.row}`)).size).toBe(77);
		expect(new Set(PROVINCE_TILES.map((t) => t.short)).size).toBe(77);
		expect(new Set(PROVINCE_TILES.map((t) => t.shortEn)).size).toBe(77);
		expect(PROVINCE_TILES.every((t) => /^[ก-ฮ]{2,3}$/.test(t.short))).toBe(true);
		expect(PROVINCE_TILES.every((t) => /^[A-Z]{3}$/.test(t.shortEn))).toBe(true);
	});

	// No islands are needed: Phuket (an island) is drawn touching Phang Nga and Krabi, the
	// provinces it is bridged to, so the whole layout is one component.
	it('is one connected layout under 4-neighbourhood adjacency', () => {
		expect(components()).toHaveLength(1);
	});

	it('spans an 11 × 17 grid from (0, 0)', () => {
		expect(GRID_SIZE).toEqual({ cols: 11, rows: 17 });
		expect(Math.min(...PROVINCE_TILES.map((t) => t.col))).toBe(0);
		expect(Math.min(...PROVINCE_TILES.map((t) => t.row))).toBe(0);
	});

	it('follows geography', () => {
		const rows = PROVINCE_TILES.map((t) => t.row);
		const cols = PROVINCE_TILES.map((t) => t.col);
		// Chiang Rai alone on the top row; Narathiwat on the bottom one.
		expect(PROVINCE_TILES.filter((t) => t.row === Math.min(...rows)).map((t) => t.code)).toEqual([
			'57'
		]);
		expect(tile('96').row).toBe(Math.max(...rows));
		// Chiang Rai is north of Phayao, Nan is east of Phayao.
		expect([tile('57').col, tile('57').row + 1]).toEqual([tile('56').col, tile('56').row]);
		expect(tile('55').col).toBeGreaterThan(tile('57').col);
		// Bangkok between Kanchanaburi (west) and Chachoengsao (east); Kanchanaburi west of Suphan.
		expect(tile('71').col).toBeLessThan(tile('10').col);
		expect(tile('10').col).toBeLessThan(tile('24').col);
		expect(tile('71').col).toBeLessThan(tile('72').col);
		// Bueng Kan beside Nong Khai on the top of Isan; Ubon in the easternmost column.
		expect(tile('38').col).toBeGreaterThanOrEqual(tile('43').col);
		expect(
			Math.abs(tile('38').col - tile('43').col) + Math.abs(tile('38').row - tile('43').row)
		).toBe(1);
		expect(tile('34').col).toBe(Math.max(...cols));
		// The Andaman provinces are west of Surat Thani and Nakhon Si Thammarat.
		for (const west of ['81', '82', '83']) {
			expect(tile(west).col).toBeLessThan(tile('80').col);
		}
		// Every northeastern tile is east of every northern one.
		const north = ['50', '51', '52', '53', '54', '55', '56', '57', '58'];
		const northeast = PROVINCES.filter((p) => p.region === 'northeast').map((p) => p.code);
		expect(Math.min(...northeast.map((c) => tile(c).col))).toBeGreaterThan(
			Math.max(...north.map((c) => tile(c).col))
		);
		// The south is below everything else.
		const south = PROVINCES.filter((p) => p.region === 'south').map((p) => p.code);
		const others = PROVINCES.filter((p) => p.region !== 'south').map((p) => p.code);
		expect(Math.min(...south.map((c) => tile(c).row))).toBeGreaterThan(
			Math.max(...others.map((c) => tile(c).row))
		);
	});

	it('looks tiles up by code or ISO code and labels them per locale', () => {
		expect(tileByCode('TH-10')).toBe(tileByCode('10'));
		expect(tileByCode('99')).toBeUndefined();
		expect([tileLabel(tile('10'), 'th'), tileLabel(tile('10'), 'en')]).toEqual(['กทม', 'BKK']);
	});
});
