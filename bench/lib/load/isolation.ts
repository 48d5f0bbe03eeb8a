/**
 * What an officer was sent must stay inside the officer's provinces. HTML and JSON bodies: no
 * 7-digit number that is the DLA code of an LAO of another province (demo codes are
 * 9 + province + serial, etl/demo/allocate.ts; real ones start with 2–6). Arrow extracts,
 * decoded with apache-arrow: every province_code is the officer's, every dla_code one of the
 * officer's LAOs, every doc_key one of the officer's documents, every lao_key one that the
 * officer's own dim_lao lists.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { tableFromIPC, type Table } from 'apache-arrow';

/** Province code → every DLA code and every document id in the database (read before the run). */
export interface Register {
	laoCodes: Record<string, string[]>;
	documentIds: Record<string, number[]>;
}

export interface Violation {
	user: string;
	path: string;
	detail: string;
}

export function decode(body: Buffer, encoding: string | undefined): Buffer {
	if (encoding === 'br') return brotliDecompressSync(body);
	if (encoding === 'gzip') return gunzipSync(body);
	return body;
}

/** What one scope (a set of provinces) may see, and the codes it must not. */
class Allowed {
	readonly provinces: Set<string>;
	readonly codes = new Set<string>();
	readonly foreignCodes = new Set<string>();
	readonly documents = new Set<number>();
	laoKeys: Set<number> | null = null;

	constructor(provinces: string[], register: Register) {
		this.provinces = new Set(provinces);
		for (const [province, codes] of Object.entries(register.laoCodes)) {
			const into = this.provinces.has(province) ? this.codes : this.foreignCodes;
			for (const code of codes) into.add(code);
		}
		for (const p of provinces)
			for (const id of register.documentIds[p] ?? []) this.documents.add(id);
	}
}

const SEVEN_DIGITS = /(?<!\d)\d{7}(?!\d)/g;

export class IsolationCheck {
	readonly #register: Register;
	readonly #scopes = new Map<string, Allowed>();
	readonly violations: Violation[] = [];
	textBodies = 0;
	extractBodies = 0;
	/** Extract name → the columns that were checked in it. */
	readonly columnsChecked: Record<string, string[]> = {};

	constructor(register: Register) {
		this.#register = register;
	}

	#allowed(provinces: string[]): Allowed {
		const key = [...provinces].sort().join(',');
		let allowed = this.#scopes.get(key);
		if (!allowed) {
			allowed = new Allowed(provinces, this.#register);
			this.#scopes.set(key, allowed);
		}
		return allowed;
	}

	/**
	 * An HTML or JSON body: no foreign LAO code anywhere in it, but the one the request itself
	 * names (an officer asking for /lao/<another province's code> is told "not found (<code>)":
	 * the code echoed back reveals nothing).
	 */
	text(user: string, provinces: string[], path: string, text: string): void {
		const allowed = this.#allowed(provinces);
		const asked = new Set(path.match(SEVEN_DIGITS) ?? []);
		this.textBodies++;
		for (const match of text.matchAll(SEVEN_DIGITS)) {
			if (!allowed.foreignCodes.has(match[0]) || asked.has(match[0])) continue;
			const at = match.index ?? 0;
			const context = text.slice(Math.max(0, at - 60), at + 67).replace(/\s+/g, ' ');
			this.violations.push({ user, path, detail: `foreign LAO code ${match[0]}: …${context}…` });
		}
	}

	/**
	 * An extract's Arrow stream. Call with dim_lao first for a scope: the lao_key check needs the
	 * keys the officer's own dim_lao lists.
	 */
	extract(user: string, provinces: string[], path: string, name: string, ipc: Buffer): void {
		const allowed = this.#allowed(provinces);
		let table: Table;
		try {
			table = tableFromIPC(ipc);
		} catch (error) {
			this.violations.push({ user, path, detail: `not an Arrow stream: ${String(error)}` });
			return;
		}
		this.extractBodies++;
		const checks: [string, (v: unknown) => boolean][] = [
			['province_code', (v) => allowed.provinces.has(String(v))],
			['dla_code', (v) => allowed.codes.has(String(v))],
			['doc_key', (v) => allowed.documents.has(Number(v))]
		];
		if (allowed.laoKeys && name !== 'dim_lao') {
			const keys = allowed.laoKeys;
			checks.push(['lao_key', (v) => keys.has(Number(v))]);
		}
		const checked: string[] = [];
		for (const [column, ok] of checks) {
			const vector = table.getChild(column);
			if (!vector) continue;
			checked.push(column);
			let bad = 0;
			let example: unknown = null;
			for (const value of vector) {
				if (value === null || ok(value)) continue;
				if (bad++ === 0) example = value;
			}
			if (bad > 0) {
				this.violations.push({
					user,
					path,
					detail: `${name}.${column}: ${bad} of ${table.numRows} rows outside ${[...allowed.provinces]} (e.g. ${String(example)})`
				});
			}
		}
		if (name === 'dim_lao') {
			const keys = new Set<number>();
			for (const key of table.getChild('lao_key') ?? []) keys.add(Number(key));
			allowed.laoKeys = keys;
		}
		this.columnsChecked[name] = checked;
	}
}
