import {
	Dictionary,
	Field,
	Int32,
	RecordBatch,
	Schema,
	Table,
	Utf8,
	vectorFromArray,
	type DataType,
	type Vector
} from 'apache-arrow';

/** One column of an extract: its Arrow type and how to read it from a query row. */
export interface Column<R> {
	name: string;
	type: DataType;
	nullable: boolean;
	value: (row: R) => unknown;
	/** For a small-integer code: the values it indexes (0 = codes[0]), kept in field metadata. */
	codes?: readonly string[];
}

/** Strings travel dictionary-encoded: each distinct value once, then int32 indices. */
export const dictionary = () => new Dictionary(new Utf8(), new Int32());

/** The index of a code in its list, or null; a value outside the list is a broken invariant. */
export function codeOf(codes: readonly string[], value: string | null): number | null {
	if (value === null) return null;
	const index = codes.indexOf(value);
	if (index < 0) throw new RangeError(`'${value}' is not one of ${codes.join(', ')}`);
	return index;
}

/**
 * Rows → an Arrow table whose schema says what each column is: nullability, code lists
 * (`sujarit.codes`) and the extract's own metadata (name, scope, data version).
 */
export function toTable<R>(
	rows: readonly R[],
	columns: readonly Column<R>[],
	metadata: Record<string, string>
): Table {
	const vectors: Record<string, Vector> = {};
	for (const column of columns) {
		vectors[column.name] = vectorFromArray(rows.map(column.value), column.type);
	}
	const built = new Table(vectors);
	const fields = columns.map((column) => {
		const meta = new Map<string, string>();
		if (column.codes) meta.set('sujarit.codes', JSON.stringify(column.codes));
		const type = built.schema.fields.find((f) => f.name === column.name)?.type ?? column.type;
		return new Field(column.name, type, column.nullable, meta);
	});
	const schema = new Schema(fields, new Map(Object.entries(metadata)));
	return new Table(
		schema,
		built.batches.map((batch) => new RecordBatch(schema, batch.data))
	);
}
