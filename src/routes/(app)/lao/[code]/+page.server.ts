import { error } from '@sveltejs/kit';
import { withScope } from '$lib/server/db';
import * as extracts from '$lib/server/extracts';
import * as lao from '$lib/server/lao';
import { t } from '$lib/i18n';
import type { PageServerLoad } from './$types';

/** /lao/4520106: one LAO's documents, years and follow-through. Malformed → 400, unknown → 404. */
export const load: PageServerLoad = async ({ params, parent, locals }) => {
	const { lang } = await parent();
	if (!lao.isDlaCode(params.code)) {
		error(400, `${t('lao_page_bad_code', 'th')} / ${t('lao_page_bad_code', 'en')}`);
	}
	const scope = extracts.scopeFor(locals);
	const page = await withScope(scope, (db) => lao.getLaoPage(db, scope, params.code), {
		readOnly: true
	});
	if (!page) {
		error(
			404,
			`${t('lao_page_not_found', 'th')} (${params.code}) / ${t('lao_page_not_found', 'en')}`
		);
	}
	return { lang, ...page };
};
