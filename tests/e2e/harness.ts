/**
 * Serves the built app (build/, made by `npm test` before the suites run) on a free loopback
 * port with its own PGlite data folder (or, given `databaseUrl`, a PostgreSQL database), after
 * loading documents through the real CLI.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { addStandardUsers, fetchAs, sessionToken } from './accounts.ts';
import { storeEnv, type Store } from './store.ts';

export const ROOT = new URL('../../', import.meta.url).pathname;
const TSX = join(ROOT, 'node_modules/.bin/tsx');

export interface App {
	url: string;
	/** The server's process (its CPU time tells when background work has finished). */
	pid: number;
	dataDir: string;
	/** Where the data is: `dataDir` itself on PGlite, the database and the folder on PostgreSQL. */
	store: Store;
	/**
	 * A fetch signed in as `as` (default 'analyst', from addStandardUsers), or anonymous with
	 * `as: null`. Sessions come from the real /login action and are reused per user.
	 */
	fetch(path: string, init?: RequestInit, as?: string | null): Promise<Response>;
	/** A signed-in session token for `username` (password: accounts.ts PASSWORD). */
	token(username?: string): Promise<string>;
	/** Stops the server; the data folder is removed unless `keepData`. */
	stop(options?: { keepData?: boolean }): Promise<void>;
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = net.createServer();
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address() as net.AddressInfo;
			s.close(() => resolve(port));
		});
		s.on('error', reject);
	});
}

/** Runs the ETL CLI against a data folder (or store); throws with its output when it fails. */
export function etl(store: Store, args: string[]): string {
	const r = spawnSync(TSX, ['etl/cli.ts', ...args], {
		cwd: ROOT,
		env: { ...process.env, ...storeEnv(store) },
		encoding: 'utf8'
	});
	if (r.status !== 0)
		throw new Error(`etl ${args.join(' ')} → ${r.status}\n${r.stdout}\n${r.stderr}`);
	return r.stdout;
}

/**
 * Publishes a release of what the data folder holds, through the operator's CLI (publishRelease
 * in national scope, no publisher). PGlite is single-process: call it while no app holds the
 * folder (in `prepare`). Until sign-in lands this stands in for an analyst at /publish.
 */
export function publish(store: Store, note = ''): string {
	return etl(store, ['release', 'publish', '--note', note]);
}

/**
 * Serves the built app on a data folder. `prepare` runs first, with the folder to itself; pass
 * `dataDir` to serve a folder again (after `stop({ keepData: true })`). With `databaseUrl` the
 * data is in that PostgreSQL database instead: `prepare` then hands its second argument, the
 * store, to `etl` and `addUser` (on PGlite the store is the folder itself). The caller created
 * the database and drops it; `stop` leaves it alone.
 */
export async function startApp(
	prepare: (dataDir: string, store: Store) => void,
	options: {
		dataDir?: string;
		databaseUrl?: string;
		users?: boolean;
		officerProvinces?: string[];
		/** More environment for the server (SUJARIT_… settings). */
		env?: Record<string, string>;
	} = {}
): Promise<App> {
	const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'sujarit-e2e-'));
	const store: Store = options.databaseUrl
		? { dataDir, databaseUrl: options.databaseUrl }
		: dataDir;
	prepare(dataDir, store);
	// An analyst, an admin and officers, unless the folder is served again (they exist already).
	if ((options.users ?? !options.dataDir) === true) {
		addStandardUsers(store, options.officerProvinces);
	}
	const port = await freePort();
	const child: ChildProcess = spawn('node', ['build'], {
		cwd: ROOT,
		env: {
			...process.env,
			...storeEnv(store),
			PORT: String(port),
			HOST: '127.0.0.1',
			// adapter-node assumes https without it, and form actions (POST) fail the origin check.
			ORIGIN: `http://127.0.0.1:${port}`,
			...options.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	child.stdout?.on('data', (d) => (log += d));
	child.stderr?.on('data', (d) => (log += d));
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 30_000;
	for (;;) {
		try {
			const res = await fetch(`${url}/login`);
			if (res.status === 200) break;
		} catch {
			/* not listening yet */
		}
		if (Date.now() > deadline || child.exitCode !== null) {
			child.kill();
			throw new Error(`the app did not start on ${url}:\n${log}`);
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	const tokens = new Map<string, Promise<string>>();
	const token = (username = 'analyst') => {
		let t = tokens.get(username);
		if (!t) {
			t = sessionToken(url, username);
			tokens.set(username, t);
			t.catch(() => tokens.delete(username));
		}
		return t;
	};
	return {
		url,
		pid: child.pid!,
		dataDir,
		store,
		token,
		async fetch(path, init = {}, as = 'analyst') {
			return fetchAs(url, as === null ? null : await token(as))(path, init);
		},
		async stop(options = {}) {
			if (child.exitCode === null && child.signalCode === null) {
				// SIGKILL after 5 s: the server closes its database on SIGTERM, but a test must not hang.
				const exited = new Promise((r) => child.once('exit', r));
				const force = setTimeout(() => child.kill('SIGKILL'), 5000);
				child.kill('SIGTERM');
				await exited;
				clearTimeout(force);
			}
			if (!options.keepData) rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

export function launchChromium(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
}

export const SCREENSHOTS = join(ROOT, 'test-results/screenshots');

/**
 * The built files that are DuckDB-WASM or load it: the engine's wasm and workers (named
 * duckdb-*) and the content-hashed chunks of its JavaScript and of our Connector (named by hash
 * only, so found by what they contain). A request for any of them means the engine is on its way.
 */
export function duckdbFiles(): Set<string> {
	const dir = join(ROOT, 'build/client/_app/immutable');
	const files = new Set<string>();
	for (const sub of ['chunks', 'assets']) {
		for (const name of readdirSync(join(dir, sub))) {
			if (!/\.(js|wasm)$/.test(name)) continue;
			if (/duckdb/i.test(name)) files.add(name);
			else if (name.endsWith('.js')) {
				const text = readFileSync(join(dir, sub, name), 'utf8');
				if (text.includes('insertArrowFromIPCStream')) files.add(name);
			}
		}
	}
	return files;
}

/** Whether a URL fetches DuckDB-WASM, its loader, or an extract for it. */
export function isDuckdbRequest(url: string, files: Set<string>): boolean {
	const path = new URL(url).pathname;
	return (
		/\/api\/(extracts|public\/releases)\//.test(path) || files.has(path.split('/').pop() ?? '')
	);
}
