import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type {
	DocumentKind,
	Item,
	ItemStatus,
	LaoType,
	Resolution,
	Severity,
	TableRole,
	UnassignedAmount,
	Verdict
} from '../../etl/parse/common/types.ts';
import { REGIONS, type Region } from '../seed/provinces.ts';

/**
 * Every value of a string union, checked at compile time: leaving one out is a type error naming
 * it, so a value added to etl/parse/common/types.ts cannot be silently rejected by a CHECK.
 */
const allOf =
	<T extends string>() =>
	<const A extends readonly T[]>(
		values: A & ([Exclude<T, A[number]>] extends [never] ? unknown : Exclude<T, A[number]>)
	): A =>
		values;

export const LAO_TYPES = allOf<LaoType>()([
	'provincial_admin_org',
	'city_municipality',
	'town_municipality',
	'subdistrict_municipality',
	'subdistrict_admin_org',
	'special_admin_area',
	'bangkok'
]);
export const DOCUMENT_KINDS = allOf<DocumentKind>()([
	'multi_year_plan',
	'annual_plan',
	'progress_report'
]);
export const VERDICTS = allOf<Verdict>()(['accepted', 'accepted_with_warnings', 'quarantined']);
export const RESOLUTIONS = allOf<Resolution>()(['resolved', 'ambiguous', 'unresolved']);
export const ITEM_STATUSES = allOf<ItemStatus>()(['pending', 'in_progress', 'done', 'not_done']);
export const SEVERITIES = allOf<Severity>()(['error', 'warning']);
export const TABLE_ROLES = allOf<TableRole>()([
	'multi_year',
	'multi_year_excerpt',
	'annual',
	'report'
]);
export type ItemKind = NonNullable<Item['itemKind']>;
export const ITEM_KINDS = allOf<ItemKind>()(['project', 'activity', 'measure']);
export type UnassignedReason = UnassignedAmount['reason'];
export const UNASSIGNED_REASONS = allOf<UnassignedReason>()(['shared_cell', 'row_without_item']);
export const PROVINCE_REGIONS = allOf<Region>()(REGIONS);

export type RunKind = 'ingest' | 'registry' | 'demo';
export const RUN_KINDS = allOf<RunKind>()(['ingest', 'registry', 'demo']);
/**
 * 'aborted': the process running it was gone (killed, crashed, lost its machine) before it could
 * say how it ended; the next ETL writer found it still 'running' and closed it
 * (etl/load/stale-runs.ts). What it committed stays: every document is all or nothing.
 */
export type RunStatus = 'running' | 'completed' | 'failed' | 'aborted';
export const RUN_STATUSES = allOf<RunStatus>()(['running', 'completed', 'failed', 'aborted']);
export type OriginKind = 'file' | 'url';
export const ORIGIN_KINDS = allOf<OriginKind>()(['file', 'url']);

/**
 * `column IN ('a', 'b')` for a CHECK constraint. Constraints cannot take parameters, so the values
 * are inlined as literals; they come from the constant lists above, never from input.
 */
export function isOneOf(column: AnyPgColumn, values: readonly string[]): SQL {
	const literals = values.map((v) => sql.raw(`'${v.replaceAll("'", "''")}'`));
	return sql`${column} in (${sql.join(literals, sql`, `)})`;
}

/** Who may sign in, and what each sees (src/lib/server/access/). The public has no account. */
export type Role = 'admin' | 'analyst' | 'province_officer';
export const ROLES = ['admin', 'analyst', 'province_officer'] as const satisfies readonly Role[];
