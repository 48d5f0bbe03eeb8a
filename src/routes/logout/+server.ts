import { redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import { withScope } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** POST /logout (a form in the header): the session ends in the database at once. */
export const POST: RequestHandler = async ({ locals, cookies }) => {
	const viewer = locals.viewer;
	if (viewer.kind === 'account') {
		await withScope({ kind: 'auth' }, (db) => auth.invalidateSession(db, viewer.sessionId));
	}
	cookies.delete(auth.SESSION_COOKIE, { path: '/' });
	redirect(303, '/');
};
