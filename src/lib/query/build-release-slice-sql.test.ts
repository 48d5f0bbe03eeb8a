import { describe, expect, it } from 'vitest';
import { buildReleaseSliceSql } from './build-release-slice-sql.ts';

describe('buildReleaseSliceSql', () => {
	it('sums release_figures by the key and counts LAOs from release_laos, filters on both', () => {
		expect(buildReleaseSliceSql('province_code', { laoTypes: [2], dimensions: [1] })).toBe(
			[
				'with "g" as (',
				'\tselect "f"."province_code" as "key", sum("f"."plan_items")::integer as "items_planned",',
				'\t\tround(sum("f"."planned_baht"), 2)::double as "planned_baht", sum("f"."zero_budget_items")::integer as "zero_budget_items",',
				'\t\tsum("f"."report_items")::integer as "reported_items", sum("f"."done")::integer as "done", sum("f"."not_done")::integer as "not_done",',
				'\t\tround(sum("f"."disbursed_baht"), 2)::double as "disbursed_baht", bool_or("f"."is_synthetic") as "includes_synthetic"',
				'\tfrom "release_figures" as "f"',
				'\twhere "f"."province_code" is not null and "f"."lao_type" in (2) and "f"."dimension" in (1)',
				'\tgroup by "key"',
				'), "n" as (',
				'\tselect "l"."province_code" as "key", count(distinct "l"."lao_dla_code") filter (where "l"."has_annual_plan")::integer as "laos_covered",',
				'\t\tcount(distinct "l"."lao_dla_code") filter (where "l"."has_report")::integer as "laos_reporting"',
				'\tfrom "release_laos" as "l"',
				// release_laos has no มิติ: the dimension filter is not applied to it.
				'\twhere "l"."province_code" is not null and "l"."lao_type" in (2)',
				'\tgroup by "key"',
				')',
				'select "g"."key", coalesce("n"."laos_covered", 0)::integer as "laos_covered",',
				'\tcoalesce("n"."laos_reporting", 0)::integer as "laos_reporting",',
				'\t"g"."items_planned", "g"."zero_budget_items", "g"."planned_baht", "g"."reported_items", "g"."done", "g"."not_done", "g"."disbursed_baht", "g"."includes_synthetic"',
				'from "g" left join "n" on "n"."key" = "g"."key"',
				'order by "g"."key"'
			].join('\n')
		);
	});

	it('has no LAO counts by มิติ, and refuses a key it does not know', () => {
		const sql = buildReleaseSliceSql('dimension', { provinces: ["52' or 1=1 --"] });
		expect([
			sql.includes(`"f"."province_code" in ('52'' or 1=1 --')`),
			sql.includes('"n" as (select null::integer as "key", 0 as "laos_covered",'),
			sql.includes('release_laos')
		]).toEqual([true, true, false]);
		expect(() => buildReleaseSliceSql('lao_key' as never, {})).toThrow(
			"'lao_key' is not a release slice key"
		);
	});
});
