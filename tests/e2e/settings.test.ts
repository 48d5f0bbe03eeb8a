import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from './harness.ts';

/** Runs the built server with `env` until it exits (or 20 s pass): its exit code and output. */
function startBuilt(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
	return new Promise((resolve) => {
		const child = spawn('node', ['build'], {
			cwd: ROOT,
			env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (out += d));
		const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
		child.once('exit', (code) => {
			clearTimeout(timer);
			resolve({ code, out });
		});
	});
}

describe('settings the server reads at start', () => {
	it.each(['ten', '0', '5000'])(
		'DATABASE_POOL_MAX=%s stops the start with the variable named, before any reader',
		async (value) => {
			const { code, out } = await startBuilt({
				// Never reached: the check comes before the first connection.
				DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
				DATABASE_POOL_MAX: value
			});
			expect(code).not.toBe(0);
			expect(code).not.toBeNull();
			expect(out).toContain(
				`DATABASE_POOL_MAX must be a whole number from 1 to 1000 (connections per process), not "${value}"`
			);
		},
		30_000
	);
});
