import { nameKey } from '../text/canonical.ts';
import type { LaoType, Resolution } from '../parse/common/types.ts';
import type { RegistryRecord } from './records.ts';

export interface ResolveQuery {
	type: LaoType | null;
	name: string | null;
	district?: string | null;
	/** Province as the document writes it (Thai name). */
	province?: string | null;
}

export interface ResolveResult {
	resolution: Resolution;
	dlaCode: string | null;
	provinceCode: string | null;
	candidates: string[];
}

const districtKey = (d: string) => nameKey(d.replace(/^(?:อำเภอ|อ\.)/, ''));

/**
 * The national register in memory, for resolving a document's LAO: type + name, then the
 * province and district the document mentions. Unique → the DLA code; several → ambiguous with
 * the candidates; none → unresolved. Never a guess.
 */
export class Registry {
	readonly size: number;
	private readonly byTypeName = new Map<string, RegistryRecord[]>();
	private readonly provinceByName: Map<string, string>;

	constructor(
		records: readonly RegistryRecord[],
		provinces: ReadonlyArray<{ code: string; nameTh: string }>
	) {
		this.size = records.length;
		for (const r of records) {
			const key = `${r.type}|${nameKey(r.nameTh)}`;
			const list = this.byTypeName.get(key);
			if (list) list.push(r);
			else this.byTypeName.set(key, [r]);
		}
		this.provinceByName = new Map(provinces.map((p) => [nameKey(p.nameTh), p.code]));
		// The documents write both "กรุงเทพมหานคร" and "กรุงเทพฯ".
		const bkk = provinces.find((p) => p.code === '10');
		if (bkk) this.provinceByName.set(nameKey('กรุงเทพฯ'), '10');
	}

	provinceCode(nameTh: string | null | undefined): string | null {
		if (!nameTh) return null;
		return this.provinceByName.get(nameKey(nameTh)) ?? null;
	}

	resolve(q: ResolveQuery): ResolveResult {
		const provinceCode = this.provinceCode(q.province);
		if (!q.type || !q.name) {
			return { resolution: 'unresolved', dlaCode: null, provinceCode, candidates: [] };
		}
		let candidates = this.byTypeName.get(`${q.type}|${nameKey(q.name)}`) ?? [];
		if (provinceCode && candidates.length > 1) {
			candidates = candidates.filter((c) => c.provinceCode === provinceCode);
		} else if (
			provinceCode &&
			candidates.length === 1 &&
			candidates[0]!.provinceCode !== provinceCode
		) {
			// The only LAO of that name is in another province than the document says: not a match.
			candidates = [];
		}
		if (q.district && candidates.length > 1) {
			const dk = districtKey(q.district);
			const inDistrict = candidates.filter((c) => c.districtTh && districtKey(c.districtTh) === dk);
			if (inDistrict.length > 0) candidates = inDistrict;
		}
		const only = candidates.length === 1 ? candidates[0]! : null;
		return {
			resolution: only ? 'resolved' : candidates.length > 1 ? 'ambiguous' : 'unresolved',
			dlaCode: only ? only.dlaCode : null,
			provinceCode: only ? only.provinceCode : provinceCode,
			candidates: candidates.map((c) => c.dlaCode).sort()
		};
	}
}
