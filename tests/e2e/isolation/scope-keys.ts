/**
 * The row-key oracle: a scoped answer's rows name provinces, LAOs (a DLA code's digits 2–3 are
 * its province) and documents, and each must be one the scope may read. A document with no
 * province ('00') is for a national scope only.
 */
import { maySee, type Scope } from './canaries.ts';
import type { SeededDocument } from './seed.ts';

export interface RowKeys {
	provinces: string[];
	dlaCodes: string[];
	documentIds: number[];
}

const dlaProvince = (code: string) => code.slice(1, 3);

/** Row keys a scoped extract or list (or page data) may carry; [] when within scope. */
export function outOfScope(scope: Scope, keys: RowKeys, documents: SeededDocument[]): string[] {
	if (scope.kind === 'national') return [];
	const inScope = (province: string) => maySee(scope, province);
	const visibleDocs = new Set(documents.filter((d) => inScope(d.province)).map((d) => d.id));
	const out: string[] = [];
	const provinces = new Set(keys.provinces.filter((c) => !inScope(c)));
	const laos = new Set(keys.dlaCodes.filter((c) => !inScope(dlaProvince(c))));
	const docs = new Set(keys.documentIds.filter((id) => !visibleDocs.has(id)));
	if (provinces.size) out.push(`rows of provinces ${[...provinces].join(',')}`);
	if (laos.size) out.push(`rows of LAOs ${[...laos].join(',')}`);
	if (docs.size) out.push(`rows of documents ${[...docs].join(',')}`);
	return out;
}
