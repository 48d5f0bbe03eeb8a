import { loadReleasePage } from '$lib/server/releases/page';
import type { PageServerLoad } from './$types';

/** The public home page: the latest release, or a plain "nothing published yet" (data null). */
export const load: PageServerLoad = async ({ url, parent, isDataRequest }) => {
	const { lang, digits } = await parent();
	const page = await loadReleasePage({
		version: null,
		url,
		lang,
		digits,
		renderFirstChart: !isDataRequest
	});
	return { lang, digits, page };
};
