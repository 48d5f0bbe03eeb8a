import type { DocumentKind } from '../parse/common/types.ts';
import type { FailureCode, SkipCode } from './messages.ts';

/** What a manifest row may tell about its document before it is parsed. */
export interface DocumentHint {
	laoCode?: string;
	kind?: DocumentKind;
	/** Buddhist Era, as everywhere in the ETL (2568 = FY2025). */
	fiscalYear?: number;
}

export interface SourceDocument {
	type: 'document';
	/** A path relative to the source root (always `/`-separated), or the URL as the manifest wrote it. */
	origin: string;
	originKind: 'file' | 'url';
	bytes: Uint8Array;
	hint?: DocumentHint;
	/** Where the last redirect landed, when that differs from `origin`. */
	finalUrl?: string;
	/** The manifest line (1-based) that named this document. */
	line?: number;
}

/** Something seen and deliberately not read: a .pdf, a hidden folder, a link out of the root... */
export interface SourceSkip {
	type: 'skipped';
	origin: string;
	code: SkipCode;
	reason: string;
	reasonTh: string;
	line?: number;
}

/** Something that should have been a document and could not be had. */
export interface SourceFailure {
	type: 'failed';
	origin: string;
	code: FailureCode;
	message: string;
	messageTh: string;
	/** True when trying again later may succeed (timeouts, resets, 5xx); false for bad input. */
	retryable: boolean;
	/** The manifest line (1-based) of the row, for manifest sources. */
	line?: number;
}

export type SourceEntry = SourceDocument | SourceSkip | SourceFailure;

/** `for await (const entry of source)`; entries come in a stable order. */
export interface Source extends AsyncIterable<SourceEntry> {
	/** How many entries the source will yield, when cheap to know (a progress bar); else null. */
	countHint(): Promise<number | null>;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
export const DEFAULT_MAX_DEPTH = 32;
export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_REDIRECTS = 5;
