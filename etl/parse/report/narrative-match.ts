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

// The items grouped by key, once per table rather than once per comparison (n × m): items that
// share a key score alike, so a key is scored once however many items carry it (100,000 copies
// of one row made 5,000,000 comparisons, tests/fuzz/regressions.test.ts).
const groupsByItems = new WeakMap<readonly Item[], Array<{ key: string; items: Item[] }>>();
function groupsOf(items: readonly Item[]) {
	let groups = groupsByItems.get(items);
	if (groups) return groups;
	const byKey = new Map<string, Item[]>();
	for (const item of items) {
		const key = nameKey(item.name);
		const group = byKey.get(key);
		if (group) group.push(item);
		else byKey.set(key, [item]);
	}
	groups = [...byKey].map(([key, items]) => ({ key, items }));
	groupsByItems.set(items, groups);
	return groups;
}

/**
 * The item whose name is most similar, if it reaches MIN_SIMILARITY and no other item ties (two
 * items with one key always tie).
 */
export function bestMatch(name: string, items: readonly Item[]) {
	const key = nameKey(name);
	let best: { item: Item; score: number } | null = null;
	let tie = false;
	for (const group of groupsOf(items)) {
		// A pair that cannot reach the threshold can be neither the match nor a tie with it.
		if (diceUpperBound(key, group.key) < MIN_SIMILARITY) continue;
		const score = diceCoefficient(key, group.key);
		const many = group.items.length > 1;
		if (best === null || score > best.score) [best, tie] = [{ item: group.items[0]!, score }, many];
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
