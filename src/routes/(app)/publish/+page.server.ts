import { withScope } from '$lib/server/db';
import * as releases from '$lib/server/releases';
import { forgetLatestVersion } from '$lib/server/releases/latest-version';
import { nationalScope, readPublishRequest, stale } from '$lib/server/releases/publish-request';
import type { Actions, PageServerLoad } from './$types';

/** /publish: what a release published now would change against the latest one. */
export const load: PageServerLoad = async ({ locals, parent }) => {
	const { lang, digits } = await parent();
	const scope = nationalScope(locals, lang);
	const preview = await withScope(scope, (db) => releases.previewRelease(db), { readOnly: true });
	return {
		lang,
		digits,
		preview: { ...preview, latest: preview.latest && releases.summaryOf(preview.latest) }
	};
};

export const actions: Actions = {
	/** Publishes the next release, unless someone published after the analyst's preview (409). */
	default: async ({ request, locals, cookies }) => {
		const lang = cookies.get('lang') === 'en' ? 'en' : 'th';
		const asked = readPublishRequest(await request.formData(), locals, lang);
		if (!('scope' in asked)) return asked; // fail(400): bad input, shown with the form
		const published = await withScope(asked.scope, async (db) => {
			const latest = await releases.latestRelease(db);
			if ((latest?.version ?? 0) !== asked.basedOn) return null;
			return releases.publishRelease(db, {
				publishedBy: asked.publishedBy,
				note: asked.note,
				now: new Date()
			});
		});
		if (!published) return stale(asked.note);
		// The public pages kept for the last release are not answered again (response-cache).
		forgetLatestVersion();
		return { published: published.version };
	}
};
