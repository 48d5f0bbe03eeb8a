import { error } from '@sveltejs/kit';
import { t } from '$lib/i18n';
import { parseVersion } from '$lib/releases/version';
import { loadReleasePage } from '$lib/server/releases/page';
import type { PageServerLoad } from './$types';

/** /releases/3: one release. A malformed version is a 400, an unpublished one a 404. */
export const load: PageServerLoad = async ({ params, url, parent, isDataRequest }) => {
	const { lang, digits } = await parent();
	const version = parseVersion(params.version);
	if (version === null) {
		const shown = params.version.length > 20 ? `${params.version.slice(0, 20)}…` : params.version;
		error(400, `${t('release_bad_version', lang)}: ${shown}`);
	}
	const page = await loadReleasePage({
		version,
		url,
		lang,
		digits,
		renderFirstChart: !isDataRequest
	});
	if (!page) error(404, `${t('release_not_found', lang)}: ${version}`);
	return { lang, digits, page };
};
