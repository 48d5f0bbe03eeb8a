import { describe, expect, it } from 'vitest';
import { PROVINCE_CENTROIDS } from './centroids.ts';
import { MAX_OFFSET, nearestProvince, projectPoint } from './project.ts';
import { PROVINCE_TILES, tileByCode } from './tiles.ts';

function inside(p: { x: number; y: number } | null, code: string): boolean {
	const t = tileByCode(code)!;
	return p !== null && Math.abs(p.x - t.col) < 0.5 && Math.abs(p.y - t.row) < 0.5;
}

describe('PROVINCE_CENTROIDS', () => {
	it('has one centre per tile, inside Thailand', () => {
		expect(Object.keys(PROVINCE_CENTROIDS).sort()).toEqual(
			PROVINCE_TILES.map((t) => t.code).sort()
		);
		const outside = Object.entries(PROVINCE_CENTROIDS).filter(
			([, [lat, lon]]) => lat < 5.6 || lat > 20.5 || lon < 97.3 || lon > 105.7
		);
		expect(outside).toEqual([]);
	});

	it('finds each centre nearest to itself', () => {
		const wrong = Object.entries(PROVINCE_CENTROIDS).filter(
			([code, [lat, lon]]) => nearestProvince(lat, lon) !== code
		);
		expect(wrong).toEqual([]);
	});
});

describe('projectPoint', () => {
	it('draws a province centre at its tile centre', () => {
		const [lat, lon] = PROVINCE_CENTROIDS['50']!;
		expect(projectPoint(lat, lon, '50')).toEqual({ x: 2, y: 1, code: '50' });
	});

	it('puts a point in Bangkok inside Bangkok', () => {
		// Sanam Luang, Phra Nakhon.
		const p = projectPoint(13.755, 100.493, '10');
		expect(inside(p, '10')).toBe(true);
		// West and a little south of the centre → left of and a little below the tile centre.
		expect([p!.x < 4, p!.y > 8]).toEqual([true, true]);
		// Without a code, the nearest centre decides: Din Daeng is nearest Bangkok's.
		expect(projectPoint(13.77, 100.56)?.code).toBe('10');
	});

	it('keeps far-off points inside their tile', () => {
		const p = projectPoint(20.4, 97.4, '10');
		expect(p).toEqual({ x: 4 - MAX_OFFSET, y: 8 - MAX_OFFSET, code: '10' });
	});

	it('places every province centre and sample offsets inside the right tile', () => {
		const misses: string[] = [];
		for (const [code, [lat, lon]] of Object.entries(PROVINCE_CENTROIDS)) {
			for (const [dLat, dLon] of [
				[0, 0],
				[0.3, 0.3],
				[-0.5, 0.2],
				[1, -1]
			] as const) {
				if (!inside(projectPoint(lat + dLat, lon + dLon, code), code)) misses.push(code);
			}
		}
		expect(misses).toEqual([]);
	});

	it('returns null for an unknown province', () => {
		expect(projectPoint(13.75, 100.5, '99')).toBeNull();
	});
});
