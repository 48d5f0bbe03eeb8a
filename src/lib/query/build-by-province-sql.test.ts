import { describe, expect, it } from 'vitest';
import { METRIC_NAMES, type Metric } from './aggregates.ts';
import { buildByProvinceSql } from './build-by-province-sql.ts';

describe('buildByProvinceSql', () => {
	it('writes one metric per province of dim_province, facts placed through dim_lao', () => {
		expect(buildByProvinceSql({ fiscalYears: [2566] }, 'completion_rate')).toBe(
			`with "p" as (
	select "l"."province_code" as "key", count(distinct "f"."lao_key")::integer as "laos",
		count(*)::integer as "items",
		count(*) filter (where "f"."zero_budget")::integer as "zero",
		sum("f"."budget") as "baht"
	from "facts_plan" as "f" join "dim_lao" as "l" on "l"."lao_key" = "f"."lao_key"
	where "f"."fiscal_year" in (2566)
	group by "key"
), "r" as (
	select "l"."province_code" as "key", count(distinct "f"."lao_key")::integer as "laos",
		count(*)::integer as "items",
		count(*) filter (where "f"."status" = 2)::integer as "done",
		count(*) filter (where "f"."status" = 3)::integer as "not_done",
		sum("f"."disbursed") as "disbursed"
	from "facts_report" as "f" join "dim_lao" as "l" on "l"."lao_key" = "f"."lao_key"
	where "f"."fiscal_year" in (2566)
	group by "key"
)
select "d"."code" as "province_code", "d"."name_th", "d"."name_en",
	case when coalesce("r"."items", 0) > 0 then "r"."done"::double / "r"."items" end as "value"
from "dim_province" as "d" left join "p" on "p"."key" = "d"."code" left join "r" on "r"."key" = "d"."code"
where true
order by "d"."code"`
		);
	});

	it('narrows the provinces listed too, and picks the metric expression', () => {
		const sql = buildByProvinceSql({ provinces: ['52', '15'] }, 'planned_baht');
		expect(sql.split('\n').slice(-4)).toEqual([
			'\tround(coalesce("p"."baht", 0), 2) as "value"',
			'from "dim_province" as "d" left join "p" on "p"."key" = "d"."code" left join "r" on "r"."key" = "d"."code"',
			`where "d"."code" in ('15', '52')`,
			'order by "d"."code"'
		]);
	});

	it('knows ten metrics and rejects any other name', () => {
		expect(METRIC_NAMES).toEqual([
			'laos_with_plans',
			'items_planned',
			'planned_baht',
			'zero_budget_share',
			'laos_reporting',
			'reported_items',
			'done',
			'not_done',
			'completion_rate',
			'disbursed_baht'
		]);
		expect(() => buildByProvinceSql({}, '1; drop table x' as Metric)).toThrow(
			"'1; drop table x' is not a metric"
		);
	});
});
