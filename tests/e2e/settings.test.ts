import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTestDatabase } from '../../db/testing.ts';
import { freePort, ROOT } from './harness.ts';

/**
 * Starts the built server, opens its database (the home page reads the latest release), sends
 * `signal` and times the exit. Killed after 20 s: a server that never exits fails the test.
 */
async function stopBuilt(
	env: Record<string, string>,
	signal: NodeJS.Signals
): Promise<{ code: number | null; signal: string | null; ms: number; out: string }> {
	const port = await freePort();
	const child = spawn('node', ['build'], {
		cwd: ROOT,
		env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	child.stdout.on('data', (d) => (out += d));
	child.stderr.on('data', (d) => (out += d));
	const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
		child.once('exit', (code, sig) => resolve({ code, signal: sig }))
	);
	for (let i = 0; ; i++) {
		try {
			if ((await fetch(`http://127.0.0.1:${port}/`)).status === 200) break;
		} catch {
			/* not listening yet */
		}
		if (i > 120 || child.exitCode !== null) throw new Error(`the server did not start:\n${out}`);
		await new Promise((r) => setTimeout(r, 250));
	}
	const t0 = performance.now();
	const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
	child.kill(signal);
	const result = await exited;
	clearTimeout(force);
	return { ...result, ms: performance.now() - t0, out };
}

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

describe('shutdown', () => {
	it.each(['SIGTERM', 'SIGINT'] as const)(
		'on PGlite, %s: the server exits 0 within 10 s and frees the data folder',
		async (signal) => {
			const dataDir = mkdtempSync(join(tmpdir(), 'sujarit-shutdown-'));
			try {
				const stopped = await stopBuilt({ SUJARIT_DATA_DIR: dataDir, DATABASE_URL: '' }, signal);
				expect(stopped.signal, stopped.out).toBe(null);
				expect(stopped.code, stopped.out).toBe(0);
				expect(stopped.ms).toBeLessThan(10_000);
				expect(existsSync(join(dataDir, 'sujarit.lock'))).toBe(false);
			} finally {
				rmSync(dataDir, { recursive: true, force: true });
			}
		},
		60_000
	);

	it('on PostgreSQL, SIGTERM: the server exits 0 within 10 s, its connections closed', async () => {
		const db = await withTestDatabase('postgres');
		try {
			const stopped = await stopBuilt({ DATABASE_URL: db.url! }, 'SIGTERM');
			expect(stopped.signal, stopped.out).toBe(null);
			expect(stopped.code, stopped.out).toBe(0);
			expect(stopped.ms).toBeLessThan(10_000);
		} finally {
			await db.close();
		}
	}, 60_000);
});
