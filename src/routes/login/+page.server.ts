import { fail, redirect } from '@sveltejs/kit';
import { t } from '$lib/i18n';
import * as access from '$lib/server/access';
import * as auth from '$lib/server/auth';
import { withScope } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, url, locals }) => {
	const { lang } = await parent();
	const next = access.safeNext(url.searchParams.get('next'));
	// Already signed in: straight on.
	if (locals.viewer.kind === 'account') redirect(303, next);
	return { lang, next };
};

export const actions: Actions = {
	/**
	 * The same answer for an unknown name, a wrong password and a disabled account; throttling is
	 * decided before any password is checked (src/lib/server/auth/login.ts).
	 */
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const username = String(form.get('username') ?? '').slice(0, 300);
		const password = form.get('password');
		const next = access.safeNext(String(form.get('next') ?? ''));
		const lang = cookies.get('lang') === 'en' ? 'en' : 'th';
		if (typeof password !== 'string' || !username) {
			return fail(400, { username, message: t('login_invalid', lang) });
		}
		const generation = auth.sessionsGeneration();
		const now = new Date();
		const result = await withScope({ kind: 'auth' }, (db) =>
			auth.login(db, { username, password, ip: getClientAddress(), now })
		);
		if (!result.ok) {
			return result.reason === 'throttled'
				? fail(429, { username, message: t('login_throttled', lang) })
				: fail(400, { username, message: t('login_invalid', lang) });
		}
		// Committed: the reader's next request finds it without asking the database.
		auth.rememberNewSession(
			result.token,
			{ session: result.session, account: result.account },
			now,
			generation
		);
		cookies.set(
			auth.SESSION_COOKIE,
			result.token,
			auth.sessionCookieOptions(url, result.session.expiresAt)
		);
		redirect(303, next);
	}
};
