/**
 * What publishing now would change against the latest release: documents added (and any gone),
 * and the totals of each province that would move. Reads the live tables and the release
 * tables, so it runs in national scope, like publishing.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../../db/client.ts';
import { queryRows } from '../../../../db/rows.ts';
import type { ReleaseDocument } from '../../releases/types.ts';
import { toNumber } from '../extracts/keys.ts';
import { toReleaseDocument, type DocumentRow } from './lists.ts';
import { latestRelease, type Release } from './read.ts';
import { DOCUMENTS_SELECT, FIGURES_SELECT } from './snapshot.ts';

/** A province's (or the country's) totals in a release. */
export interface FigureTotals {
	planItems: number;
	plannedBaht: number;
	reportItems: number;
	done: number;
	notDone: number;
	disbursedBaht: number;
}

/** A province whose totals would change; null province: facts of LAOs outside the register. */
export interface ProvinceChange {
	provinceCode: string | null;
	before: FigureTotals | null;
	after: FigureTotals | null;
}

export type PreviewDocument = ReleaseDocument;

export interface ReleasePreview {
	latest: Release | null;
	nextVersion: number;
	documentCount: number;
	/** Accepted documents the latest release does not have (all of them when there is none). */
	documentsAdded: PreviewDocument[];
	documentsAddedCount: number;
	/** Documents of the latest release no longer accepted or present. */
	documentsRemovedCount: number;
	provinces: ProvinceChange[];
	totals: { before: FigureTotals | null; after: FigureTotals };
	/** Nothing would differ from the latest release but its number, date and note. */
	unchanged: boolean;
}

const PREVIEW_LIMIT = 200;

const SUMS = sql`sum(plan_items)::int as plan_items, coalesce(sum(planned_baht), 0)::text as planned,
	sum(report_items)::int as report_items, sum(done)::int as done, sum(not_done)::int as not_done,
	coalesce(sum(disbursed_baht), 0)::text as disbursed`;

interface SumRow extends Record<string, unknown> {
	plan_items: number | null;
	planned: string;
	report_items: number | null;
	done: number | null;
	not_done: number | null;
	disbursed: string;
}

const totalsOf = (r: SumRow): FigureTotals => ({
	planItems: r.plan_items ?? 0,
	plannedBaht: toNumber(r.planned) ?? 0,
	reportItems: r.report_items ?? 0,
	done: r.done ?? 0,
	notDone: r.not_done ?? 0,
	disbursedBaht: toNumber(r.disbursed) ?? 0
});

const same = (a: FigureTotals | null, b: FigureTotals | null) =>
	JSON.stringify(a) === JSON.stringify(b);

async function byProvince(db: Database, from: SQL): Promise<Map<string | null, FigureTotals>> {
	const rows = await queryRows<SumRow & { province_code: string | null }>(
		db,
		sql`select province_code, ${SUMS} from (${from}) f group by 1`
	);
	return new Map(rows.map((r) => [r.province_code, totalsOf(r)]));
}

function sumAll(totals: Iterable<FigureTotals>): FigureTotals {
	const out: FigureTotals = {
		planItems: 0,
		plannedBaht: 0,
		reportItems: 0,
		done: 0,
		notDone: 0,
		disbursedBaht: 0
	};
	for (const t of totals) {
		for (const k of Object.keys(out) as (keyof FigureTotals)[]) out[k] += t[k];
	}
	out.plannedBaht = Math.round(out.plannedBaht * 100) / 100;
	out.disbursedBaht = Math.round(out.disbursedBaht * 100) / 100;
	return out;
}

export async function previewRelease(db: Database): Promise<ReleasePreview> {
	const latest = await latestRelease(db);
	const latestId = latest?.id ?? 0;
	const after = await byProvince(db, FIGURES_SELECT);
	const before = latest
		? await byProvince(db, sql`select * from release_figures where release_id = ${latestId}`)
		: new Map<string | null, FigureTotals>();
	const codes = [...new Set([...after.keys(), ...before.keys()])].sort((a, b) =>
		a === null ? 1 : b === null ? -1 : a.localeCompare(b)
	);
	const provinces = codes
		.map((code) => ({
			provinceCode: code,
			before: before.get(code) ?? null,
			after: after.get(code) ?? null
		}))
		.filter((p) => !same(p.before, p.after));

	const published = sql`select sha256 from release_documents where release_id = ${latestId}`;
	const added = await queryRows<DocumentRow>(
		db,
		sql`select d.kind, d.verdict, d.lao_dla_code, d.lao_name_th, d.lao_type, d.province_code, d.fiscal_years,
				d.item_count, d.sha256, d.is_synthetic, (count(*) over ())::int as total
			from (${DOCUMENTS_SELECT}) d where d.sha256 not in (${published})
			order by d.province_code nulls last, d.lao_name_th, d.kind, d.sha256
			limit ${PREVIEW_LIMIT}`
	);
	const [counts] = await queryRows<{ documents: number; removed: number }>(
		db,
		sql`select (select count(*) from (${DOCUMENTS_SELECT}) d)::int as documents,
			(select count(*) from release_documents r where r.release_id = ${latestId}
				and r.sha256 not in (select d.sha256 from (${DOCUMENTS_SELECT}) d))::int as removed`
	);
	const addedCount = added[0]?.total ?? 0;
	const removed = counts?.removed ?? 0;
	return {
		latest,
		nextVersion: (latest?.version ?? 0) + 1,
		documentCount: counts?.documents ?? 0,
		documentsAdded: added.map(toReleaseDocument),

		documentsAddedCount: addedCount,
		documentsRemovedCount: removed,
		provinces,
		totals: { before: latest ? sumAll(before.values()) : null, after: sumAll(after.values()) },
		unchanged: latest !== null && addedCount === 0 && removed === 0 && provinces.length === 0
	};
}
