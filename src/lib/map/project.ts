import { PROVINCE_CENTROIDS } from './centroids.ts';
import { tileByCode } from './tiles.ts';

/** A point on the tile grid: tile (col, row) spans col ± 0.5, row ± 0.5. */
export interface GridPoint {
	x: number;
	y: number;
	/** The province whose tile the point was drawn in. */
	code: string;
}

/** How far from its tile's centre a point may go: inside the tile, clear of its edge. */
export const MAX_OFFSET = 0.42;

/** Degrees of longitude shrink with latitude; Thailand spans 5.6–20.5°N. */
function kmLike(dLat: number, dLon: number, lat: number): [number, number] {
	return [dLat, dLon * Math.cos((lat * Math.PI) / 180)];
}

function distance(lat: number, lon: number, c: readonly [number, number]): number {
	const [a, b] = kmLike(lat - c[0], lon - c[1], lat);
	return Math.hypot(a, b);
}

const CODES = Object.keys(PROVINCE_CENTROIDS);

/**
 * A province's "radius" in degrees: half the distance from its centre to the nearest other
 * province centre. Computed once; it scales a point's offset from the centre so that small
 * provinces (Bangkok's vicinity) and large ones (Chiang Mai) both fill their tile.
 */
const RADIUS: ReadonlyMap<string, number> = new Map(
	CODES.map((code) => {
		const c = PROVINCE_CENTROIDS[code]!;
		let nearest = Infinity;
		for (const other of CODES) {
			if (other !== code)
				nearest = Math.min(nearest, distance(c[0], c[1], PROVINCE_CENTROIDS[other]!));
		}
		return [code, nearest / 2];
	})
);

/** The province whose centre is nearest to (lat, lon): a fallback when the register has none. */
export function nearestProvince(lat: number, lon: number): string {
	let best = CODES[0]!;
	let bestD = Infinity;
	for (const code of CODES) {
		const d = distance(lat, lon, PROVINCE_CENTROIDS[code]!);
		if (d < bestD) [best, bestD] = [code, d];
	}
	return best;
}

const clamp = (v: number) => Math.max(-MAX_OFFSET, Math.min(MAX_OFFSET, v));

/**
 * Projects an LAO centre onto the tile grid. A tile map has no continuous projection, so the
 * point is placed *inside its province's tile*, offset from the tile's centre in the direction
 * of its offset from the province centre (east → right, north → up), scaled by the province's
 * radius and clamped to ±MAX_OFFSET so it never leaves the tile. Pass the register's province
 * code when known (DLA codes carry it); otherwise the nearest province centre decides, which can
 * misplace points near a border between small provinces. Returns null for an unknown code.
 *
 * `projectPoint(13.75, 100.5, '10')` → a point inside Bangkok's tile (4 ± 0.5, 8 ± 0.5).
 */
export function projectPoint(lat: number, lon: number, provinceCode?: string): GridPoint | null {
	const code = provinceCode ?? nearestProvince(lat, lon);
	const tile = tileByCode(code);
	const centre = tile ? PROVINCE_CENTROIDS[tile.code] : undefined;
	const radius = tile ? RADIUS.get(tile.code) : undefined;
	if (!tile || !centre || !radius) return null;
	const [dLat, dLon] = kmLike(lat - centre[0], lon - centre[1], lat);
	const scale = MAX_OFFSET / radius;
	return { x: tile.col + clamp(dLon * scale), y: tile.row + clamp(-dLat * scale), code: tile.code };
}
