import { error } from '@sveltejs/kit';
import { readerOf } from '$lib/server/db';
import * as extracts from '$lib/server/extracts';
import * as lao from '$lib/server/lao';
import { t } from '$lib/i18n';
import type { PageServerLoad } from './$types';

/** The LAO pages one scope keeps (~10–60 KB each). */
const LAO_PAGES: extracts.Bucket = { name: 'lao-pages', max: 256 };

/** /lao/4520106: one LAO's documents, years and follow-through. Malformed → 400, unknown → 404. */
export const load: PageServerLoad = async ({ params, parent, locals }) => {
	const { lang } = await parent();
	if (!lao.isDlaCode(params.code)) {
		error(400, `${t('lao_page_bad_code', 'th')} / ${t('lao_page_bad_code', 'en')}`);
	}
	const scope = extracts.scopeFor(locals);
	// Kept per scope and data version (extracts/cache.ts), like every other read of the facts.
	const run = readerOf(scope);
	const page = await extracts.memoize(
		run,
		scope,
		`lao-page:${params.code}`,
		async () => {
			const full = await run((db) => lao.getLaoPage(db, scope, params.code));
			// The page carries the follow table as it shows it (lao/view.ts), not every match's item.
			return full && { ...full, follow: lao.followView(full.follow) };
		},
		LAO_PAGES
	);
	if (!page) {
		error(
			404,
			`${t('lao_page_not_found', 'th')} (${params.code}) / ${t('lao_page_not_found', 'en')}`
		);
	}
	return { lang, ...page };
};
