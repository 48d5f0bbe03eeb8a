import type { Handle } from '@sveltejs/kit';
import { ANONYMOUS } from '$lib/server/access';
import { NATIONAL } from '$lib/server/extracts';

/**
 * Headers every response carries (the Content-Security-Policy itself is SvelteKit's, set in
 * svelte.config.js). Interim: every request is national until the session lookup lands (issue 5).
 */
export const handle: Handle = async ({ event, resolve }) => {
	event.locals.viewer = ANONYMOUS;
	event.locals.scope = NATIONAL;
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	return response;
};
