import { describe, expect, it } from 'vitest';
import { buildCubeSql } from './build-cube-sql.ts';
import { buildLaoPointsSql } from './build-lao-points-sql.ts';
import { buildSliceSql, type SliceKey } from './build-slice-sql.ts';
import { filteredFacts } from './filters.ts';
import { toQueryFilters } from './view-filters.ts';

// Executed on the seed extracts in tests/db/overview-filters.suite.ts (both drivers agree).
describe('crossfilter SQL', () => {
	it('builds the report cube at LAO × year × มิติ × verdict from facts_cube', () => {
		expect(buildCubeSql('report')).toBe(`create or replace table "cube_report" as
select "f"."lao_key", "l"."province_code", "l"."type" as "lao_type", "f"."fiscal_year", "f"."dimension", "f"."verdict",
	bool_or("f"."is_synthetic") as "synthetic",
	sum("f"."report_items")::integer as "items",
	sum("f"."done")::integer as "done",
	sum("f"."not_done")::integer as "not_done",
	sum("f"."disbursed_baht") as "disbursed"
from "facts_cube" as "f"
	left join "dim_lao" as "l" on "l"."lao_key" = "f"."lao_key"
where "f"."report_items" > 0
group by all`);
	});

	it('slices the cubes by one key within the filters', () => {
		expect(
			buildSliceSql('dimension', { provinces: ['52'], verdicts: ['accepted'], dimensions: [] })
		).toBe(`with "p" as (
	select "c"."dimension" as "key", count(distinct "c"."lao_key")::integer as "laos",
		sum("c"."items")::integer as "items", sum("c"."zero")::integer as "zero", sum("c"."baht") as "baht", bool_or("c"."synthetic") as "synthetic"
	from "cube_plan" as "c"
	where "c"."dimension" is not null and "c"."province_code" in ('52') and "c"."verdict" in ('accepted')
	group by "key"
), "r" as (
	select "c"."dimension" as "key", count(distinct "c"."lao_key")::integer as "laos",
		sum("c"."items")::integer as "items", sum("c"."done")::integer as "done", sum("c"."not_done")::integer as "not_done", sum("c"."disbursed") as "disbursed", bool_or("c"."synthetic") as "synthetic"
	from "cube_report" as "c"
	where "c"."dimension" is not null and "c"."province_code" in ('52') and "c"."verdict" in ('accepted')
	group by "key"
)
select coalesce("p"."key", "r"."key") as "key",
	coalesce("p"."laos", 0) as "laos_covered", coalesce("r"."laos", 0) as "laos_reporting",
	coalesce("p"."items", 0) as "items_planned", coalesce("p"."zero", 0) as "zero_budget_items",
	round(coalesce("p"."baht", 0), 2)::double as "planned_baht",
	coalesce("r"."items", 0) as "reported_items", coalesce("r"."done", 0) as "done",
	coalesce("r"."not_done", 0) as "not_done",
	round(coalesce("r"."disbursed", 0), 2)::double as "disbursed_baht",
	(coalesce("p"."synthetic", false) or coalesce("r"."synthetic", false)) as "includes_synthetic"
from "p" full join "r" on "r"."key" = "p"."key"
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
