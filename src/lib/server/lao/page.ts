import type { Database } from '../../../../db/client.ts';
import type { LaoPage } from '../../components/lao/types.ts';
import type { Scope } from '../extracts/scope.ts';
import { followThrough } from './follow.ts';
import {
	annualEntries,
	filedYears,
	laoDocuments,
	laoHeader,
	planEntries,
	reportEntries
} from './queries.ts';
import { yearSummaries } from './year-summary.ts';

/**
 * One LAO's page: header, documents, per-year summary and the follow-through table. null when the
 * LAO is not in the register or not within the scope (the route answers 404 for both, so that a
 * scope does not reveal which LAOs exist outside it).
 */
export async function getLaoPage(
	db: Database,
	scope: Scope,
	code: string
): Promise<LaoPage | null> {
	const lao = await laoHeader(db, scope, code);
	if (!lao) return null;
	const [documents, filed, plan, annual, report] = await Promise.all([
		laoDocuments(db, scope, code),
		filedYears(db, scope, code),
		planEntries(db, scope, code),
		annualEntries(db, scope, code),
		reportEntries(db, scope, code)
	]);
	const input = { plan, annual, report, annualYears: filed.annual, reportYears: filed.report };
	const synthetic =
		lao.isSynthetic ||
		documents.some((d) => d.isSynthetic) ||
		[...plan, ...annual, ...report].some((e) => e.isSynthetic);
	return {
		lao,
		documents,
		summary: yearSummaries(input),
		follow: followThrough(input),
		synthetic
	};
}
