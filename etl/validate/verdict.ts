import type { Check, Problem, Verdict } from '../parse/common/types.ts';

/**
 * The verdict, from what the parsers recorded:
 * - `quarantined`: an error-severity problem (the document could not be read as its kind) or a
 *   failed error-severity check (its grand total disagrees with its items and no located layout
 *   damage explains it). Kept with its reasons; no facts loaded.
 * - `accepted_with_warnings`: loaded, but some check failed or a warning was recorded. A document
 *   whose own totals disagree is never `accepted`.
 * - `accepted`: every check passed and nothing was recorded.
 */
export function verdictOf(checks: readonly Check[], problems: readonly Problem[]): Verdict {
	if (problems.some((p) => p.severity === 'error')) return 'quarantined';
	if (checks.some((c) => !c.ok && c.severity === 'error')) return 'quarantined';
	if (problems.length > 0 || checks.some((c) => !c.ok)) return 'accepted_with_warnings';
	return 'accepted';
}
