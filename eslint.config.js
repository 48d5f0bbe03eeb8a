import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** Browser code never reaches the server or the database; etl/ never imports the app. */
const browserBoundary = {
	patterns: [
		{ group: ['$lib/server', '$lib/server/*', '**/lib/server/**'], message: 'Server-only.' },
		{ group: ['$db', '$db/*', '**/db/**'], message: 'The database is server-only.' }
	]
};

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		files: [
			'src/lib/query/**',
			'src/lib/charts/**',
			'src/lib/map/**',
			'src/lib/state/**',
			'src/lib/components/**'
		],
		// Tests run in Node and may compare browser data with the server's (e.g. the tile map's
		// provinces with db/seed/provinces.ts).
		ignores: ['**/*.test.ts'],
		rules: { 'no-restricted-imports': ['error', browserBoundary] }
	},
	{
		files: ['etl/**'],
		// The release command runs the app's publishRelease (no SvelteKit in its graph): the
		// operator and the /publish page must publish through one function (etl/cli/release.ts).
		ignores: ['etl/cli/release.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: [{ group: ['$lib/*', '**/src/**'], message: 'etl/ never imports src/.' }] }
			]
		}
	},
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'db/migrations/',
			'.data/',
			'bench/results/'
		]
	}
);
