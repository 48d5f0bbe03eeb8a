import { error, fail } from '@sveltejs/kit';
import { t } from '$lib/i18n';
import { parseNote } from '$lib/releases/note';
import { withScope } from '$lib/server/db';
import * as extracts from '$lib/server/extracts';
import * as releases from '$lib/server/releases';
import type { Actions, PageServerLoad } from './$types';

/**
 * National scope or nothing: the access table already keeps other viewers out, and this asks
 * again, so that an officer gets a 403 even if the table were wrong.
 */
function nationalScope(locals: App.Locals, lang: 'th' | 'en') {
	const scope = extracts.scopeFor(locals);
	if (scope.kind !== 'national') error(403, t('publish_forbidden', lang));
	return scope;
}

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
	/**
	 * Publishes the next release. `based_on` is the latest version the analyst previewed: if
	 * someone published meanwhile, nothing is published (409) and the preview is shown again.
	 */
	default: async ({ request, locals, cookies }) => {
		const lang = cookies.get('lang') === 'en' ? 'en' : 'th';
		const scope = nationalScope(locals, lang);
		const form = await request.formData();
		const raw = form.get('note');
		const typed = typeof raw === 'string' ? raw : '';
		const note = parseNote(raw);
		if (!note.ok) return fail(400, { note: typed, error: note.code, length: note.length });
		const basedOn = form.get('based_on');
		if (typeof basedOn !== 'string' || !/^(0|[1-9][0-9]{0,8})$/.test(basedOn)) {
			return fail(400, { note: typed, error: 'based_on' as const, length: 0 });
		}
		const viewer = locals.viewer;
		const publishedBy = viewer.kind === 'account' ? viewer.account.id : null;
		const published = await withScope(scope, async (db) => {
			const latest = await releases.latestRelease(db);
			if ((latest?.version ?? 0) !== Number(basedOn)) return null;
			return releases.publishRelease(db, { publishedBy, note: note.note, now: new Date() });
		});
		if (!published) return fail(409, { note: typed, error: 'stale' as const, length: 0 });
		return { published: published.version };
	}
};
