/**
 * The integer codes the extracts use for strings (their `sujarit.codes` field metadata), as the
 * SQL builders need them. A unit test holds these equal to db/schema/values.ts, which the browser
 * may not import.
 */
export const ITEM_STATUSES = ['pending', 'in_progress', 'done', 'not_done'] as const;
export const LAO_TYPES = [
	'provincial_admin_org',
	'city_municipality',
	'town_municipality',
	'subdistrict_municipality',
	'subdistrict_admin_org',
	'special_admin_area',
	'bangkok'
] as const;

/** dim_lao.type's code for an LAO type name: `laoTypeCode('town_municipality')` → 2. */
export const laoTypeCode = (type: (typeof LAO_TYPES)[number]): number => LAO_TYPES.indexOf(type);

/**
 * Verdicts as dim_document.verdict spells them (a dictionary string, not an integer code): only
 * the first two contribute facts.
 */
export const VERDICTS = ['accepted', 'accepted_with_warnings', 'quarantined'] as const;

export const statusCode = (status: (typeof ITEM_STATUSES)[number]): number =>
	ITEM_STATUSES.indexOf(status);

/** The tables /api/extracts serves, by the names they get in DuckDB. */
export const EXTRACT_NAMES = [
	'facts_plan',
	'facts_report',
	'dim_lao',
	'dim_document',
	'dim_province',
	'facts_cube'
] as const;
export type ExtractName = (typeof EXTRACT_NAMES)[number];
