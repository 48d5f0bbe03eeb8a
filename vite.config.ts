import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
	plugins: [sveltekit()],
	ssr: {
		// PGlite ships its own wasm + data files; let Node load them from node_modules.
		external: ['@electric-sql/pglite']
	},
	optimizeDeps: { exclude: ['@electric-sql/pglite'] }
});
