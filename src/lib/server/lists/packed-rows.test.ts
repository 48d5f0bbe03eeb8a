import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PackedRows } from './packed-rows.ts';

const pack = (rows: Record<string, unknown>[]) => {
	const packer = PackedRows.packer();
	for (const row of rows) packer.add(row);
	return packer.done();
};
const all = (rows: PackedRows) => Array.from({ length: rows.length }, (_, i) => rows.at(i));

describe('PackedRows', () => {
	it('gives back every row as it was added: Thai, nulls, numbers, booleans, in order', () => {
		const rows = [
			{ lao_name: 'อบต.บ้านสาธิต', budget: 70000, is_synthetic: true, note: null },
			{ lao_name: 'เทศบาลตำบลสาธิต', budget: null, is_synthetic: false, note: 'สอง\nบรรทัด' },
			{ lao_name: 'อบต.บ้านสาธิต', budget: -0, is_synthetic: null, note: null },
			{ lao_name: null, budget: 1.5e9, is_synthetic: true, note: 'x' }
		];
		const packed = pack(rows);
		expect(packed.length).toBe(4);
		expect(all(packed)).toStrictEqual(rows);
		expect(Object.is(packed.at(2).budget, -0)).toBe(true);
		// Typed: 4 rows × (8 bytes of number, 4 of each string id × 2, 1 of boolean), and a byte
		// per row marking the number column's nulls (it has one).
		expect(packed.byteLength).toBe(4 * (8 + 4 + 4 + 1) + 4);
		// Each read is a new object: a caller changing one changes nothing kept.
		(packed.at(0) as { budget: number }).budget = 1;
		expect(packed.at(0).budget).toBe(70000);
		expect(pack([]).length).toBe(0);
	});

	it('keeps a column of mixed kinds as it came, and a missing key missing', () => {
		const rows: Record<string, unknown>[] = [
			{ a: 1, b: 'x' },
			{ a: 'one', b: 'y', c: [1, 2] },
			{ a: null, c: { d: true } },
			{ a: true, b: null }
		];
		const packed = pack(rows);
		expect(all(packed)).toStrictEqual(rows);
		expect(Object.keys(packed.at(2))).toEqual(['a', 'c']);
		// a mixes kinds, b and c miss a row: no column is typed.
		expect(packed.byteLength).toBe(0);
	});

	it('keeps a JSON "__proto__" key as an own key, never as the prototype', () => {
		const packed = pack([JSON.parse('{"__proto__": {"polluted": 1}, "a": 1}')]);
		const row = packed.at(0);
		expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
		expect(Object.keys(row)).toEqual(['__proto__', 'a']);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('refuses a row out of range, and rows added once done', () => {
		const packer = PackedRows.packer();
		packer.add({ a: 1 });
		const packed = packer.done();
		expect(() => packed.at(1)).toThrow('row 1 of 1');
		expect(() => packed.at(-1)).toThrow(RangeError);
		expect(() => packed.at(0.5)).toThrow(RangeError);
		expect(() => packer.add({ a: 2 })).toThrow('rows added after done()');
	});

	it('gives back any JSON rows (property)', () => {
		const row = fc.dictionary(
			fc.constantFrom('a', 'b', 'c', 'ชื่อ', '__proto__'),
			fc.oneof(
				fc.string(),
				fc.double({ noNaN: true }),
				fc.integer(),
				fc.boolean(),
				fc.constant(null),
				fc.array(fc.integer(), { maxLength: 2 })
			),
			{ maxKeys: 4, noNullPrototype: true }
		);
		fc.assert(
			fc.property(fc.array(row, { maxLength: 12 }), (rows) => {
				expect(all(pack(rows))).toStrictEqual(rows);
			}),
			{ numRuns: 500 }
		);
	});
});
