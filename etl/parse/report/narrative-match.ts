import { nameKey } from '../../text/canonical.ts';
import { diceCoefficient, diceUpperBound } from '../../text/similarity.ts';
import { parseThaiInt } from '../../text/thai-digits.ts';
import type { Check, Item, Problem, Table } from '../common/types.ts';
import { reportIssue } from './issues.ts';
import type { NarrativeEntry } from './narrative.ts';

/**
 * Below this, two names are different items. Not enough alone: in the pao-ang-thong report the
 * closest wrong pair scores 0.94 (narrative ๒ "โครงการป้องกันผลประโยชน์ทับซ้อน…" against table
 * item 26 "มาตรการป้องกันผลประโยชน์ทับซ้อน…"; its right match, item 1, scores 1), hence the
 * unique-best rule. The lowest right match there is 0.86 (entry ๗, which drops a phrase).
 */
export const MIN_SIMILARITY = 0.85;

/** Sørensen–Dice similarity of the names' character bigrams, on their nameKey (1 = same key). */
export function dice(a: string, b: string): number {
	return diceCoefficient(nameKey(a), nameKey(b));
}

// Each item's key, computed once per item rather than once per comparison (n × m).
const itemKeys = new WeakMap<Item, string>();
function keyOf(item: Item): string {
	let k = itemKeys.get(item);
	if (k === undefined) itemKeys.set(item, (k = nameKey(item.name)));
	return k;
}

/** The item whose name is most similar, if it reaches MIN_SIMILARITY and no other item ties. */
export function bestMatch(name: string, items: readonly Item[]) {
	const key = nameKey(name);
	let best: { item: Item; score: number } | null = null;
	let tie = false;
	for (const item of items) {
		const other = keyOf(item);
		// A pair that cannot reach the threshold can be neither the match nor a tie with it.
		if (diceUpperBound(key, other) < MIN_SIMILARITY) continue;
		const score = diceCoefficient(key, other);
		if (best === null || score > best.score) [best, tie] = [{ item, score }, false];
		else if (score === best.score) tie = true;
	}
	return best && best.score >= MIN_SIMILARITY && !tie ? best : null;
}

/**
 * Matches narrative entries to table items by name (fills `ordinal` and `similarity`), flags an
 * entry listed twice (same number or same name: `duplicate_item`, at the second copy), and checks
 * "ไม่ได้ดำเนินการ" in the narrative against the table's not_done status, both ways.
 */
export function matchNarrative(entries: NarrativeEntry[], table: Table | null) {
	const problems: Problem[] = [];
	const checks: Check[] = [];
	const seen = new Map<string, NarrativeEntry>();
	for (const e of entries) {
		const keys = [`n:${parseThaiInt(e.number)}`, `k:${nameKey(e.name)}`];
		const first = keys.map((k) => seen.get(k)).find((x) => x !== undefined);
		if (first) {
			const vars = { number: e.number, name: e.name, first: first.line };
			problems.push(reportIssue('duplicate_item', e.line, vars, { found: e.name }));
		}
		for (const k of keys) if (!seen.has(k)) seen.set(k, e);
		const m = table && bestMatch(e.name, table.items);
		e.ordinal = m?.item.ordinal ?? null;
		e.similarity = m ? Math.round(m.score * 1000) / 1000 : null;
	}
	if (!table || entries.length === 0) return { problems, checks };
	const check = (line: number, declared: string | null, item: Item | null, detail: string) => {
		const computed = item?.status ?? null;
		const ok = (declared === 'not_done') === (computed === 'not_done') && item !== null;
		const fiscalYear = table.fiscalYear;
		checks.push({
			name: 'narrative_vs_table_status',
			fiscalYear,
			declared,
			computed,
			ok,
			line,
			severity: 'warning',
			detail
		});
	};
	for (const e of entries) {
		const item = table.items.find((i) => i.ordinal === e.ordinal) ?? null;
		if (!e.notDone && item?.status !== 'not_done') continue;
		const where = item
			? ` vs table item ${item.ordinal} (line ${item.line})`
			: ': no table item matches';
		check(e.line, e.notDone ? 'not_done' : 'carried_out', item, `narrative ${e.number}${where}`);
	}
	for (const item of table.items) {
		if (item.status !== 'not_done' || entries.some((e) => e.ordinal === item.ordinal)) continue;
		check(item.line, null, item, `table item ${item.ordinal}: no narrative entry matches`);
	}
	return { problems, checks };
}
