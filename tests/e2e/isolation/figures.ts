/**
 * The aggregate oracle. Item names are not the only thing a scope must keep: a sum taken over
 * another province's rows leaks too, and carries no name. Each province's amounts carry its own
 * offset (documents.ts OFFSETS), so the planned and disbursed totals per fiscal year of any
 * response say exactly which provinces went into them. Checked where the app serves totals as
 * data: /api/overview (JSON), the facts_cube extract, and a release's release_figures (which
 * must hold release 1's published documents and nothing ingested after it).
 */
import type { Table } from 'apache-arrow';
import { maySee, type Scope } from './canaries.ts';
import type { SeededDocument } from './seed.ts';

/** fiscal year → "planned/disbursed", years where both are 0 left out. */
export type YearTotals = Record<string, string>;

function totals(rows: { year: number; planned: number; disbursed: number }[]): YearTotals {
	const byYear = new Map<number, [number, number]>();
	for (const r of rows) {
		const t = byYear.get(r.year) ?? [0, 0];
		byYear.set(r.year, [t[0] + r.planned, t[1] + r.disbursed]);
	}
	return Object.fromEntries(
		[...byYear]
			.filter(([, [p, d]]) => Math.round(p * 100) !== 0 || Math.round(d * 100) !== 0)
			.sort(([a], [b]) => a - b)
			.map(([y, [p, d]]) => [String(y), `${p.toFixed(2)}/${d.toFixed(2)}`])
	);
}

/** The totals of an overview's `years` (OverviewYear: fiscalYear, plannedBaht, disbursedBaht). */
export function totalsOfYears(years: Record<string, unknown>[]): YearTotals {
	return totals(
		years.map((y) => ({
			year: Number(y.fiscalYear),
			planned: Number(y.plannedBaht ?? 0),
			disbursed: Number(y.disbursedBaht ?? 0)
		}))
	);
}

/** What the documents a scope may read add up to (`published`: release 1's only). */
export function expectedTotals(
	documents: SeededDocument[],
	scope: Scope,
	published = false
): YearTotals {
	return totals(
		documents
			.filter((d) => d.figures && maySee(scope, d.province))
			.filter((d) => !published || d.phase === 'published')
			.map((d) => ({ year: d.figures!.fiscalYear, ...d.figures! }))
	);
}

const NATIONAL: Scope = { kind: 'national' };

/** The totals a response shows, or null when it is not one the oracle reads. */
function shownTotals(
	route: string,
	path: string,
	json: unknown,
	table: Table | undefined
): { totals: YearTotals; published: boolean } | null {
	if (route === '/api/overview' && json && typeof json === 'object' && 'years' in json) {
		const years = (json as { years: Record<string, unknown>[] }).years;
		return { published: false, totals: totalsOfYears(years) };
	}
	const cube = route === '/api/extracts/[name]' && path.endsWith('/facts_cube');
	const release =
		route === '/api/public/releases/[version]/[name]' && /\/1\/release_figures$/.test(path);
	if ((cube || release) && table) {
		const rows = table.toArray().map((r: Record<string, unknown>) => ({
			year: Number(r.fiscal_year),
			planned: Number(r.planned_baht ?? 0),
			disbursed: Number(r.disbursed_baht ?? 0)
		}));
		return { published: release, totals: totals(rows) };
	}
	return null;
}

/** [] when the totals shown are exactly those of the scope's documents. */
export function figureFailures(
	route: string,
	path: string,
	decoded: { json?: unknown; table?: Table },
	scope: Scope,
	documents: SeededDocument[]
): string[] {
	const shown = shownTotals(route, path, decoded.json, decoded.table);
	if (!shown) return [];
	// A release is the public's: its sums are national, whoever reads them.
	const expected = expectedTotals(documents, shown.published ? NATIONAL : scope, shown.published);
	const a = JSON.stringify(shown.totals);
	const e = JSON.stringify(expected);
	return a === e ? [] : [`totals by year ${a}, expected ${e} for this scope`];
}
