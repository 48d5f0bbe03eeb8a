import { writeSync } from 'node:fs';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../db/client.ts';
import { chunks } from './load/batch.ts';
import { bulkInsert } from './load/bulk-insert.ts';
import type { Inserter, LoadHooks } from './load/load-document.ts';

/**
 * The crash tests' fault hook: `SUJARIT_FAULT=<point>:<document>[:<batch>]` makes `etl ingest`
 * kill itself with SIGKILL (no cleanup, no finally block, no exit handler) at a named point of
 * its document-th document: 1-based, in the order the source yields documents (skipped files
 * and failed fetches are not documents).
 *
 *   after_read      the bytes are read; nothing parsed
 *   after_parse     tables, checks and problems read; the verdict not drawn yet (ParseOptions.onParsed)
 *   after_validate  the report and its verdict are back in the pipeline; no transaction yet
 *   after_begin     the document's transaction is open (BEGIN answered), nothing written in it
 *   after_batch     after the <batch>-th bulk INSERT statement of the document's transaction has
 *                   answered: batches, not rows, since rows travel BATCH_SIZE (500) at a time in
 *                   one statement and a process can only die between statements. Batch 1 is the
 *                   first statement after the source_documents row (doc_tables, or quarantine
 *                   for a quarantined document); a table of 1,200 rows is three batches.
 *   before_commit   every row written, COMMIT not sent
 *   after_commit    COMMIT answered and the progress line printed; the next document not read
 *                   (for the last document: the run not finished)
 *
 * It cannot fire by accident: only `etl ingest` reads the variable (the server and the other
 * commands never do), a malformed value is a usage error (exit 2) rather than ignored, it is
 * refused when NODE_ENV=production, and an armed hook is announced on stderr before anything
 * is read. Unset, it costs one environment read per ingest: the pipeline holds `null` and every
 * point is a skipped `?.` call.
 */
export const FAULT_ENV = 'SUJARIT_FAULT';

export const FAULT_POINTS = [
	'after_read',
	'after_parse',
	'after_validate',
	'after_begin',
	'after_batch',
	'before_commit',
	'after_commit'
] as const;
export type FaultPoint = (typeof FAULT_POINTS)[number];

export interface Fault {
	point: FaultPoint;
	/** 1-based: the document-th document of the run. */
	document: number;
	/** after_batch only: the batch-th INSERT statement of that document's transaction, 1-based. */
	batch: number | null;
	/** As written in the variable. */
	spec: string;
}

export class FaultSpecError extends Error {
	readonly code = 'fault_spec';
	override readonly name = 'FaultSpecError';
}

const SPEC = /^([a-z_]+):([1-9]\d{0,8})(?::([1-9]\d{0,8}))?$/;

export function parseFault(spec: string): Fault {
	const m = SPEC.exec(spec.trim());
	const point = m?.[1] as FaultPoint | undefined;
	if (!m || !point || !FAULT_POINTS.includes(point)) {
		throw new FaultSpecError(
			`${FAULT_ENV}=${spec}: expected <point>:<document>[:<batch>], point one of ${FAULT_POINTS.join(', ')}`
		);
	}
	const batch = m[3] === undefined ? null : Number(m[3]);
	if ((point === 'after_batch') !== (batch !== null)) {
		throw new FaultSpecError(
			`${FAULT_ENV}=${spec}: a batch number goes with after_batch, and only with it (after_batch:3:2)`
		);
	}
	return { point, document: Number(m[2]), batch, spec: spec.trim() };
}

/** The armed fault, or null when the variable is unset or empty. Throws FaultSpecError. */
export function faultFromEnv(env: NodeJS.ProcessEnv = process.env): Fault | null {
	const spec = env[FAULT_ENV];
	if (spec === undefined || spec === '') return null;
	if (env.NODE_ENV === 'production') {
		throw new FaultSpecError(
			`${FAULT_ENV} is for crash tests and refused when NODE_ENV=production`
		);
	}
	return parseFault(spec);
}

/** The line printed on stderr when the hook is armed, before the ingest reads anything. */
export function announce(fault: Fault): string {
	return (
		`${FAULT_ENV}=${fault.spec}: ทดสอบการล่ม โปรเซสนี้จะฆ่าตัวเองด้วย SIGKILL / crash test: this process ` +
		`will SIGKILL itself at ${fault.point}${fault.batch === null ? '' : ` batch ${fault.batch}`} ` +
		`of document ${fault.document}\n`
	);
}

/** Dies at once. Written with writeSync so that the line is out before the signal lands. */
function die(fault: Fault, detail: string): never {
	writeSync(2, `${FAULT_ENV}=${fault.spec}: SIGKILL ${detail}\n`);
	process.kill(process.pid, 'SIGKILL');
	// Linux delivers a signal sent to oneself before kill() returns; should it not, nothing more
	// of this process may run (no further statement, no COMMIT): block until it lands.
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
	throw new Error('unreachable: SIGKILL did not end the process');
}

/** What the pipeline calls for one document; null for every document the fault is not about. */
export interface DocumentFault {
	at(point: Exclude<FaultPoint, 'after_batch'>): void;
	/** For ParseOptions.onParsed. */
	onParsed: () => void;
	/** For loadDocument: the transaction's points. */
	load: LoadHooks;
	/** For loadDocument: bulkInsert, one statement per batch as always, counting them. */
	insert: Inserter;
	/** Set when the document's load returned without reaching its batch (the batch is too high). */
	missed(): string | null;
}

export function documentFault(fault: Fault | null, document: number): DocumentFault | null {
	if (!fault || fault.document !== document) return null;
	let batches = 0;
	let rows = 0;
	const at = (point: FaultPoint) => {
		if (point === fault.point) die(fault, `${point} of document ${document}`);
	};
	const insert = async <T extends PgTable>(
		db: Database,
		table: T,
		all: ReadonlyArray<T['$inferInsert']>,
		returning: ReadonlyArray<keyof T['$inferSelect'] & string> = []
	): Promise<Array<Record<string, unknown>>> => {
		const out: Array<Record<string, unknown>> = [];
		// A chunk of at most BATCH_SIZE rows is one statement in bulkInsert: the same statements
		// as without the hook, one at a time.
		for (const chunk of chunks(all)) {
			out.push(...(await bulkInsert(db, table, chunk, returning)));
			batches++;
			rows += chunk.length;
			if (fault.point === 'after_batch' && batches === fault.batch) {
				die(fault, `after batch ${batches} of document ${document} (${rows} rows written)`);
			}
		}
		return out;
	};
	return {
		at,
		onParsed: () => at('after_parse'),
		load: { afterBegin: () => at('after_begin'), beforeCommit: () => at('before_commit') },
		insert,
		missed: () =>
			fault.point === 'after_batch'
				? `${FAULT_ENV}=${fault.spec} not reached: document ${document} wrote ${batches} batches (${rows} rows)`
				: null
	};
}
