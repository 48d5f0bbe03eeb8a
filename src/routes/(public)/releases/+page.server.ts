import { withScope } from '$lib/server/db';
import * as releases from '$lib/server/releases';
import type { PageServerLoad } from './$types';

/** /releases: every published release, newest first (release tables only, scope 'public'). */
export const load: PageServerLoad = async ({ parent }) => {
	const { lang, digits } = await parent();
	const list = await withScope(
		{ kind: 'public' },
		async (db) => (await releases.listReleases(db)).map(releases.summaryOf),
		{ readOnly: true }
	);
	return { lang, digits, releases: list };
};
