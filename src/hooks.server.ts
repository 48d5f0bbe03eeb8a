import type { Handle } from '@sveltejs/kit';

/**
 * Headers every response carries (the Content-Security-Policy itself is SvelteKit's, set in
 * svelte.config.js). The access issue adds the session lookup here.
 */
export const handle: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	return response;
};
