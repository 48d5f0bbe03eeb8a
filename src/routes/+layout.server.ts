import { isDigits, isLang, type Lang } from '$lib/i18n';
import type { Digits } from '$lib/format/number';
import * as access from '$lib/server/access';
import type { Cookies } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

const YEAR = 31536000;

/** A preference asked for in the query (?lang=en, ?digits=thai) is remembered in a cookie. */
function preference<T extends string>(
	url: URL,
	cookies: Cookies,
	name: string,
	valid: (v: unknown) => v is T,
	fallback: T
): T {
	const asked = url.searchParams.get(name);
	if (valid(asked)) {
		cookies.set(name, asked, { path: '/', httpOnly: false, sameSite: 'lax', maxAge: YEAR });
		return asked;
	}
	const saved = cookies.get(name);
	return valid(saved) ? saved : fallback;
}

/** What the header needs to know about the viewer: names and roles, never a token or a hash. */
function viewerSummary(viewer: access.Viewer) {
	if (viewer.kind === 'anonymous') return null;
	return {
		username: viewer.account.username,
		displayName: viewer.account.displayName,
		role: viewer.account.role,
		effectiveRole: access.effectiveRole(viewer),
		provinces: viewer.account.provinces,
		viewAs: viewer.viewAs
	};
}

export const load: LayoutServerLoad = ({ url, cookies, locals }) => {
	const lang: Lang = preference(url, cookies, 'lang', isLang, 'th');
	// Arabic digits by default (what most readers type and search with); Thai digits, as the
	// documents themselves print them, on request.
	const digits: Digits = preference(url, cookies, 'digits', isDigits, 'arabic');
	return { lang, digits, viewer: viewerSummary(locals.viewer) };
};
