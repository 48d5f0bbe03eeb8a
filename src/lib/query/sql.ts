/**
 * The few pieces SQL is composed from in the browser: quoted identifiers, validated literals and
 * clause lists. Nothing here accepts raw SQL text from data; a value that cannot be written
 * safely is a bug in the caller and throws.
 */

/** `ident('facts_plan')` → `"facts_plan"`; an embedded quote is doubled. */
export function ident(name: string): string {
	if (name.length === 0) throw new RangeError('an SQL identifier cannot be empty');
	return `"${name.replaceAll('"', '""')}"`;
}

/** A qualified column: `column('f', 'fiscal_year')` → `"f"."fiscal_year"`. */
export function column(table: string, name: string): string {
	return `${ident(table)}.${ident(name)}`;
}

/** A string literal: `str("O'Neil")` → `'O''Neil'`. */
export function str(value: string): string {
	if (value.includes('\0')) throw new RangeError('an SQL string cannot hold NUL');
	return `'${value.replaceAll("'", "''")}'`;
}

/** An integer literal, validated: `int(2568)` → `2568`; NaN, fractions and unsafe values throw. */
export function int(value: number): string {
	if (!Number.isSafeInteger(value)) throw new RangeError(`${value} is not a safe integer`);
	return String(value);
}

/** `expr in (a, b)`, values deduplicated and sorted so equal filters give equal SQL. */
export function inList(expr: string, values: readonly string[]): string;
export function inList(expr: string, values: readonly number[]): string;
export function inList(expr: string, values: readonly (string | number)[]): string {
	const unique = [...new Set(values)];
	const literals = unique.every((v) => typeof v === 'number')
		? (unique as number[]).sort((a, b) => a - b).map(int)
		: unique.map(String).sort().map(str);
	if (literals.length === 0) return 'false';
	return `${expr} in (${literals.join(', ')})`;
}

/** Clauses joined by `and`; none is `true`. */
export function and(clauses: readonly string[]): string {
	return clauses.length === 0 ? 'true' : clauses.join(' and ');
}
