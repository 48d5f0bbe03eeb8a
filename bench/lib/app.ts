/** The built app (`node build`) as a child process, and how busy it is. */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { BrowserContext } from 'playwright-core';
import { closeSync, openSync, readFileSync } from 'node:fs';
import net from 'node:net';

export interface App {
	url: string;
	pid: number;
	/** From spawn to the first answered request. */
	startMs: number;
	/** A signed-in analyst's session token (the dashboard is behind a sign-in). */
	token: string;
	/** fetch() as that analyst. */
	get(path: string, init?: RequestInit): Promise<Response>;
	stop(): Promise<void>;
}

/** The benchmark's own account, created (or given a fresh password) through `npm run users`. */
const BENCH_USER = 'bench-analyst';
const BENCH_PASSWORD = randomBytes(18).toString('base64url');

function users(root: string, args: string[]) {
	return spawnSync(`${root}/node_modules/.bin/tsx`, ['scripts/users.ts', ...args], {
		cwd: root,
		input: `${BENCH_PASSWORD}\n`,
		encoding: 'utf8'
	});
}

/** Before the server starts (PGlite is one process at a time): the analyst the bench signs in as. */
export function ensureBenchAnalyst(root: string): void {
	const added = users(root, ['add', BENCH_USER, '--role', 'analyst']);
	if (added.status === 0) return;
	const reset = users(root, ['set-password', BENCH_USER]);
	if (reset.status !== 0) throw new Error(`bench account: ${added.stderr}${reset.stderr}`);
}

/** Signs in through the real /login form action (a plain form post: 303 and the cookie). */
export async function signInAnalyst(url: string): Promise<string> {
	const res = await fetch(`${url}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: url,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ username: BENCH_USER, password: BENCH_PASSWORD })
	});
	const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sujarit_session='));
	const token = cookie?.split(';')[0]?.slice('sujarit_session='.length);
	if (res.status !== 303 || !token) throw new Error(`bench sign-in failed: HTTP ${res.status}`);
	return token;
}

/** Every page of `context` is then the signed-in analyst. */
export async function signInContext(context: BrowserContext, app: App): Promise<void> {
	await context.addCookies([
		{
			name: 'sujarit_session',
			value: app.token,
			domain: '127.0.0.1',
			path: '/',
			httpOnly: true,
			sameSite: 'Lax'
		}
	]);
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = net.createServer();
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address() as net.AddressInfo;
			s.close(() => resolve(port));
		});
		s.on('error', reject);
	});
}

export interface StartOptions {
	/** A command the server runs under, e.g. `['taskset', '-c', '0']` (it execs node: same pid). */
	wrap?: string[];
	/** node's own flags before `build`, e.g. `['--import', './bench/lib/event-loop-delay.js']`. */
	nodeArgs?: string[];
	env?: Record<string, string>;
	/** Sign the bench analyst in (default true); without it `token` is '' and `get` anonymous. */
	signIn?: boolean;
	/** The server's stdout and stderr go to this file instead of (stderr) the bench's own. */
	logFile?: string;
}

/**
 * Starts the app on a free port and waits for it to answer (a request for a static file, so
 * that nothing of the data is built or warmed by the wait itself).
 */
export async function startApp(root: string, options: StartOptions = {}): Promise<App> {
	const port = await freePort();
	const t0 = performance.now();
	const log = options.logFile ? openSync(options.logFile, 'w') : null;
	const [command, ...args] = [
		...(options.wrap ?? []),
		'node',
		...(options.nodeArgs ?? []),
		'build'
	];
	const child = spawn(command!, args, {
		cwd: root,
		env: {
			...process.env,
			...options.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${port}`
		},
		stdio: log === null ? ['ignore', 'ignore', 'inherit'] : ['ignore', log, log]
	});
	if (log !== null) closeSync(log);
	const url = `http://127.0.0.1:${port}`;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	// adapter-node waits for open connections on SIGTERM (and the background brotli upgrades
	// keep it busy): after 5 s it is killed.
	const stop = async () => {
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
		await exited;
		clearTimeout(timer);
	};
	for (let i = 0; i < 300; i++) {
		try {
			if ((await fetch(`${url}/favicon.svg`)).status < 500) {
				const startMs = Math.round(performance.now() - t0);
				const token = options.signIn === false ? '' : await signInAnalyst(url);
				const get = (path: string, init: RequestInit = {}) =>
					fetch(`${url}${path}`, {
						...init,
						headers: {
							...(init.headers as Record<string, string>),
							...(token ? { cookie: `sujarit_session=${token}` } : {})
						}
					});
				return { url, pid: child.pid!, startMs, token, get, stop };
			}
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	await stop();
	throw new Error('the app did not start');
}

/** CPU seconds (user + system) the process has used: /proc/<pid>/stat fields 14 and 15. */
export function cpuSeconds(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Waits until the server has used under 5 % of a core for `quietMs`: the warm-up and the
 * quality-11 brotli upgrades run in the background after the first reader, and a measurement
 * taken while they run measures them. Returns how long it waited.
 */
export async function waitIdle(pid: number, quietMs = 3000, maxMs = 15 * 60_000): Promise<number> {
	const t0 = performance.now();
	let quietSince = performance.now();
	let last = cpuSeconds(pid);
	while (performance.now() - t0 < maxMs) {
		await new Promise((r) => setTimeout(r, 500));
		const now = cpuSeconds(pid);
		if (now - last > 0.025) quietSince = performance.now();
		last = now;
		if (performance.now() - quietSince >= quietMs) break;
	}
	return Math.round(performance.now() - t0);
}
