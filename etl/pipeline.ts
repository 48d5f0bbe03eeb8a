import { documentFault, type DocumentFault, type Fault } from './fault.ts';
import { finishRun, loadDocument, recordRunEvent, startRun } from './load/index.ts';
import { bulkInsert } from './load/bulk-insert.ts';
import { parseDocumentWithSource, PARSER_VERSION } from './parse/index.ts';
import type { Registry } from './registry/resolve.ts';
import { openSource, type SourceOptions } from './sources/index.ts';
import type { Database } from '../db/client.ts';

/**
 * What a source reads at most. Larger than the parser's cap (20 MiB) on purpose: a file between
 * the two is read, hashed and kept as a quarantined document (`document_too_large`) that names
 * what it was; only files beyond this are skipped unread (a `run_events` row says so).
 */
export const SOURCE_MAX_BYTES = 64 * 1024 * 1024;

export interface IngestOptions extends SourceOptions {
	registry: Registry | null;
	isSynthetic?: boolean;
	/** Called once per source entry, for progress output. */
	onEntry?: (entry: IngestEvent) => void;
	runKind?: 'ingest' | 'demo';
	/** Crash tests only (etl/fault.ts): where this process kills itself. */
	fault?: Fault | null;
	/** Told when the fault was armed and the run ended without reaching it. */
	onFaultMissed?: (message: string) => void;
}

export type IngestEvent =
	| {
			type: 'document';
			origin: string;
			outcome: 'loaded' | 'quarantined' | 'duplicate';
			verdict: string;
			kind: string | null;
			documentId: number;
	  }
	| { type: 'skipped'; origin: string; code: string; reason: string }
	| { type: 'failed'; origin: string; code: string; message: string; retryable: boolean };

export interface IngestSummary {
	runId: number;
	seen: number;
	loaded: number;
	quarantined: number;
	duplicate: number;
	skipped: number;
	failed: number;
	events: IngestEvent[];
}

/**
 * Ingests every document a source yields: parse + validate, then one transaction per document.
 * The counts always add up: seen = loaded + quarantined + duplicate. Files that are not documents
 * are `skipped` and fetches that failed are `failed`, each recorded with its reason.
 */
export async function ingest(
	db: Database,
	path: string,
	options: IngestOptions
): Promise<IngestSummary> {
	const isSynthetic = options.isSynthetic ?? false;
	const runId = await startRun(db, {
		kind: options.runKind ?? 'ingest',
		source: path,
		isSynthetic,
		parserVersion: PARSER_VERSION
	});
	const summary: IngestSummary = {
		runId,
		seen: 0,
		loaded: 0,
		quarantined: 0,
		duplicate: 0,
		skipped: 0,
		failed: 0,
		events: []
	};
	const counts = () => ({
		seen: summary.seen,
		loaded: summary.loaded,
		quarantined: summary.quarantined,
		duplicate: summary.duplicate,
		skipped: summary.skipped,
		failed: summary.failed
	});
	try {
		for await (const entry of openSource(path, {
			...options,
			maxBytes: options.maxBytes ?? SOURCE_MAX_BYTES
		})) {
			let event: IngestEvent;
			let fault: DocumentFault | null = null;
			if (entry.type === 'skipped') {
				summary.skipped++;
				event = { type: 'skipped', origin: entry.origin, code: entry.code, reason: entry.reason };
				await recordRunEvent(db, runId, {
					type: 'skipped',
					origin: entry.origin,
					code: entry.code,
					message: entry.reason
				});
			} else if (entry.type === 'failed') {
				summary.failed++;
				await recordRunEvent(db, runId, {
					type: 'failed',
					origin: entry.origin,
					code: entry.code,
					message: entry.message,
					retryable: entry.retryable
				});
				event = {
					type: 'failed',
					origin: entry.origin,
					code: entry.code,
					message: entry.message,
					retryable: entry.retryable
				};
			} else {
				summary.seen++;
				fault = documentFault(options.fault ?? null, summary.seen);
				fault?.at('after_read');
				const { report, source } = parseDocumentWithSource(entry.bytes, {
					registry: options.registry,
					hint: entry.hint,
					onParsed: fault?.onParsed
				});
				fault?.at('after_validate');
				const result = await loadDocument(
					db,
					{
						runId,
						report,
						origin: entry.origin,
						originKind: entry.originKind,
						byteSize: entry.bytes.length,
						content: source ? source.lines.join('\n') : null,
						isSynthetic
					},
					fault?.insert ?? bulkInsert,
					fault?.load
				);
				summary[result.outcome]++;
				event = {
					type: 'document',
					origin: entry.origin,
					outcome: result.outcome,
					verdict: report.verdict,
					kind: report.kind,
					documentId: result.documentId
				};
			}
			summary.events.push(event);
			options.onEntry?.(event);
			fault?.at('after_commit');
			const missed = fault?.missed();
			if (missed) options.onFaultMissed?.(missed);
		}
	} catch (e) {
		// The run is marked failed with the loader's own message; if even that write fails, the
		// original error is still the one the caller sees.
		try {
			await finishRun(db, runId, counts(), 'failed', (e as Error).message);
		} catch {
			/* keep e */
		}
		throw e;
	}
	await finishRun(db, runId, counts(), 'completed');
	return summary;
}
