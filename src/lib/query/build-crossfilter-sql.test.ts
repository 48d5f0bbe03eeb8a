import { describe, expect, it } from 'vitest';
import { buildCubeSql, cubeFor, onePerLao } from './build-cube-sql.ts';
import { buildLaoPointsSql } from './build-lao-points-sql.ts';
import { buildSliceSql, type SliceKey } from './build-slice-sql.ts';
import { filteredFacts } from './filters.ts';
import { toQueryFilters } from './view-filters.ts';

// Executed on the seed extracts in tests/db/overview-filters.suite.ts (both drivers agree).
describe('crossfilter SQL', () => {
	it('builds the cube from facts_cube and four coarser cubes from it', () => {
		const [cube, , cubeFy, ...rest] = buildCubeSql();
		expect(cube).toBe(`create or replace table "cube" as
select "f"."lao_key", "l"."province_code", "l"."type" as "lao_type", "f"."verdict", "f"."fiscal_year", "f"."dimension",
	"f"."is_synthetic" as "synthetic", "f"."plan_items", "f"."zero_budget_items" as "zero", "f"."planned_baht" as "baht",
	"f"."report_items", "f"."done", "f"."not_done", "f"."disbursed_baht" as "disbursed"
from "facts_cube" as "f"
	left join "dim_lao" as "l" on "l"."lao_key" = "f"."lao_key"`);
		expect(cubeFy).toBe(`create or replace table "cube_fy" as
select "lao_key", "province_code", "lao_type", "fiscal_year", bool_or("synthetic") as "synthetic", sum("plan_items")::integer as "plan_items", sum("zero")::integer as "zero", sum("baht") as "baht", sum("report_items")::integer as "report_items", sum("done")::integer as "done", sum("not_done")::integer as "not_done", sum("disbursed") as "disbursed"
from "cube" group by all`);
		expect(rest.map((sql) => sql.split('\n')[0])).toEqual([
			'create or replace table "cube_dim" as',
			'create or replace table "cube_lao" as'
		]);
	});

	it('reads the coarsest cube with the key and the filtered axes', () => {
		const pick = (key: string, filters: Parameters<typeof cubeFor>[1]) => {
			const cube = cubeFor(key, filters);
			return [cube.table, onePerLao(cube, key, filters)];
		};
		expect([
			pick('fiscal_year', {}),
			pick('dimension', { provinces: ['52'] }),
			pick('province_code', {}),
			pick('lao_type', { dimensions: [1] }),
			pick('fiscal_year', { dimensions: [1, 3] }),
			pick('province_code', { fiscalYears: [2566], dimensions: [2] }),
			pick('dimension', { verdicts: ['accepted'] }),
			pick('lao_key', { verdicts: ['accepted'], fiscalYears: [2568], dimensions: [4, 4] })
		]).toEqual([
			['cube_fy', true],
			['cube_dim', true],
			['cube_lao', true],
			['cube_dim', true],
			['cube_fd', false],
			['cube_fd', true],
			['cube', false],
			['cube', true]
		]);
	});

	it('counts rows where each is one LAO in one group', () => {
		expect(buildSliceSql('fiscal_year', { provinces: ['52'], dimensions: [2] }))
			.toBe(`select "c"."fiscal_year" as "key",
	count("c"."lao_key") filter (where "c"."plan_items" > 0)::integer as "laos_covered",
	count("c"."lao_key") filter (where "c"."report_items" > 0)::integer as "laos_reporting",
	sum("c"."plan_items")::integer as "items_planned", sum("c"."zero")::integer as "zero_budget_items",
	round(sum("c"."baht"), 2)::double as "planned_baht",
	sum("c"."report_items")::integer as "reported_items", sum("c"."done")::integer as "done", sum("c"."not_done")::integer as "not_done",
	round(sum("c"."disbursed"), 2)::double as "disbursed_baht",
	bool_or("c"."synthetic") as "includes_synthetic"
from "cube_fd" as "c"
where "c"."fiscal_year" is not null and "c"."province_code" in ('52') and "c"."dimension" in (2)
group by "key"
order by "key"`);
	});

	it('slices the cubes by one key within the filters, per LAO first', () => {
		expect(
			buildSliceSql('dimension', { provinces: ['52'], verdicts: ['accepted'], dimensions: [] })
		).toBe(`with "per_lao" as (
	select "c"."dimension" as "key", "c"."lao_key",
		sum("c"."plan_items")::integer as "plan_items", sum("c"."zero")::integer as "zero", sum("c"."baht") as "baht", sum("c"."report_items")::integer as "report_items", sum("c"."done")::integer as "done", sum("c"."not_done")::integer as "not_done", sum("c"."disbursed") as "disbursed",
		bool_or("c"."synthetic") as "synthetic"
	from "cube" as "c"
	where "c"."dimension" is not null and "c"."province_code" in ('52') and "c"."verdict" in ('accepted')
	group by "key", "c"."lao_key"
)
select "key",
	count("lao_key") filter (where "plan_items" > 0)::integer as "laos_covered",
	count("lao_key") filter (where "report_items" > 0)::integer as "laos_reporting",
	sum("plan_items")::integer as "items_planned", sum("zero")::integer as "zero_budget_items",
	round(sum("baht"), 2)::double as "planned_baht",
	sum("report_items")::integer as "reported_items", sum("done")::integer as "done", sum("not_done")::integer as "not_done",
	round(sum("disbursed"), 2)::double as "disbursed_baht",
	bool_or("synthetic") as "includes_synthetic"
from "per_lao"
group by "key"
order by "key"`);
	});

	it('equal views give equal SQL, whatever the order; bad keys and values throw', () => {
		const a = toQueryFilters({
			provinces: ['52', '15'],
			laoTypes: ['town_municipality', 'provincial_admin_org'],
			dimensions: [2, 1],
			fiscalYears: [2568],
			verdicts: ['accepted_with_warnings']
		});
		const b = toQueryFilters({
			provinces: ['15', '52'],
			laoTypes: ['provincial_admin_org', 'town_municipality'],
			dimensions: [1, 2],
			fiscalYears: [2568],
			verdicts: ['accepted_with_warnings']
		});
		expect(a.laoTypes).toEqual([2, 0]);
		expect(buildSliceSql('province_code', a)).toBe(buildSliceSql('province_code', b));
		expect(buildSliceSql('fiscal_year', a)).toContain(
			`where "c"."fiscal_year" is not null and "c"."province_code" in ('15', '52') and "c"."lao_type" in (0, 2) and "c"."dimension" in (1, 2) and "c"."fiscal_year" in (2568) and "c"."verdict" in ('accepted_with_warnings')`
		);
		expect(() => buildSliceSql('name_th; drop' as SliceKey, {})).toThrow(
			"'name_th; drop' is not a slice key"
		);
		expect(() => buildSliceSql('dimension', { dimensions: [Number('1 or 1=1')] })).toThrow(
			'NaN is not a safe integer'
		);
	});

	it('joins dim_document for a verdict filter on the raw facts', () => {
		expect(filteredFacts('facts_plan', { verdicts: ['accepted'] })).toBe(
			'from "facts_plan" as "f" join "dim_document" as "doc" on "doc"."doc_key" = "f"."doc_key"\n' +
				`\twhere "doc"."verdict" in ('accepted')`
		);
	});

	it('lists the LAO layer with the LAO filters and the figures of the view', () => {
		const sql = buildLaoPointsSql({ laoTypes: [2] });
		expect([sql.split('\n').slice(0, 3), sql.split('\n').slice(-3)]).toEqual([
			[
				'select "l"."dla_code", "l"."name_th", "l"."province_code", "l"."lat", "l"."lon",',
				'\t"s"."items_planned", "s"."zero_budget_items", "s"."planned_baht", "s"."reported_items", "s"."done", "s"."not_done", "s"."disbursed_baht"',
				'from "dim_lao" as "l" left join ('
			],
			[
				') as "s" on "s"."key" = "l"."lao_key"',
				'where "l"."lat" is not null and "l"."lon" is not null and "l"."type" in (2)',
				'order by "l"."lao_key"'
			]
		]);
	});
});
