import { nameKey } from '../../text/canonical.ts';
import { itemKindOf, type EplanTable } from '../common/eplan-table.ts';
import type { Item, ItemStatus, Problem, Table } from '../common/types.ts';
import { reportIssue } from './issues.ts';

/** The four status columns, by the words of the second header row ("ดำเนิน การ แล้วเสร็จ"). */
const STATUS_BY_LABEL: Record<string, ItemStatus> = {
	[nameKey('รอรายงาน')]: 'pending',
	[nameKey('อยู่ระหว่างดำเนินการ')]: 'in_progress',
	[nameKey('ดำเนินการแล้วเสร็จ')]: 'done',
	[nameKey('ไม่สามารถดำเนินการได้')]: 'not_done'
};

const STATUSES: readonly ItemStatus[] = ['pending', 'in_progress', 'done', 'not_done'];

export const statusOfLabel = (label: string): ItemStatus | null =>
	STATUS_BY_LABEL[nameKey(label)] ?? null;

/**
 * One E-PlanNACC report table as a Table. A row's status is the column its single tick sits in,
 * that column named by the second header row of the row's page; no tick or several ticks leave
 * the status unknown (`status_ambiguous`).
 */
export function reportTable(t: EplanTable) {
	const fiscalYear = t.title.fiscalYear;
	const problems: Problem[] = [];
	for (const { header } of t.pages) {
		// Any order will do (a tick is read by its column's label); each status once, nothing else.
		const statuses = header.sub.map((s) => statusOfLabel(s.label) ?? '?');
		if ([...statuses].sort().join() === [...STATUSES].sort().join()) continue;
		const at = header.subLine ?? header.line;
		const found = header.sub.map((s) => s.label).join(' / ');
		const expected = STATUSES.join(' / ');
		problems.push(reportIssue('bad_status_header', at, { line: at, found }, { expected, found }));
	}
	const items: Item[] = t.rows.map((r) => {
		const statuses = r.ticked.map(statusOfLabel).filter((s) => s !== null);
		if (statuses.length !== 1) {
			const found = statuses.length === 0 ? 'none' : statuses.join(', ');
			const vars = { ordinal: r.ordinal, count: statuses.length, found };
			problems.push(reportIssue('status_ambiguous', r.line, vars, { expected: 'one tick', found }));
		}
		return {
			ordinal: r.ordinal,
			dimension: r.dimension,
			name: r.name,
			itemKind: itemKindOf(r.name),
			budget: { [fiscalYear]: r.budget },
			quarters: null,
			status: statuses.length === 1 ? statuses[0]! : null,
			disbursed: r.disbursed,
			line: r.line,
			remark: r.remark
		};
	});
	const table: Table = {
		role: 'report',
		fiscalYear,
		lines: t.lines,
		items,
		unassigned: [],
		declared: {
			title: t.title.text,
			period: t.title.period,
			pages: t.pages.map((p) => ({ titleLine: p.titleLine, headerLine: p.header.line })),
			asOf: t.asOf?.date ?? null,
			asOfLine: t.asOf?.line ?? null
		}
	};
	return { table, problems };
}
