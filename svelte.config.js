import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// One policy for every page. DuckDB-WASM runs in a same-origin worker (worker-src 'self')
		// and compiles WebAssembly ('wasm-unsafe-eval', not 'unsafe-eval'); its bundles are served
		// from this site, so nothing needs another origin. Styles keep 'unsafe-inline' because
		// Svelte and ECharts set style attributes at runtime. SvelteKit allows its own inline
		// bootstrap script by its hash (mode 'hash'), not a per-request nonce, so that a drawn
		// page can be kept and answered again ($lib/server/response-cache).
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval'],
				'worker-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
		alias: {
			// db/ holds the schema and migrations shared by etl/ and src/lib/server/.
			$db: './db'
		}
	}
};

export default config;
