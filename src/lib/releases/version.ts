/**
 * A release version as the public URLs write it (/releases/3): a whole number from 1, in plain
 * ASCII digits without a leading zero, at most nine digits. Anything else is malformed (a 400),
 * which is not the same as a well-formed version that was never published (a 404).
 * `parseVersion('3')` → 3; `parseVersion('03')`, `parseVersion('๓')`, `parseVersion('1e3')` → null.
 */
export function parseVersion(param: string): number | null {
	return /^[1-9][0-9]{0,8}$/.test(param) ? Number(param) : null;
}
