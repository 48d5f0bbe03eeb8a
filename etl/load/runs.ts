import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { loadRuns, runEvents } from '../../db/schema/index.ts';
import type { RunKind, RunStatus } from '../../db/schema/values.ts';
import { refreshFactCube } from './fact-cube.ts';

export interface RunStart {
	kind: RunKind;
	/** What the run reads: a folder, a manifest URL, a register file. */
	source: string;
	isSynthetic: boolean;
	parserVersion: string;
}

export interface RunCounts {
	seen: number;
	loaded: number;
	quarantined: number;
	duplicate: number;
	skipped: number;
	failed: number;
}

/** Opens a run in the ledger (status 'running') and returns its id for the rows it loads. */
export async function startRun(db: Database, run: RunStart): Promise<number> {
	const [row] = await db.insert(loadRuns).values(run).returning({ id: loadRuns.id });
	return row!.id;
}

/**
 * Closes a run with its counts; counts left out stay as they are. The pre-aggregated fact_cube is
 * rebuilt first (a failed run may still have loaded documents; a register import changes LAO
 * types), so that once the run shows as finished — which moves the data version the dashboard
 * caches by — the cube already matches.
 */
export async function finishRun(
	db: Database,
	id: number,
	counts: Partial<RunCounts>,
	status: Exclude<RunStatus, 'running'>,
	error?: string
): Promise<void> {
	await refreshFactCube(db);
	await db
		.update(loadRuns)
		.set({ ...counts, status, error: error ?? null, finishedAt: sql`now()` })
		.where(eq(loadRuns.id, id));
}

export interface RunEvent {
	type: 'skipped' | 'failed';
	origin: string;
	code: string;
	message: string;
	retryable?: boolean | null;
}

/**
 * PostgreSQL text cannot hold NUL: one in an origin or a message (a hostile manifest row) would
 * fail the insert and with it the whole run. The sources never put one there; this is the last
 * line, writing U+FFFD as a decoder would.
 */
const storable = (text: string) => text.replaceAll('\u0000', '\uFFFD');

/** Records what a run met that was not a document (a skipped file, a failed fetch). */
export async function recordRunEvent(db: Database, runId: number, event: RunEvent): Promise<void> {
	await db.insert(runEvents).values({
		loadRunId: runId,
		...event,
		origin: storable(event.origin),
		message: storable(event.message),
		retryable: event.retryable ?? null
	});
}
