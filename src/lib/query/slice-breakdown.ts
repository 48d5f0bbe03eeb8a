import type { Breakdown } from '../overview.ts';
import type { SliceKey, SliceRow } from './build-slice-sql.ts';
import { LAO_TYPES } from './codes.ts';

/** A slice row in the server's shape (BreakdownRow); LAO type codes back to their names. */
export function toBreakdown(row: SliceRow, key: SliceKey): Breakdown {
	const k = key === 'lao_type' ? (LAO_TYPES[Number(row.key)] ?? String(row.key)) : String(row.key);
	return {
		key: k,
		laosCovered: row.laos_covered,
		laosReporting: row.laos_reporting,
		itemsPlanned: row.items_planned,
		zeroBudgetItems: row.zero_budget_items,
		plannedBaht: row.planned_baht,
		reportedItems: row.reported_items,
		done: row.done,
		notDone: row.not_done,
		disbursedBaht: row.disbursed_baht,
		includesSynthetic: row.includes_synthetic
	};
}
