/** What the documents pages show. Shared by the server loads and the views (no server code here). */
import type { Check, Problem, Table, ParseReport } from '../../etl/parse/common/types.ts';

export interface DocumentSummary {
	id: number;
	origin: string;
	kind: string | null;
	verdict: 'accepted' | 'accepted_with_warnings' | 'quarantined';
	laoName: string | null;
	laoDlaCode: string | null;
	laoResolution: string | null;
	provinceCode: string | null;
	provinceName: string | null;
	fiscalYears: number[];
	asOf: string | null;
	itemCount: number;
	failedChecks: number;
	errorCount: number;
	warningCount: number;
	isSynthetic: boolean;
}

export interface DocumentDetail extends DocumentSummary {
	sha256: string;
	byteSize: number;
	title: string | null;
	lineCount: number;
	tables: Table[];
	checks: Check[];
	problems: Problem[];
	/** The decoded source text, split into lines (line n is lines[n - 1]); null if not text. */
	lines: string[] | null;
	/** Fact rows in the database for this document (0 when quarantined). */
	loadedRows: number;
	lao: ParseReport['lao'];
}
