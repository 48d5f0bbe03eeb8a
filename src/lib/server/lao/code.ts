/**
 * A DLA code as the register writes it: seven digits (4520106), or BMA for Bangkok
 * (etl/registry/records.ts). Anything else in /lao/[code] is a malformed request (400), checked
 * before any query so that no hostile text reaches the database.
 */
export function isDlaCode(code: string): boolean {
	return /^\d{7}$/.test(code) || code === 'BMA';
}
