/**
 * The page data of the scoped pages, read by its structure (a __data.json, unflattened): the
 * rows of /documents and /lists carry their province, LAO and document, the overview's figures
 * their province breakdown and their totals by year. Each must stay within the scope, whatever
 * the URL asks (a ?province= of another province narrows the view; it never widens the scope).
 */
import type { Scope } from './canaries.ts';
import { emptyKeys, jsonKeys } from './decode.ts';
import { UNPLACED } from './documents.ts';
import { expectedTotals, totalsOfYears } from './figures.ts';
import type { ProbeRequest } from './probe.ts';
import { outOfScope } from './scope-keys.ts';
import type { SeededDocument } from './seed.ts';

type Node = Record<string, unknown>;

const isNode = (v: unknown): v is Node => !!v && typeof v === 'object' && !Array.isArray(v);

/** The view filters of url-filters.ts: with none, the figures are the whole scope's. */
const VIEW_PARAMS = ['province', 'type', 'dim', 'fy', 'verdict'];

export function pageDataFailures(
	request: ProbeRequest,
	pageData: unknown[] | undefined,
	scope: Scope,
	documents: SeededDocument[]
): string[] {
	if (!pageData) return [];
	const nodes = pageData.filter(isNode);
	const keys = emptyKeys();
	const out: string[] = [];
	if (request.route === '/(app)/documents') {
		for (const node of nodes) {
			for (const row of Array.isArray(node.documents) ? node.documents.filter(isNode) : []) {
				keys.documentIds.push(Number(row.id));
				keys.provinces.push(String(row.provinceCode ?? UNPLACED));
				if (row.laoDlaCode) keys.dlaCodes.push(String(row.laoDlaCode));
			}
		}
	}
	if (request.route === '/(app)/lists') {
		for (const node of nodes) {
			const page = node.page;
			if (isNode(page) && Array.isArray(page.rows)) jsonKeys(page.rows, keys);
		}
	}
	if (request.route === '/(app)/overview') {
		for (const node of nodes) {
			const figures = node.figures;
			if (!isNode(figures)) continue;
			const byProvince = Array.isArray(figures.byProvince) ? figures.byProvince.filter(isNode) : [];
			keys.provinces.push(...byProvince.map((b) => String(b.key || UNPLACED)));
			const query = new URLSearchParams(request.url.split('?')[1] ?? '');
			if (!VIEW_PARAMS.some((p) => query.has(p)) && Array.isArray(figures.years)) {
				const shown = JSON.stringify(totalsOfYears(figures.years.filter(isNode)));
				const expected = JSON.stringify(expectedTotals(documents, scope));
				if (shown !== expected) {
					out.push(`overview totals by year ${shown}, expected ${expected} for this scope`);
				}
			}
		}
	}
	out.push(...outOfScope(scope, keys, documents).map((f) => `page data: ${f}`));
	return out;
}
