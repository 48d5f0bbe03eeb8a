export type QueryErrorCode = 'engine_failed' | 'fetch_failed' | 'load_failed' | 'query_failed';

/**
 * A failure of the query layer that keeps what was asked (the SQL, or the extract) and why
 * (the engine's or the network's error as `cause`). `code` is stable; the message is for people.
 */
export class QueryError extends Error {
	readonly code: QueryErrorCode;
	readonly sql: string | null;
	readonly extract: string | null;

	constructor(
		code: QueryErrorCode,
		detail: { sql?: string; extract?: string; message?: string },
		options?: { cause?: unknown }
	) {
		const cause = options?.cause instanceof Error ? options.cause.message : options?.cause;
		const what = detail.extract ? `extract '${detail.extract}'` : 'query';
		super(
			detail.message ?? `${code}: ${what}${cause === undefined ? '' : `: ${String(cause)}`}`,
			options
		);
		this.name = 'QueryError';
		this.code = code;
		this.sql = detail.sql ?? null;
		this.extract = detail.extract ?? null;
	}
}
