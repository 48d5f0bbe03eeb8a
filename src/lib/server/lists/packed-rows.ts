/**
 * Rows kept by column, in typed arrays, and read back a few at a time as objects.
 *
 * A list snapshot (snapshot.ts) is kept for minutes, and a national one holds up to ~240k rows.
 * Kept as objects, those rows were most of the server's heap (a heap snapshot mid load run:
 * 579k of its 1.4M objects, 69 MB, in the list snapshots' promises): every one of them was copied
 * by two scavenges on its way to the old generation, and marked by every major collection, whose
 * marking shares the server's one core with the requests. By column, a number is 8 bytes in a
 * Float64Array, a string a 4-byte index into the column's distinct values, a boolean one byte:
 * typed arrays live outside V8's heap and cost a collection nothing; the distinct strings are
 * leaves. A page of 50 rows is rebuilt in well under a millisecond.
 *
 * Any JSON value is kept as it came: a column whose values are not all numbers, all strings or
 * all booleans (nulls allowed) keeps them as they are, and a key missing from a row is missing
 * from it when read back.
 */

/** A column's values while rows are added; fixed into a `Column` by `done()`. */
type Building =
	| { kind: 'unknown'; nulls: number }
	| { kind: 'number'; values: number[] }
	| { kind: 'string'; ids: number[]; ofString: Map<string, number>; strings: string[] }
	| { kind: 'boolean'; values: number[] }
	| { kind: 'any'; values: unknown[] };

type Column =
	| { kind: 'unknown' }
	| { kind: 'number'; values: Float64Array; nulls: Uint8Array | null }
	| { kind: 'string'; ids: Int32Array; strings: readonly string[] }
	| { kind: 'boolean'; values: Int8Array }
	| { kind: 'any'; values: readonly unknown[] };

/** Absent (the row has no such key): kept apart from null in `any` columns. */
const ABSENT = Symbol('absent');

const NULL_ID = -1;
const NULL_BOOLEAN = -1;

export class PackedRows {
	readonly #keys: readonly string[];
	readonly #columns: readonly Column[];
	readonly #length: number;

	private constructor(keys: string[], columns: Column[], length: number) {
		this.#keys = keys;
		this.#columns = columns;
		this.#length = length;
	}

	/** Rows in order: `add` each, then `done()` (the packer is spent). */
	static packer(): RowPacker {
		return new RowPacker((keys, columns, length) => new PackedRows(keys, columns, length));
	}

	get length(): number {
		return this.#length;
	}

	/** Bytes in typed arrays (outside V8's heap); the distinct strings are not counted. */
	get byteLength(): number {
		let bytes = 0;
		for (const c of this.#columns) {
			if (c.kind === 'number') bytes += c.values.byteLength + (c.nulls?.byteLength ?? 0);
			else if (c.kind === 'string') bytes += c.ids.byteLength;
			else if (c.kind === 'boolean') bytes += c.values.byteLength;
		}
		return bytes;
	}

	/** Row `i`, a new object (the caller may keep or change it). */
	at(i: number): Record<string, unknown> {
		if (!Number.isInteger(i) || i < 0 || i >= this.#length) {
			throw new RangeError(`row ${i} of ${this.#length}`);
		}
		const row: Record<string, unknown> = {};
		this.#columns.forEach((c, k) => {
			let value: unknown;
			switch (c.kind) {
				case 'unknown':
					value = null;
					break;
				case 'number':
					value = c.nulls && c.nulls[i] ? null : c.values[i];
					break;
				case 'string': {
					const id = c.ids[i]!;
					value = id === NULL_ID ? null : c.strings[id];
					break;
				}
				case 'boolean': {
					const b = c.values[i]!;
					value = b === NULL_BOOLEAN ? null : b === 1;
					break;
				}
				case 'any':
					value = c.values[i];
					if (value === ABSENT) return;
					break;
			}
			const key = this.#keys[k]!;
			// JSON.parse makes "__proto__" an own key; an assignment would set the prototype.
			if (key === '__proto__') {
				Object.defineProperty(row, key, {
					value,
					enumerable: true,
					writable: true,
					configurable: true
				});
			} else row[key] = value;
		});
		return row;
	}
}

/** Adds rows to columns; see PackedRows.packer. */
export class RowPacker {
	readonly #keys: string[] = [];
	readonly #index = new Map<string, number>();
	readonly #columns: Building[] = [];
	#length = 0;
	#spent = false;
	readonly #make: (keys: string[], columns: Column[], length: number) => PackedRows;

	constructor(make: (keys: string[], columns: Column[], length: number) => PackedRows) {
		this.#make = make;
	}

	get length(): number {
		return this.#length;
	}

	add(row: Record<string, unknown>): void {
		if (this.#spent) throw new Error('rows added after done()');
		const i = this.#length;
		let seen = 0;
		for (const key of Object.keys(row)) {
			let k = this.#index.get(key);
			if (k === undefined) {
				// A key no earlier row had: absent from all of them.
				k = this.#keys.length;
				this.#keys.push(key);
				this.#index.set(key, k);
				this.#columns.push(
					i === 0
						? { kind: 'unknown', nulls: 0 }
						: { kind: 'any', values: new Array<unknown>(i).fill(ABSENT) }
				);
			}
			seen++;
			this.#put(k, i, row[key]);
		}
		if (seen < this.#keys.length) {
			// A key earlier rows had and this one has not.
			this.#keys.forEach((key, k) => {
				if (!Object.hasOwn(row, key)) this.#put(k, i, ABSENT);
			});
		}
		this.#length++;
	}

	done(): PackedRows {
		this.#spent = true;
		const columns = this.#columns.map((c): Column => {
			switch (c.kind) {
				case 'unknown':
					return { kind: 'unknown' };
				case 'number': {
					let nulls: Uint8Array | null = null;
					c.values.forEach((v, i) => {
						if (Number.isNaN(v)) (nulls ??= new Uint8Array(c.values.length))[i] = 1;
					});
					return { kind: 'number', values: Float64Array.from(c.values), nulls };
				}
				case 'string':
					return { kind: 'string', ids: Int32Array.from(c.ids), strings: c.strings };
				case 'boolean':
					return { kind: 'boolean', values: Int8Array.from(c.values) };
				case 'any':
					return c;
			}
		});
		return this.#make([...this.#keys], columns, this.#length);
	}

	/** Value `value` of row `i` (every earlier row already placed) into column `k`. */
	#put(k: number, i: number, value: unknown): void {
		let c = this.#columns[k]!;
		if (c.kind === 'unknown') {
			if (value === null) {
				c.nulls++;
				return;
			}
			c = this.#columns[k] = typed(value, c.nulls) ?? { kind: 'any', values: nulls(c.nulls) };
		}
		switch (c.kind) {
			case 'number':
				if (typeof value === 'number') return void c.values.push(value);
				if (value === null) return void c.values.push(NaN);
				break;
			case 'string':
				if (typeof value === 'string') {
					let id = c.ofString.get(value);
					if (id === undefined) {
						id = c.strings.length;
						c.strings.push(value);
						c.ofString.set(value, id);
					}
					return void c.ids.push(id);
				}
				if (value === null) return void c.ids.push(NULL_ID);
				break;
			case 'boolean':
				if (typeof value === 'boolean') return void c.values.push(value ? 1 : 0);
				if (value === null) return void c.values.push(NULL_BOOLEAN);
				break;
			case 'any':
				return void c.values.push(value);
		}
		// A value of another kind: the column keeps its values as they are from now on.
		const values: unknown[] = [];
		for (let r = 0; r < i; r++) values.push(valueOf(c, r));
		values.push(value);
		this.#columns[k] = { kind: 'any', values };
	}
}

const nulls = (n: number): unknown[] => new Array<unknown>(n).fill(null);

/** A typed column for `value`'s kind, `leading` nulls already in it; null for another kind. */
function typed(value: unknown, leading: number): Building | null {
	if (typeof value === 'number') return { kind: 'number', values: new Array(leading).fill(NaN) };
	if (typeof value === 'boolean') {
		return { kind: 'boolean', values: new Array(leading).fill(NULL_BOOLEAN) };
	}
	if (typeof value === 'string') {
		return {
			kind: 'string',
			ids: new Array(leading).fill(NULL_ID),
			ofString: new Map(),
			strings: []
		};
	}
	return null;
}

/** Row `r`'s value in a column being built. */
function valueOf(c: Building, r: number): unknown {
	switch (c.kind) {
		case 'unknown':
			return null;
		case 'number':
			return Number.isNaN(c.values[r]) ? null : c.values[r];
		case 'string':
			return c.ids[r] === NULL_ID ? null : c.strings[c.ids[r]!];
		case 'boolean':
			return c.values[r] === NULL_BOOLEAN ? null : c.values[r] === 1;
		case 'any':
			return c.values[r];
	}
}
