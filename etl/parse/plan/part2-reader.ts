import type { Row } from '../common/source.ts';
import type { Item, Problem, UnassignedAmount } from '../common/types.ts';
import { parseBaht } from '../../text/baht.ts';
import { joinSquashed, squash } from '../../text/canonical.ts';
import { dimensionHeading } from '../../text/ocr.ts';
import { parseThaiInt, thaiToArabicDigits } from '../../text/thai-digits.ts';
import { assignAmounts, readAmountCell } from './budget-cells.ts';
import { itemKindOf } from './item-kind.ts';
import type { Part2Columns, Part2Header } from './part2-header.ts';
import type { DeclaredTotal, DimensionBlock, Mission } from './part2-model.ts';
import * as issue from './problems.ts';
import { splitProjects } from './split-projects.ts';

type Dimension = 1 | 2 | 3 | 4;

function totalKind(cell: string): 'sub' | 'grand' | null {
	if (/^รวมทั้งสิ้น/.test(cell)) return 'grand';
	if (cell === 'รวม' || /^รวม\s*(?:มิติ|มิตี|มติ)/.test(cell)) return 'sub';
	return null;
}

/**
 * Reads a Part 2 table row by row (the driver is `readPart2` in part2-table.ts): dimensions,
 * missions, projects, budgets and total rows, with the problems each row raises.
 */
export class Part2Reader {
	readonly problems: Problem[] = [];
	readonly items: Item[] = [];
	readonly unassigned: UnassignedAmount[] = [];
	readonly blocks: DimensionBlock[] = [];
	readonly missions: Mission[] = [];
	readonly headerLines: number[] = [];
	readonly totalSums = new Map<number, number>();
	readonly unreadable = new Map<number, number>();
	readonly fiscalYears: number[];
	grandTotal: DeclaredTotal | null = null;
	private cols: Part2Columns;
	private block: DimensionBlock | null = null;
	private lastItem: Item | null = null;
	private lastOrdinal: number | null = null;
	private mission: Mission | null = null;

	constructor(header: Part2Header) {
		this.cols = header.columns;
		this.fiscalYears = header.columns.years.map((y) => y.fiscalYear);
		this.headerLines.push(header.line);
	}

	onHeader(h: Part2Header): void {
		this.headerLines.push(h.line);
		const years = h.columns.years.map((y) => y.fiscalYear);
		this.cols = h.columns;
		if (years.join() === this.fiscalYears.join()) return;
		this.problems.push(issue.headerYearsChanged(h.line, this.fiscalYears, years));
		// One table has one set of year columns: a page header that names other years is read as a
		// typo on that page, and its columns keep the first header's years, in order.
		if (years.length === this.fiscalYears.length) {
			const first = this.fiscalYears;
			this.cols = {
				...h.columns,
				years: h.columns.years.map((y, k) => ({ ...y, fiscalYear: first[k]! }))
			};
		}
	}

	/** Returns true when the row is the grand total, which ends the table. */
	onRow(row: Row): boolean {
		const cell = (i: number): string => squash(row.cells[i] ?? '');
		const dimCell = cell(this.cols.dimension);
		const missionCell = cell(this.cols.mission);
		const projectsCell = cell(this.cols.projects);
		const total = totalKind(dimCell) ?? totalKind(missionCell);
		if (total) {
			this.onTotal(row, total, [projectsCell, missionCell, dimCell]);
			return total === 'grand';
		}
		if (dimCell) this.onDimensionCell(row.line, dimCell);
		if (missionCell) this.onMissionCell(row.line, missionCell);
		// Remarks: the หมายเหตุ cell and any extra cell after it (line 179 has one more cell).
		const lastYear = this.cols.years[this.cols.years.length - 1]!.col;
		const from = this.cols.remarks ?? lastYear + 1;
		const remark = squash(row.cells.slice(from).join(' ')) || null;
		const items = this.onProjectsCell(row.line, projectsCell, remark);
		this.onBudgets(row, items);
		return false;
	}

	private startBlock(dimension: Dimension | null, name: string, at: number): void {
		const known =
			dimension === null ? undefined : this.blocks.find((b) => b.dimension === dimension);
		if (known && known === this.block) return; // the dimension cell repeated on a new page
		this.block = known ?? {
			dimension,
			name,
			line: at,
			subtotal: null,
			itemCount: 0,
			sums: new Map(),
			unreadable: new Map()
		};
		if (!known) this.blocks.push(this.block);
		this.lastItem = null;
		this.lastOrdinal = null;
		this.mission = null;
	}

	private currentBlock(at: number): DimensionBlock {
		if (!this.block) this.startBlock(null, '', at);
		return this.block!;
	}

	private onDimensionCell(at: number, text: string): void {
		const heading = dimensionHeading(text);
		const m = /^(\d{1,3})\s*[.)]?\s*/.exec(thaiToArabicDigits(text));
		const name = text.replace(/^(?:[^\s]*ที่\s*)?[๐-๙\d]{1,3}\s*[.)]?\s*/, '');
		if (heading) this.startBlock(heading, name, at);
		else if (m) {
			const n = Number(m[1]);
			if (n >= 1 && n <= 4) this.startBlock(n as Dimension, name, at);
			else {
				this.problems.push(issue.badDimension(at, text));
				this.startBlock(null, name, at);
			}
		} else if (this.block) {
			// A dimension name broken across a page break.
			this.block.name = joinSquashed(this.block.name, text);
		}
	}

	private onMissionCell(at: number, text: string): void {
		const arabic = thaiToArabicDigits(text);
		const starts = [...arabic.matchAll(/(?<=^|\s)(\d+(?:\.\d+)+)(?=\s|$)/g)];
		const lead = text.slice(0, starts[0]?.index ?? text.length).trim();
		if (lead && this.mission) this.mission.text = joinSquashed(this.mission.text, lead);
		starts.forEach((m, k) => {
			const end = starts[k + 1]?.index ?? text.length;
			const body = text.slice(m.index + m[0].length, end).trim();
			this.mission = {
				dimension: this.currentBlock(at).dimension,
				code: m[1]!,
				text: body,
				line: at,
				items: []
			};
			this.missions.push(this.mission);
		});
	}

	private onProjectsCell(at: number, text: string, remark: string | null): Item[] {
		if (!text) return [];
		const block = this.currentBlock(at);
		const expected = this.lastOrdinal === null ? null : this.lastOrdinal + 1;
		const split = splitProjects(text, expected);
		if (split.lead) {
			if (this.lastItem) {
				this.lastItem.name = joinSquashed(this.lastItem.name, split.lead);
				(this.lastItem.lines ??= []).push(at);
				if (itemKindOf(split.lead)) {
					this.problems.push(issue.continuationLooksLikeProject(at, split.lead));
				}
			} else this.problems.push(issue.unnumberedProjectText(at, split.lead));
		}
		const first = split.projects[0];
		if (first && expected !== null && first.ordinal !== expected) {
			this.problems.push(issue.ordinalOutOfSequence(at, expected, first.ordinal));
		}
		const items = split.projects.map((p): Item => ({
			ordinal: p.ordinal,
			dimension: block.dimension,
			name: p.name,
			itemKind: itemKindOf(p.name),
			budget: {},
			quarters: null,
			status: null,
			disbursed: null,
			line: at,
			remark
		}));
		for (const item of items) {
			this.items.push(item);
			this.mission?.items.push(item.ordinal);
			block.itemCount++;
			this.lastItem = item;
			this.lastOrdinal = item.ordinal;
		}
		return items;
	}

	private addSum(block: DimensionBlock, year: number, satang: number): void {
		block.sums.set(year, (block.sums.get(year) ?? 0) + satang);
		this.totalSums.set(year, (this.totalSums.get(year) ?? 0) + satang);
	}

	private onBudgets(row: Row, items: Item[]): void {
		const ordinals = items.map((i) => i.ordinal);
		const shared: Record<string, string> = {};
		const orphan: Record<string, string> = {};
		let orphanMoney = false;
		const empty: number[] = [];
		for (const { fiscalYear, col } of this.cols.years) {
			const key = String(fiscalYear);
			const text = squash(row.cells[col] ?? '');
			const read = readAmountCell(text);
			if (read.kind === 'empty') {
				if (items.length > 0) empty.push(fiscalYear);
				continue;
			}
			const block = this.currentBlock(row.line);
			if (read.kind === 'bad') {
				this.problems.push(issue.badAmount(row.line, fiscalYear, read.text));
				for (const item of items) item.budget[key] = null;
				if (!block.unreadable.has(fiscalYear)) block.unreadable.set(fiscalYear, row.line);
				if (!this.unreadable.has(fiscalYear)) this.unreadable.set(fiscalYear, row.line);
				continue;
			}
			for (const a of read.amounts) this.addSum(block, fiscalYear, a.satang);
			const assigned = assignAmounts(read.amounts, items.length);
			items.forEach((item, k) => (item.budget[key] = assigned.values[k] ?? null));
			if (assigned.reason === null) continue;
			for (const amount of assigned.unassigned) {
				this.unassigned.push({
					line: row.line,
					fiscalYear,
					amount,
					items: ordinals,
					reason: assigned.reason
				});
			}
			if (assigned.reason === 'shared_cell') shared[key] = text;
			else {
				orphan[key] = text;
				if (read.amounts.some((a) => a.satang > 0)) orphanMoney = true;
			}
		}
		if (Object.keys(shared).length > 0) {
			this.problems.push(issue.budgetSharedCell(row.line, ordinals, shared));
		}
		// A row of dashes naming no project (annual plan of เทศบาลเมืองพิชัย, lines 148–151) is kept
		// as unassigned zeros so that the column stays complete; it moves no money and hides no
		// project, so it is not reported as a problem.
		if (orphanMoney) this.problems.push(issue.budgetRowWithoutItem(row.line, orphan));
		if (empty.length > 0) this.problems.push(issue.budgetCellEmpty(row.line, ordinals, empty));
	}

	private onTotal(row: Row, kind: 'sub' | 'grand', labelCells: string[]): void {
		const countCell = labelCells.find((c) => /โครงการ/.test(c)) ?? '';
		// From the start of a run of digits only: from inside one, each start rescanned the run.
		const count = /(?<![๐-๙\d,])([๐-๙\d,]+)\s*โครงการ/.exec(countCell);
		const total: DeclaredTotal = {
			line: row.line,
			itemCount: count ? parseThaiInt(count[1]!) : null,
			budget: {}
		};
		for (const { fiscalYear, col } of this.cols.years) {
			const text = squash(row.cells[col] ?? '');
			const b = text ? parseBaht(text) : null;
			if (text && !b) this.problems.push(issue.badAmount(row.line, fiscalYear, text));
			total.budget[String(fiscalYear)] = b ? b.value : null;
		}
		if (kind === 'grand') {
			this.grandTotal = total;
			return;
		}
		const block = this.currentBlock(row.line);
		if (block.subtotal) {
			this.problems.push(issue.duplicateSubtotal(row.line, block.dimension, block.subtotal.line));
		} else block.subtotal = total;
	}
}
