import { describe, expect, it } from 'vitest';
import { buildOverviewSql } from './build-overview-sql.ts';

/** The whole statement, unfiltered; executed on the seed extracts in tests/e2e/duckdb.test.ts. */
const UNFILTERED = `with "p" as (
	select "f"."fiscal_year" as "key", count(distinct "f"."lao_key")::integer as "laos",
		count(*)::integer as "items",
		count(*) filter (where "f"."zero_budget")::integer as "zero",
		sum("f"."budget") as "baht"
	from "facts_plan" as "f"
	where true
	group by "key"
), "r" as (
	select "f"."fiscal_year" as "key", count(distinct "f"."lao_key")::integer as "laos",
		count(*)::integer as "items",
		count(*) filter (where "f"."status" = 2)::integer as "done",
		count(*) filter (where "f"."status" = 3)::integer as "not_done",
		sum("f"."disbursed") as "disbursed"
	from "facts_report" as "f"
	where true
	group by "key"
)
select coalesce("p"."key", "r"."key")::integer as "fiscal_year",
	coalesce("p"."laos", 0) as "laos_with_plans",
	coalesce("p"."items", 0) as "items_planned",
	round(coalesce("p"."baht", 0), 2) as "planned_baht",
	case when coalesce("p"."items", 0) > 0 then "p"."zero"::double / "p"."items" end as "zero_budget_share",
	coalesce("r"."laos", 0) as "laos_reporting",
	coalesce("r"."items", 0) as "reported_items",
	coalesce("r"."done", 0) as "done",
	coalesce("r"."not_done", 0) as "not_done",
	case when coalesce("r"."items", 0) > 0 then "r"."done"::double / "r"."items" end as "completion_rate",
	round(coalesce("r"."disbursed", 0), 2) as "disbursed_baht"
from "p" full join "r" on "r"."key" = "p"."key"
where coalesce("p"."key", "r"."key") is not null
order by "fiscal_year"`;

describe('buildOverviewSql', () => {
	it('writes the unfiltered overview', () => {
		expect(buildOverviewSql({})).toBe(UNFILTERED);
		expect(buildOverviewSql()).toBe(UNFILTERED);
	});

	it('applies the same filters to plans and reports, joining dim_lao for LAO filters', () => {
		const sql = buildOverviewSql({ provinces: ['52'], laoTypes: [2], fiscalYears: [2568] });
		const where =
			'from "FACTS" as "f" join "dim_lao" as "l" on "l"."lao_key" = "f"."lao_key"\n' +
			'\twhere "l"."province_code" in (\'52\') and "l"."type" in (2)' +
			' and "f"."fiscal_year" in (2568)';
		expect(sql).toBe(
			UNFILTERED.replace(
				'from "facts_plan" as "f"\n\twhere true',
				where.replace('FACTS', 'facts_plan')
			).replace('from "facts_report" as "f"\n\twhere true', where.replace('FACTS', 'facts_report'))
		);
	});

	it('refuses values that are not what the filter type says', () => {
		expect(() => buildOverviewSql({ fiscalYears: [Number('2568; drop table x')] })).toThrow(
			'NaN is not a safe integer'
		);
		expect(buildOverviewSql({ provinces: ["52') or (1=1"] })).toContain(
			`"l"."province_code" in ('52'') or (1=1')`
		);
	});
});
