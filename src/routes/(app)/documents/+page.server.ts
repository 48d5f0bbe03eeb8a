import { listDocuments } from '$lib/server/documents';
import * as extracts from '$lib/server/extracts';
import { readerOf } from '$lib/server/db';
import { heavy } from '$lib/server/db/heavy';
import type { PageServerLoad } from './$types';

const VERDICTS = ['accepted', 'accepted_with_warnings', 'quarantined'];
const KINDS = ['multi_year_plan', 'annual_plan', 'progress_report'];

export const load: PageServerLoad = async ({ url, parent, locals }) => {
	const { lang } = await parent();
	const verdict = url.searchParams.get('verdict');
	const kind = url.searchParams.get('kind');
	const province = url.searchParams.get('province');
	const filter = {
		verdict: verdict && VERDICTS.includes(verdict) ? verdict : null,
		kind: kind && KINDS.includes(kind) ? kind : null,
		province: province && /^\d{2}$/.test(province) ? province : null
	};
	const pageParam = url.searchParams.get('page') ?? '1';
	const page = /^\d{1,6}$/.test(pageParam) ? Number(pageParam) : 1;
	const scope = extracts.scopeFor(locals);
	// Kept per scope and data version: two counts and a sort over every document in scope
	// (82,303 nationally, ~0.25 s) for a page that changes only when a run finishes.
	const key = `documents:${filter.verdict}:${filter.kind}:${filter.province}:${page}`;
	const run = readerOf(scope);
	const result = await extracts.memoize(run, scope, key, () =>
		heavy(scope, () => run((db) => listDocuments(db, scope, filter, page)))
	);
	return { lang, ...result, filter };
};
