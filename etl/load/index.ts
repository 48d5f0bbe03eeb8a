export { BATCH_SIZE } from './batch.ts';
export { CHECKSUM_TABLES, documentChecksums, tableChecksums } from './checksums.ts';
export type { DocumentInput, OriginKind } from './document-row.ts';
export { LoadError, type LoadErrorCode } from './load-error.ts';
export { loadDocument, type LoadOutcome, type LoadResult } from './load-document.ts';
export {
	finishRun,
	recordRunEvent,
	startRun,
	type RunCounts,
	type RunEvent,
	type RunStart
} from './runs.ts';
