/**
 * The oracle's arithmetic: an accepted document's totals recomputed from its items (satang
 * integers) and compared with what it declares, the declared figures and the items' amounts found
 * on the lines the report gives. A difference passes only when a failed check of the report names
 * it and the verdict is not `accepted`; a grand total off with nothing to explain it, never.
 */
import type { Check, Item, ParseReport, Table } from '../../../etl/parse/common/types.ts';
import type { Finding } from './oracle.ts';

const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const toArabic = (s: string) => s.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));

/** The numbers written on a line, digits of either script, thousands separators dropped. */
export function numbersIn(text: string): number[] {
	const t = toArabic(text.replace(INVISIBLE, '')).replace(/(?<=\d),(?=\d{3})/g, '');
	return [...t.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
}

const satang = (baht: number) => Math.round(baht * 100);

export interface Ctx {
	report: ParseReport;
	lines: readonly string[];
	out: Finding[];
	/** Differences the report names with a failed warning check (tolerated by design). */
	tolerated: string[];
}

/** The declared amount must be written on the line the report gives for it. */
function declaredOnLine(ctx: Ctx, line: number | null, amount: number, what: string): void {
	if (amount === 0) return; // "-" and "ไม่ใช้งบประมาณ" are zeros with no digits
	const text = line === null ? undefined : ctx.lines[line - 1];
	if (text === undefined || !numbersIn(text).includes(amount)) {
		ctx.out.push({
			rule: 'declared_not_in_text',
			message: `${what} ${amount} is not on line ${line}`,
			line
		});
	}
}

/**
 * A recomputed figure that differs from the declared one: the report must record a failed check
 * at that line (with the same two sides when `exact`), and must not be `accepted`.
 */
function differs(
	ctx: Ctx,
	c: { name: string; line: number | null; declared: unknown; computed: unknown; detail?: string },
	exact: boolean
): void {
	const named = ctx.report.checks.some(
		(k: Check) =>
			k.name === c.name &&
			!k.ok &&
			k.line === c.line &&
			(c.detail === undefined || k.detail === c.detail) &&
			(!exact || (k.declared === c.declared && k.computed === c.computed))
	);
	const where = `${c.name}${c.detail ? ` ${c.detail}` : ''} at line ${c.line}`;
	const sides = `declared ${String(c.declared)}, items give ${String(c.computed)}`;
	if (!named)
		ctx.out.push({ rule: 'silent_mismatch', message: `${where}: ${sides}`, line: c.line });
	else ctx.tolerated.push(c.name);
	if (ctx.report.verdict === 'accepted') {
		ctx.out.push({ rule: 'accepted_mismatch', message: `${where}: ${sides}`, line: c.line });
	}
}

function sumSatang(values: ReadonlyArray<number | null | undefined>): number | null {
	let s = 0;
	for (const v of values) {
		if (v === null || v === undefined) return null;
		s += satang(v);
	}
	return s;
}

export function annualTotals(ctx: Ctx, t: Table): void {
	const d = t.declared as {
		grandTotal: number | null;
		grandTotalLine: number | null;
		quarterTicks: Array<number | null> | null;
	};
	if (d.grandTotal === null) {
		ctx.out.push({
			rule: 'accepted_without_total',
			message: `annual table at ${t.lines[0]}`,
			line: t.lines[0]
		});
		return;
	}
	const computed = sumSatang(t.items.map((i) => i.budget[String(t.fiscalYear)]));
	if (computed === null) {
		ctx.out.push({ rule: 'accepted_unreadable_amount', message: `annual table at ${t.lines[0]}` });
	} else if (computed !== satang(d.grandTotal)) {
		const msg = `grand total ${d.grandTotal} ≠ items ${computed / 100}`;
		ctx.out.push({ rule: 'total_mismatch', message: msg, line: d.grandTotalLine });
	}
	declaredOnLine(ctx, d.grandTotalLine, d.grandTotal, 'grand total');
	d.quarterTicks?.forEach((declared, q) => {
		const ticked = t.items.filter((i) => i.quarters?.[q]).length;
		if (declared === ticked) return;
		const c = {
			name: 'quarter_tick_count',
			line: d.grandTotalLine,
			declared,
			computed: ticked,
			detail: `Q${q + 1}`
		};
		differs(ctx, c, true);
	});
}

const STATUS_FIELDS = ['pending', 'in_progress', 'done', 'not_done'] as const;

export function reportTotals(ctx: Ctx, t: Table): void {
	const d = t.declared as { summary?: Record<string, number | string>; summaryLine?: number };
	if (!d.summary) return;
	const summaries = (ctx.report.extras?.summaries ?? []) as Array<{
		line: number;
		fields: Record<string, { value: number | string; line: number }>;
	}>;
	const chosen = summaries.find((s) => s.line === d.summaryLine);
	const disbursed = chosen?.fields.disbursed;
	if (disbursed && typeof disbursed.value === 'number') {
		const computed = sumSatang(t.items.map((i: Item) => i.disbursed));
		if (computed !== satang(disbursed.value)) {
			const msg = `disbursed ${disbursed.value} ≠ items ${computed === null ? 'unreadable' : computed / 100}`;
			ctx.out.push({ rule: 'total_mismatch', message: msg, line: disbursed.line });
		}
		declaredOnLine(ctx, disbursed.line, disbursed.value, 'disbursed');
	}
	for (const status of STATUS_FIELDS) {
		const f = chosen?.fields[status];
		if (!f) continue;
		const count = t.items.filter((i) => i.status === status).length;
		if (f.value !== count) {
			differs(
				ctx,
				{ name: 'status_count', line: f.line, declared: f.value, computed: count, detail: status },
				true
			);
		}
	}
	const n = chosen?.fields.item_count;
	if (n && n.value !== t.items.length) {
		differs(
			ctx,
			{ name: 'summary_item_count', line: n.line, declared: n.value, computed: t.items.length },
			true
		);
	}
}

interface Part2Declared {
	fiscalYears: number[];
	grandTotal: { line: number; budget: Record<string, number | null> } | null;
	dimensions: Array<{
		dimension: number | null;
		line: number;
		subtotal: { line: number; budget: Record<string, number | null> } | null;
	}>;
}

export function part2Totals(ctx: Ctx, t: Table): void {
	const d = t.declared as unknown as Part2Declared;
	const columnSum = (year: number, inside: (line: number, item?: Item) => boolean) => {
		let s = 0;
		for (const i of t.items) {
			const b = i.budget[String(year)];
			if (inside(i.line, i) && b !== null && b !== undefined) s += satang(b);
		}
		for (const u of t.unassigned)
			if (u.fiscalYear === year && inside(u.line)) s += satang(u.amount);
		return s;
	};
	const grand = d.grandTotal;
	if (!grand) {
		if (t.role === 'multi_year') {
			ctx.out.push({
				rule: 'accepted_without_total',
				message: `Part 2 table at ${t.lines[0]}`,
				line: t.lines[0]
			});
		}
		return;
	}
	const explained = t.unassigned.some((u) => u.amount !== 0);
	for (const year of d.fiscalYears) {
		const declared = grand.budget[String(year)];
		if (declared === null || declared === undefined) continue;
		const computed = columnSum(year, () => true);
		declaredOnLine(ctx, grand.line, declared, `grand total ${year}`);
		if (computed === satang(declared)) continue;
		const c = { name: 'grand_total_budget', line: grand.line, declared, computed: computed / 100 };
		differs(ctx, c, true);
		if (!explained) {
			const msg = `grand total ${year} ${declared} ≠ items ${computed / 100}, no unassigned amount`;
			ctx.out.push({ rule: 'total_mismatch', message: msg, line: grand.line });
		}
	}
	// A subtotal covers its dimension's rows wherever they stand (the reader sums by dimension, not
	// by position). Unassigned amounts carry no dimension, and several unnumbered dimensions cannot
	// be told apart: subtotals are recomputed only when neither is the case.
	const unnumbered = d.dimensions.filter((x) => x.dimension === null).length;
	if (explained || unnumbered > 1) return;
	for (const dim of d.dimensions) {
		const sub = dim.subtotal;
		if (!sub) continue;
		for (const year of d.fiscalYears) {
			const declared = sub.budget[String(year)];
			if (declared === null || declared === undefined) continue;
			const computed = columnSum(year, (_, item) => !item || item.dimension === dim.dimension);
			if (computed === satang(declared)) continue;
			const c = {
				name: 'dimension_subtotal_budget',
				line: sub.line,
				declared,
				computed: computed / 100
			};
			differs(ctx, c, false);
		}
	}
}

/** Every item is where the report says: its line carries its ordinal, budgets and disbursement. */
export function checkProvenance(ctx: Ctx, t: Table): void {
	for (const item of t.items) {
		const text = ctx.lines[item.line - 1];
		const numbers = text === undefined ? [] : numbersIn(text);
		if (!numbers.includes(item.ordinal)) {
			const msg = `item ${item.ordinal} is not on line ${item.line}`;
			ctx.out.push({ rule: 'provenance', message: msg, line: item.line });
			continue;
		}
		const amounts = Object.entries(item.budget).map(([year, a]) => [`budget ${year}`, a] as const);
		for (const [what, amount] of [...amounts, ['disbursed', item.disbursed] as const]) {
			if (amount === null || amount === undefined || amount === 0) continue;
			if (numbers.includes(amount)) continue;
			const msg = `item ${item.ordinal} ${what} ${amount} is not on line ${item.line}`;
			ctx.out.push({ rule: 'provenance', message: msg, line: item.line });
		}
	}
}
