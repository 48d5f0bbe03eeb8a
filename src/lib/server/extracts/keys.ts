import { sql } from 'drizzle-orm';

/**
 * Integer keys shared by facts and dimensions. A document's key is its id; an LAO's is its rank
 * by DLA code over the whole register (never over the scope), so that keys agree between
 * extracts fetched separately and between scopes, for one data version.
 */
export const laoKeysCte = sql`lao_keys as (
	select dla_code, (row_number() over (order by dla_code))::int as lao_key from laos
)`;

/** Only accepted documents contribute facts (quarantined ones load none anyway). */
export const acceptedVerdict = sql`d.verdict in ('accepted', 'accepted_with_warnings')`;

/** numeric (text from both drivers) → number; null stays null. */
export const toNumber = (value: unknown): number | null =>
	value === null || value === undefined ? null : Number(value);
