import { inArray } from 'drizzle-orm';
import type { Database } from '../../../../db/client.ts';
import { provinces } from '../../../../db/schema/provinces.ts';
import { refuse, type Refusal } from './errors.ts';

/**
 * The one rule for provinces on an account or a "view as": a province officer has one or more
 * provinces, every other role none, and each code is one of the 77 in `provinces` (readable in
 * every scope). Returns the codes trimmed, unique and sorted.
 */
export async function checkProvinces(
	db: Database,
	role: string,
	codes: readonly string[]
): Promise<
	| { ok: true; codes: string[] }
	| Refusal<'provinces_required' | 'provinces_not_allowed' | 'unknown_province'>
> {
	const wanted = [...new Set(codes.map((c) => c.trim()))].sort();
	if (role !== 'province_officer') {
		return wanted.length === 0
			? { ok: true, codes: [] }
			: refuse('provinces_not_allowed', `${role}: ${wanted.join(', ')}`);
	}
	if (wanted.length === 0) return refuse('provinces_required');
	// Only two-digit codes reach the query (a char(2) column would pad or refuse the rest).
	const plausible = wanted.filter((c) => /^\d{2}$/.test(c));
	const known = new Set(
		plausible.length === 0
			? []
			: (
					await db
						.select({ code: provinces.code })
						.from(provinces)
						.where(inArray(provinces.code, plausible))
				).map((p) => p.code)
	);
	const unknown = wanted.filter((c) => !known.has(c));
	if (unknown.length > 0) return refuse('unknown_province', unknown.join(', '));
	return { ok: true, codes: wanted };
}
