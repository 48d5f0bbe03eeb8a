import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// One runner, five projects. `npm test` runs them all (scripts/test.js); each can run alone:
// `npx vitest run --project unit`.
export default defineConfig({
	// The app's aliases, so that tests import modules the way the app does.
	resolve: {
		alias: {
			$lib: fileURLToPath(new URL('./src/lib', import.meta.url)),
			$db: fileURLToPath(new URL('./db', import.meta.url))
		}
	},
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				test: {
					name: 'unit',
					include: [
						'etl/**/*.test.ts',
						'db/**/*.test.ts',
						'src/**/*.test.ts',
						'bench/**/*.test.ts'
					],
					environment: 'node',
					expect: { requireAssertions: true }
				}
			},
			{
				test: {
					name: 'db',
					include: ['tests/db/**/*.test.ts'],
					environment: 'node',
					testTimeout: 60_000,
					hookTimeout: 120_000,
					expect: { requireAssertions: true }
				}
			},
			{
				test: {
					name: 'etl',
					include: ['tests/etl/**/*.test.ts'],
					environment: 'node',
					testTimeout: 60_000,
					hookTimeout: 120_000,
					expect: { requireAssertions: true }
				}
			},
			{
				// The real CLI killed with SIGKILL and run again, on PostgreSQL and PGlite: child
				// processes, a few seconds per kill, so generous timeouts.
				test: {
					name: 'crash',
					include: ['tests/crash/**/*.test.ts'],
					environment: 'node',
					testTimeout: 180_000,
					hookTimeout: 300_000,
					expect: { requireAssertions: true }
				}
			},
			{
				test: {
					// The hardening campaigns (npm run campaign:hostile prints and writes their figures).
					name: 'hostile',
					include: ['tests/hostile/**/*.test.ts'],
					environment: 'node',
					testTimeout: 120_000,
					hookTimeout: 300_000,
					expect: { requireAssertions: true }
				}
			},
			{
				test: {
					// Mutated documents parsed in a worker and judged by an oracle; regular expressions
					// and parser entry points timed on adversarial input (npm run fuzz / bench:regex
					// run the long campaigns).
					name: 'fuzz',
					include: ['tests/fuzz/**/*.test.ts'],
					environment: 'node',
					testTimeout: 600_000,
					hookTimeout: 120_000,
					expect: { requireAssertions: true }
				}
			},
			{
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					environment: 'node',
					testTimeout: 120_000,
					hookTimeout: 300_000,
					expect: { requireAssertions: true }
				}
			}
		]
	}
});
