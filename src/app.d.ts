// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Viewer } from '$lib/server/access';
import type { Scope } from '$lib/server/extracts';

declare global {
	namespace App {
		// interface Error {}
		interface Locals {
			/** Who asks (hooks.server.ts, from the session cookie); anonymous when nobody signed in. */
			viewer: Viewer;
			/** What the viewer's data pages may read; null = published releases only. */
			scope: Scope | null;
			/** Server-drawn SVG the HTML gets in place of its markers ($lib/server/svg-splice). */
			svgs?: Map<string, string>;
			/** The session was renewed: this response sets its cookie, so it is drawn, not kept. */
			sessionRenewed?: boolean;
			/** Drawn without something it usually carries (the overview's SVG charts): not kept. */
			partial?: boolean;
			/** Durations for the Server-Timing header, when SUJARIT_SERVER_TIMING=1 ($lib/server/server-timing). */
			timings?: Record<string, number>;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
