/** The built app (`node build`) as a child process, and how busy it is. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';

export interface App {
	url: string;
	pid: number;
	/** From spawn to the first answered request. */
	startMs: number;
	stop(): Promise<void>;
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

/**
 * Starts the app on a free port and waits for it to answer (a request for a static file, so
 * that nothing of the data is built or warmed by the wait itself).
 */
export async function startApp(root: string): Promise<App> {
	const port = await freePort();
	const t0 = performance.now();
	const child = spawn('node', ['build'], {
		cwd: root,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
		stdio: ['ignore', 'ignore', 'inherit']
	});
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
				return { url, pid: child.pid!, startMs: Math.round(performance.now() - t0), stop };
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
