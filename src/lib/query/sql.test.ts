import { describe, expect, it } from 'vitest';
import { and, column, ident, inList, int, str } from './sql.ts';
import { filteredFacts, filterWhere } from './filters.ts';

describe('SQL pieces', () => {
	it('quotes identifiers and strings, validates integers', () => {
		expect([ident('facts_plan'), ident('a"b'), column('f', 'type'), str("O'Neil")]).toEqual([
			'"facts_plan"',
			'"a""b"',
			'"f"."type"',
			"'O''Neil'"
		]);
		expect(int(2568)).toBe('2568');
		expect(() => int(1.5)).toThrow('1.5 is not a safe integer');
		expect(() => int(Number.NaN)).toThrow(RangeError);
		expect(() => int('1; drop table x' as unknown as number)).toThrow(RangeError);
		expect(() => ident('')).toThrow(RangeError);
		expect(() => str('a\0b')).toThrow(RangeError);
	});

	it('writes sorted, deduplicated IN lists; an empty list matches nothing', () => {
		expect([
			inList('"x"', [2568, 2566, 2568]),
			inList('"x"', ['52', "1'5"]),
			inList('"x"', [] as number[]),
			and([]),
			and(['a', 'b'])
		]).toEqual(['"x" in (2566, 2568)', "\"x\" in ('1''5', '52')", 'false', 'true', 'a and b']);
	});

	it('writes filters in a fixed order and joins dim_lao only when needed', () => {
		expect(
			filterWhere(
				{ fiscalYears: [2568], dimensions: [2, 1], laoTypes: [2], provinces: ['52'] },
				'f',
				'l'
			)
		).toBe(
			'"l"."province_code" in (\'52\') and "l"."type" in (2) and "f"."dimension" in (1, 2)' +
				' and "f"."fiscal_year" in (2568)'
		);
		expect(filteredFacts('facts_plan', { dimensions: [] })).toBe(
			'from "facts_plan" as "f"\n\twhere true'
		);
		expect(filteredFacts('facts_plan', { laoTypes: [0] })).toBe(
			'from "facts_plan" as "f" join "dim_lao" as "l" on "l"."lao_key" = "f"."lao_key"\n' +
				'\twhere "l"."type" in (0)'
		);
	});
});
