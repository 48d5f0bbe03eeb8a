/** What a query returns in the browser: plain objects, JSON-safe where the values allow it. */
export type Row = Record<string, unknown>;

/**
 * A value out of Arrow made plain: BIGINT (count(*), sum of integers) becomes a number when it is
 * exactly representable, and stays a bigint otherwise (never silently rounded); lists become
 * arrays; structs become objects.
 */
export function plainValue(value: unknown): unknown {
	if (typeof value === 'bigint') {
		const n = Number(value);
		return Number.isSafeInteger(n) ? n : value;
	}
	if (value === null || typeof value !== 'object' || value instanceof Date) return value;
	if (ArrayBuffer.isView(value))
		return Array.from(value as unknown as ArrayLike<unknown>, plainValue);
	// An Arrow Vector (a LIST column's value) iterates its elements; a struct row has toJSON().
	if ('toArray' in value && typeof value.toArray === 'function') {
		return Array.from(value as unknown as Iterable<unknown>, plainValue);
	}
	if ('toJSON' in value && typeof value.toJSON === 'function') return plainRow(value.toJSON());
	return value;
}

export function plainRow(row: Row): Row {
	return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plainValue(v)]));
}

/** Rows of an Arrow table (anything with `toArray()` of `toJSON()`-able rows) as plain objects. */
export function plainRows<T extends object = Row>(table: { toArray(): { toJSON(): Row }[] }): T[] {
	return table.toArray().map((row) => plainRow(row.toJSON()) as T);
}
