import { nameKey } from '../../text/canonical.ts';
import type { Check, Item, Problem } from '../common/types.ts';
import { annualIssue } from './issues.ts';

/** `[1, 2, 3, 5, 6]` → `'1..3, 5..6'`: the ordinals as written, compressed into runs. */
export function ordinalRuns(ordinals: readonly number[]): string {
	const runs: string[] = [];
	let start: number | null = null;
	let prev: number | null = null;
	for (const o of [...ordinals, NaN]) {
		if (start !== null && prev !== null && o !== prev + 1) {
			runs.push(start === prev ? String(start) : `${start}..${prev}`);
			start = null;
		}
		start ??= o;
		prev = o;
	}
	return runs.join(', ');
}

/**
 * `item_ordinals_sequence`: the ordinals must run 1..n with no gap and no repeat. Each gap and
 * repeat is also a located problem.
 */
export function ordinalCheck(items: readonly Item[], fiscalYear: number, tableLine: number) {
	const problems: Problem[] = [];
	const seen = new Map<number, number>();
	let expected = 1;
	let previous = 0;
	for (const item of items) {
		const { ordinal, line } = item;
		const first = seen.get(ordinal);
		if (first !== undefined) {
			problems.push(annualIssue('duplicate_ordinal', line, { ordinal, first }, { found: ordinal }));
		} else if (ordinal !== expected) {
			const vars = { previous, ordinal, expected };
			problems.push(annualIssue('ordinal_gap', line, vars, { expected, found: ordinal }));
		}
		if (first === undefined) seen.set(ordinal, line);
		expected = Math.max(expected, ordinal + 1);
		previous = ordinal;
	}
	const declared = items.length === 0 ? '' : `1..${items.length}`;
	const computed = ordinalRuns(items.map((i) => i.ordinal));
	const check: Check = {
		name: 'item_ordinals_sequence',
		fiscalYear,
		declared,
		computed,
		ok: declared === computed,
		line: problems[0]?.line ?? tableLine,
		severity: 'warning',
		detail: 'row ordinals vs 1..n'
	};
	return { check, problems };
}

/** `duplicate_item`: the same name (by nameKey) twice in one table, at the second's line. */
export function duplicateItems(items: readonly Item[]): Problem[] {
	const first = new Map<string, number>();
	const problems: Problem[] = [];
	for (const { name, line } of items) {
		const key = nameKey(name);
		const at = first.get(key);
		if (at === undefined) first.set(key, line);
		else problems.push(annualIssue('duplicate_item', line, { name, first: at }, { found: name }));
	}
	return problems;
}
