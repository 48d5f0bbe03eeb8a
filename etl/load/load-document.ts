import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import * as schema from '../../db/schema/index.ts';
import type { Item, ParseReport } from '../parse/common/types.ts';
import { bulkInsert } from './bulk-insert.ts';
import { documentRow, type DocumentInput } from './document-row.ts';
import { LoadError, rootMessage } from './load-error.ts';
import {
	budgetRows,
	checkRow,
	docTableRows,
	PLAN_ROLES,
	planItemRow,
	problemRow,
	quarantineRows,
	reportItemRow,
	unassignedRows,
	type PlanItemRow,
	type Provenance,
	type ReportItemRow,
	type UnassignedRow
} from './rows.ts';

/**
 * How rows reach the database: bulkInsert (one statement per batch) in production; the benchmark
 * passes a one-INSERT-per-row inserter to measure what batching buys.
 */
export type Inserter = typeof bulkInsert;

export type LoadOutcome = 'loaded' | 'quarantined' | 'duplicate';

/**
 * Points inside the document's transaction, for the crash tests' fault hook (etl/fault.ts);
 * production passes none.
 */
export interface LoadHooks {
	/** BEGIN has been answered; nothing written yet. */
	afterBegin?: () => void;
	/** Every row written; COMMIT is next. */
	beforeCommit?: () => void;
}

export interface LoadResult {
	outcome: LoadOutcome;
	/** The document's row; for a duplicate, the row loaded first. */
	documentId: number;
}

/**
 * Writes one parse report in ONE transaction: the document, then either its facts (tables,
 * items, budgets, unassigned amounts) or, when quarantined, one quarantine row per error and no
 * facts; checks and problems in both cases, since they explain the verdict.
 * Identity is the sha256: a document already present is a 'duplicate' and nothing is written.
 * Rows go in multi-row INSERTs (bulk-insert.ts) of up to BATCH_SIZE rows, never one per row.
 * Throws a LoadError (and writes nothing) when the database refuses any row.
 */
export async function loadDocument(
	db: Database,
	input: DocumentInput,
	insert: Inserter = bulkInsert,
	hooks: LoadHooks = {}
): Promise<LoadResult> {
	try {
		return await db.transaction(async (tx) => {
			hooks.afterBegin?.();
			const result = await write(tx, input, insert);
			hooks.beforeCommit?.();
			return result;
		});
	} catch (error) {
		const where = { origin: input.origin, sha256: input.report.sha256 };
		if (error instanceof LoadError) throw error.in(where);
		throw new LoadError('load_failed', rootMessage(error), where, { cause: error });
	}
}

async function write(
	tx: Database,
	input: DocumentInput,
	bulkInsert: Inserter
): Promise<LoadResult> {
	const { report } = input;
	const [inserted] = await tx
		.insert(schema.sourceDocuments)
		.values(documentRow(input))
		.onConflictDoNothing({ target: schema.sourceDocuments.sha256 })
		.returning({ id: schema.sourceDocuments.id });
	if (!inserted) {
		const [existing] = await tx
			.select({ id: schema.sourceDocuments.id })
			.from(schema.sourceDocuments)
			.where(eq(schema.sourceDocuments.sha256, report.sha256));
		if (!existing) throw new LoadError('invariant', 'sha256 conflict without a row');
		return { outcome: 'duplicate', documentId: existing.id };
	}
	const base: Provenance = {
		loadRunId: input.runId,
		sourceDocumentId: inserted.id,
		isSynthetic: input.isSynthetic
	};
	const quarantined = report.verdict === 'quarantined';
	if (quarantined) {
		const ctx = { ...base, origin: input.origin, sha256: report.sha256 };
		await bulkInsert(tx, schema.quarantine, quarantineRows(report, ctx));
	} else {
		await writeFacts(tx, report, base, bulkInsert);
	}
	await bulkInsert(
		tx,
		schema.checks,
		report.checks.map((c) => checkRow(c, base))
	);
	await bulkInsert(
		tx,
		schema.problems,
		report.problems.map((p) => problemRow(p, base))
	);
	return { outcome: quarantined ? 'quarantined' : 'loaded', documentId: inserted.id };
}

async function writeFacts(
	tx: Database,
	report: ParseReport,
	base: Provenance,
	bulkInsert: Inserter
): Promise<void> {
	if (report.tables.length === 0) return;
	const laoDlaCode = report.lao?.dlaCode ?? null;
	const tables = docTableRows(report, base);
	const tableIds = idsInOrder(
		tables,
		await bulkInsert(tx, schema.docTables, tables, ['id', 'tableIndex', 'sourceLine']),
		'doc_tables'
	);

	const planItems: PlanItemRow[] = [];
	const planSource: Item[] = [];
	const reportItems: ReportItemRow[] = [];
	const unassigned: UnassignedRow[] = [];
	report.tables.forEach((table, i) => {
		const tableId = tableIds[i] as number;
		for (const item of table.items) {
			if (PLAN_ROLES.has(table.role)) {
				planItems.push(planItemRow(item, tableId, laoDlaCode, base));
				planSource.push(item);
			} else {
				reportItems.push(reportItemRow(item, table, tableId, laoDlaCode, base));
			}
		}
		// No spread: a damaged document can hold more rows than the call stack takes arguments.
		for (const row of unassignedRows(table, tableId, base)) unassigned.push(row);
	});

	const itemIds = idsInOrder(
		planItems,
		await bulkInsert(tx, schema.planItems, planItems, ['id', 'ordinal', 'sourceLine']),
		'plan_items'
	);
	const budgets = planSource.flatMap((item, i) => budgetRows(item, itemIds[i] as number, base));
	await bulkInsert(tx, schema.planItemBudgets, budgets);
	await bulkInsert(tx, schema.reportItems, reportItems);
	await bulkInsert(tx, schema.unassignedAmounts, unassigned);
}

/**
 * The ids RETURNING gave, in the order the rows were sent. Children are linked by that order,
 * which PostgreSQL keeps for INSERT … SELECT FROM unnest in practice but does not promise, so
 * each returned row's keys are compared with the row sent: the assumption is checked, not trusted.
 */
function idsInOrder(
	sent: ReadonlyArray<Record<string, unknown>>,
	got: ReadonlyArray<Record<string, unknown>>,
	table: string
): number[] {
	const same = (a: Record<string, unknown>, b: Record<string, unknown>) =>
		Object.keys(b).every((k) => k === 'id' || a[k] === b[k]);
	if (
		got.length !== sent.length ||
		got.some((r, i) => !same(sent[i] as Record<string, unknown>, r))
	) {
		throw new LoadError('invariant', `${table}: RETURNING rows do not match the rows sent`);
	}
	return got.map((r) => Number(r.id));
}
