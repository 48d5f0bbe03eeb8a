import { PROVINCES } from '../../db/seed/provinces.ts';
import type { DocumentKind } from '../parse/common/types.ts';
import type { RegistryRecord } from '../registry/records.ts';
import { allocateLaos } from './allocate.ts';
import { damageNames } from './damage.ts';
import { annualText } from './annual-text.ts';
import type { DocLao } from './cover.ts';
import { laoYears, planItems } from './model.ts';
import { fullName } from './names.ts';
import { planText } from './plan-text.ts';
import { mulberry32, rngFor } from './prng.ts';
import { reportText } from './report-text.ts';

export interface DemoOptions {
	/** How many synthetic LAOs. */
	laos: number;
	/** Fiscal years (BE), ascending: [2566, …, 2570]. */
	years: readonly number[];
	seed: number;
}

/** The check a broken document fails, and so the reason the real validators quarantine it. */
export type BrokenRule = 'grand_total_budget' | 'disbursed_total';

export interface DemoDocument {
	/** Relative to the output folder: "52-lampang/9520003_annual-plan-2568.txt". */
	path: string;
	text: string;
	kind: DocumentKind;
	laoCode: string;
	fiscalYear: number | null;
	/** null: the document reconciles. Otherwise the check its totals were made to fail. */
	broken: BrokenRule | null;
}

export interface Demo {
	laos: RegistryRecord[];
	documents: DemoDocument[];
}

/** Share of documents whose declared total is made not to reconcile (by a round amount). */
export const BROKEN_RATE = 0.03;
const OFF_BY = [10_000, 50_000, 100_000];

const slug = (s: string) =>
	s
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');

/**
 * The demo, as a pure function of its options: the synthetic register and every document's text.
 * Each LAO draws from its own stream (seed + DLA code), so one LAO's documents do not depend on how
 * many others there are.
 */
export function generateDemo(options: DemoOptions): Demo {
	const { years, seed } = options;
	const laos = allocateLaos(options.laos, mulberry32(seed));
	const documents: DemoDocument[] = [];
	for (const rec of laos) {
		const province = PROVINCES.find((p) => p.code === rec.provinceCode)!;
		const folder = `${province.code}-${slug(province.nameEn)}`;
		const lao: DocLao = { fullName: fullName(rec.type, rec.nameTh), provinceTh: province.nameTh };
		const rng = rngFor(seed, rec.dlaCode);
		const tick = rng.pick(['✓', '☑', '<input checked="" type="checkbox"/>']);
		const pageSize = rng.int(8, 16);
		const broken = (): number => (rng.chance(BROKEN_RATE) ? rng.pick(OFF_BY) : 0);
		const items = planItems(rng, rec.type, years);
		const planOff = broken();
		const span = `${years[0]}-${years[years.length - 1]}`;
		documents.push({
			path: `${folder}/${rec.dlaCode}_plan-${span}.txt`,
			text: planText({ lao, years, items, totalOffBy: planOff }),
			kind: 'multi_year_plan',
			laoCode: rec.dlaCode,
			fiscalYear: null,
			broken: planOff ? 'grand_total_budget' : null
		});
		for (const ly of laoYears(rng, items, years)) {
			const annualOff = broken();
			documents.push({
				path: `${folder}/${rec.dlaCode}_annual-plan-${ly.year}.txt`,
				text: annualText({
					lao,
					year: ly.year,
					rows: damageNames(ly.rows, rngFor(seed, `${rec.dlaCode}:names:${ly.year}:annual`)),
					totalOffBy: annualOff,
					tick,
					asOfDay: rng.int(1, 28),
					pageSize
				}),
				kind: 'annual_plan',
				laoCode: rec.dlaCode,
				fiscalYear: ly.year,
				broken: annualOff ? 'grand_total_budget' : null
			});
			if (!ly.report) continue;
			const reportOff = broken();
			documents.push({
				path: `${folder}/${rec.dlaCode}_report-${ly.year}.txt`,
				text: reportText({
					lao,
					year: ly.year,
					round: ly.report.round,
					rows: damageNames(ly.report.rows, rngFor(seed, `${rec.dlaCode}:names:${ly.year}:report`)),
					disbursedOffBy: reportOff,
					tick,
					asOfDay: rng.int(1, 28),
					pageSize
				}),
				kind: 'progress_report',
				laoCode: rec.dlaCode,
				fiscalYear: ly.year,
				broken: reportOff ? 'disbursed_total' : null
			});
		}
	}
	return { laos, documents };
}
