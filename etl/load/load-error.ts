export type LoadErrorCode =
	/** The database refused the document (a constraint, a lost connection): nothing was written. */
	| 'load_failed'
	/** The report breaks an invariant the parser promises (NaN amount, a year that is not one). */
	| 'invalid_report'
	/** The database answered something that cannot be (RETURNING rows out of order). */
	| 'invariant';

export interface LoadErrorWhere {
	origin?: string;
	sha256?: string;
	line?: number | null;
}

/**
 * The one thing the loader throws; the document's transaction is rolled back when it does.
 * Reads as `annual-2568.txt:42 plan_items: new row violates check constraint …`.
 */
export class LoadError extends Error {
	override readonly name = 'LoadError';

	constructor(
		readonly code: LoadErrorCode,
		readonly detail: string,
		readonly where: LoadErrorWhere = {},
		options?: { cause?: unknown }
	) {
		super(`${place(where)}${detail}`, options);
	}

	/** The same error, placed in a document. */
	in(where: LoadErrorWhere): LoadError {
		return new LoadError(
			this.code,
			this.detail,
			{ ...where, ...this.where },
			{ cause: this.cause }
		);
	}
}

function place({ origin, line }: LoadErrorWhere): string {
	if (!origin) return line ? `line ${line}: ` : '';
	return line ? `${origin}:${line} ` : `${origin}: `;
}

/** The innermost message: drizzle wraps the driver's error ("Failed query: …") in its own. */
export function rootMessage(error: unknown): string {
	let e = error;
	while (e instanceof Error && e.cause instanceof Error) e = e.cause;
	return e instanceof Error ? e.message : String(e);
}
