import { describe, expect, it } from 'vitest';
import { PROVINCES } from '../../db/seed/provinces.ts';
import { parseDocument } from '../parse/index.ts';
import { Registry } from '../registry/resolve.ts';
import { formatBaht } from '../text/baht.ts';
import { allocateLaos, typeCounts } from './allocate.ts';
import { baht, thaiAmount } from './cover.ts';
import { generateDemo } from './generate.ts';
import { demoName, spellDigits } from './names.ts';
import { mulberry32 } from './prng.ts';

const YEARS = [2566, 2567, 2568, 2569, 2570];
const encode = (s: string) => new TextEncoder().encode(s);

describe('names and codes', () => {
	it('spells the serial in Thai digit words after สาธิต', () => {
		expect([demoName(12), demoName(7850), spellDigits(90)]).toEqual([
			'สาธิตหนึ่งสอง',
			'สาธิตเจ็ดแปดห้าศูนย์',
			'เก้าศูนย์'
		]);
	});

	it('gives 7-digit codes starting with 9, unique, and unique names', () => {
		const laos = allocateLaos(7850, mulberry32(1));
		expect(laos.every((l) => /^9\d{6}$/.test(l.dlaCode))).toBe(true);
		expect(new Set(laos.map((l) => l.dlaCode)).size).toBe(7850);
		expect(new Set(laos.map((l) => l.nameTh)).size).toBe(7850);
		expect(laos.every((l) => l.nameTh.startsWith('สาธิต'))).toBe(true);
	});
});

describe('type and province spread', () => {
	it('N = 7,850: the national mix by largest remainder, every province, อบจ. never in Bangkok', () => {
		expect([...typeCounts(7850)]).toEqual([
			['provincial_admin_org', 76],
			['city_municipality', 30],
			['town_municipality', 195],
			['subdistrict_municipality', 2248],
			['subdistrict_admin_org', 5301]
		]);
		const laos = allocateLaos(7850, mulberry32(3));
		const count = (t: string) => laos.filter((l) => l.type === t).length;
		expect([
			count('provincial_admin_org'),
			count('city_municipality'),
			count('town_municipality'),
			count('subdistrict_municipality'),
			count('subdistrict_admin_org')
		]).toEqual([76, 30, 195, 2248, 5301]);
		expect(new Set(laos.map((l) => l.provinceCode)).size).toBe(77);
		const pao = laos.filter((l) => l.type === 'provincial_admin_org');
		expect(new Set(pao.map((l) => l.provinceCode)).size).toBe(76);
		expect(pao.some((l) => l.provinceCode === '10')).toBe(false);
	});

	it('N = 77 already covers all 77 provinces; the counts always sum to N', () => {
		expect(new Set(allocateLaos(77, mulberry32(5)).map((l) => l.provinceCode)).size).toBe(77);
		for (const n of [1, 20, 30, 77, 200, 7848]) {
			expect([...typeCounts(n).values()].reduce((a, b) => a + b, 0)).toBe(n);
		}
		expect([...typeCounts(30).values()]).toEqual([0, 0, 1, 9, 20]);
	});
});

describe('generateDemo is pure', () => {
	it('same seed → identical output; another seed → different documents', () => {
		const a = generateDemo({ laos: 12, years: YEARS, seed: 42 });
		const b = generateDemo({ laos: 12, years: YEARS, seed: 42 });
		const c = generateDemo({ laos: 12, years: YEARS, seed: 43 });
		expect(b).toEqual(a);
		expect(c.documents.map((d) => d.text)).not.toEqual(a.documents.map((d) => d.text));
	});
});

describe('every document parses to its intended kind and verdict (seed 1, N = 30, 2566–2570)', () => {
	const demo = generateDemo({ laos: 30, years: YEARS, seed: 1 });
	const registry = new Registry(demo.laos, PROVINCES);
	const outcomes = demo.documents.map((d) => ({
		d,
		r: parseDocument(encode(d.text), { registry })
	}));

	it('resolves every document to its own synthetic LAO and kind', () => {
		expect(
			outcomes.filter(({ d, r }) => r.lao?.dlaCode !== d.laoCode || r.kind !== d.kind)
		).toEqual([]);
	});

	it('reconciling documents are accepted (no warning at all); broken ones quarantined by the rule broken', () => {
		const tally: Record<string, number> = {};
		for (const { d, r } of outcomes) {
			const failedErrors = r.checks
				.filter((c) => !c.ok && c.severity === 'error')
				.map((c) => c.name);
			const key = `${d.kind} ${d.broken ?? 'reconciles'} → ${r.verdict} ${failedErrors.join(',')}`;
			tally[key] = (tally[key] ?? 0) + 1;
		}
		expect(tally).toEqual({
			'multi_year_plan reconciles → accepted ': 26,
			'multi_year_plan grand_total_budget → quarantined grand_total_budget': 4,
			'annual_plan reconciles → accepted ': 147,
			'annual_plan grand_total_budget → quarantined grand_total_budget': 3,
			'progress_report reconciles → accepted ': 128,
			'progress_report disbursed_total → quarantined disbursed_total': 3
		});
	});

	it('has the intended spreads: 19 of 150 LAO-years without a report, zero budgets, disbursed ≤ budget', () => {
		const reports = demo.documents.filter((d) => d.kind === 'progress_report');
		expect(reports.length).toBe(131);
		const items = outcomes
			.filter(({ r }) => r.kind === 'annual_plan' && r.verdict === 'accepted')
			.flatMap(({ r }) => r.tables.flatMap((t) => t.items));
		const zero = items.filter((i) => Object.values(i.budget)[0] === 0).length / items.length;
		expect(zero > 0.2 && zero < 0.4).toBe(true);
		const rows = outcomes
			.filter(({ r }) => r.kind === 'progress_report' && r.verdict === 'accepted')
			.flatMap(({ r }) => r.tables[0]!.items);
		expect(rows.every((i) => (i.disbursed ?? 0) <= (Object.values(i.budget)[0] ?? 0))).toBe(true);
		const notDone = rows.filter((i) => i.status === 'not_done').length / rows.length;
		expect(notDone > 0.05 && notDone < 0.2).toBe(true);
	});
});

describe('amount formatting', () => {
	it('baht() writes what formatBaht writes; thaiAmount writes Part 2 cells', () => {
		const values = [0, 5, 1000, 185_000, 1_234_567.5, 99.99, -1234.5, 999_999_999_999];
		expect(values.map(baht)).toEqual(values.map(formatBaht));
		expect([thaiAmount(0), thaiAmount(1_200_000)]).toEqual(['-', '๑,๒๐๐,๐๐๐']);
	});
});
