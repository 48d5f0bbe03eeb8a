import { sql } from 'drizzle-orm';
import type { Database } from '../../../../db/client.ts';
import { queryRows } from '../../../../db/rows.ts';
import type { ViewFilters } from '../../state/url-filters.ts';
import { toNumber } from '../extracts/keys.ts';
import type { Scope } from '../extracts/scope.ts';
import { buildRiskSql, buildYearsSql } from './build-risk-sql.ts';
import {
	COMPONENTS,
	rankByScore,
	scoreAll,
	type Component,
	type NotRankedReason,
	type ScoreOptions
} from './score.ts';

/** One component of one LAO: the share, what it was computed from, and where it stands. */
export interface ComponentValue {
	/** In [0, 1]; null when the denominator is 0 (missing, left out of the score). */
	value: number | null;
	numerator: number;
	denominator: number;
	/** Among the peers that have it, in [0, 1]. */
	percentile: number | null;
}

export interface RiskRow {
	dlaCode: string;
	nameTh: string;
	type: string;
	provinceCode: string;
	provinceTh: string;
	provinceEn: string;
	components: Record<Component, ComponentValue>;
	score: number | null;
	/** Competition rank by score over the ranked LAOs, highest first; null when not ranked. */
	rank: number | null;
	reason: NotRankedReason | null;
	peerSize: number;
	available: number;
	/** Fiscal years with an annual plan and no progress report. */
	missingYears: number[];
	/** Ids of the LAO's documents that failed their own totals (or were quarantined). */
	failingDocumentIds: number[];
	isSynthetic: boolean;
}

export interface Ranking {
	rows: RiskRow[];
	/** Fiscal years the documents in scope cover. */
	years: number[];
	includesSynthetic: boolean;
}

interface Raw extends Record<string, unknown> {
	dla_code: string;
	name_th: string;
	type: string;
	province_code: string;
	province_th: string;
	province_en: string;
	plan_items: number;
	zero_budget_items: number;
	report_items: number;
	not_done_items: number;
	budget: string;
	disbursed: string;
	documents: number;
	failing: number;
	failing_ids: number[];
	plan_years: number;
	missing_years: number;
	missing_list: number[];
	is_synthetic: boolean;
}

const share = (numerator: number, denominator: number) =>
	denominator > 0 ? numerator / denominator : null;

/** The raw counts of one LAO → its five components (before peers are compared). */
export function componentsOf(raw: Raw): Record<Component, Omit<ComponentValue, 'percentile'>> {
	const budget = toNumber(raw.budget) ?? 0;
	const disbursed = toNumber(raw.disbursed) ?? 0;
	const gap = budget > 0 ? Math.min(1, Math.max(0, 1 - disbursed / budget)) : null;
	return {
		not_done_share: {
			value: share(raw.not_done_items, raw.report_items),
			numerator: raw.not_done_items,
			denominator: raw.report_items
		},
		zero_budget_share: {
			value: share(raw.zero_budget_items, raw.plan_items),
			numerator: raw.zero_budget_items,
			denominator: raw.plan_items
		},
		// n/d in baht: disbursed / budget over the report items that have a budget.
		disbursement_gap: { value: gap, numerator: disbursed, denominator: budget },
		missing_reports: {
			value: share(raw.missing_years, raw.plan_years),
			numerator: raw.missing_years,
			denominator: raw.plan_years
		},
		failing_documents: {
			value: share(raw.failing, raw.documents),
			numerator: raw.failing,
			denominator: raw.documents
		}
	};
}

/**
 * Every LAO with data in scope and filters, scored against its peers (same LAO type among
 * them). One SQL statement for the counts (build-risk-sql.ts), the scoring in JS (score.ts).
 */
export async function buildRanking(
	db: Database,
	scope: Scope,
	filters: ViewFilters,
	options: ScoreOptions = {}
): Promise<Ranking> {
	// JIT off for this statement: the planner cannot estimate groups keyed on coalesce(item LAO,
	// document LAO), over-estimates the joins by orders of magnitude, and PostgreSQL then spent
	// 1.8 s of a 1.9 s query compiling it (400 demo LAOs × 5 years; the passes themselves take
	// ~150 ms). `set local` ends with the transaction; PGlite has the setting and no JIT.
	const raws = await db.transaction(async (tx) => {
		await tx.execute(sql`set local jit = off`);
		return queryRows<Raw>(tx as unknown as Database, buildRiskSql(scope, filters));
	});
	const years = await queryRows<{ fiscal_year: number }>(db, buildYearsSql(scope));
	const parts = raws.map(componentsOf);
	const scores = scoreAll(
		raws.map((raw, i) => ({
			key: raw.dla_code,
			peerGroup: raw.type,
			values: Object.fromEntries(COMPONENTS.map((c) => [c, parts[i]![c].value])) as Record<
				Component,
				number | null
			>
		})),
		options
	);
	const ranks = rankByScore(scores);
	const rows = raws.map((raw, i): RiskRow => {
		const s = scores[i]!;
		return {
			dlaCode: raw.dla_code,
			nameTh: raw.name_th,
			type: raw.type,
			provinceCode: raw.province_code,
			provinceTh: raw.province_th,
			provinceEn: raw.province_en,
			components: Object.fromEntries(
				COMPONENTS.map((c) => [c, { ...parts[i]![c], percentile: s.percentiles[c] }])
			) as Record<Component, ComponentValue>,
			score: s.score,
			rank: ranks[i] ?? null,
			reason: s.reason,
			peerSize: s.peerSize,
			available: s.available,
			missingYears: raw.missing_list.map(Number),
			failingDocumentIds: raw.failing_ids.map(Number),
			isSynthetic: raw.is_synthetic
		};
	});
	return {
		rows,
		years: years.map((y) => Number(y.fiscal_year)),
		includesSynthetic: rows.some((r) => r.isSynthetic)
	};
}
