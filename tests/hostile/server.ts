import http from 'node:http';
import net, { type AddressInfo, type Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

/**
 * The hostile HTTP server of the campaigns, on 127.0.0.1 only: redirect chains and loops, bodies
 * that drip, stall or never end, gzip bombs. It counts connections, requests and the body bytes
 * it managed to write, so a campaign can say what a refusal cost the other side.
 */

export const PLAN_TEXT = 'แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๘\n';

export interface HostileServer {
	port: number;
	base: string;
	connections: number;
	requests: string[];
	/** Body bytes written per path (the gzip routes count compressed bytes). */
	written: Map<string, number>;
	reset(): void;
	close(): Promise<void>;
}

const MiB = 1024 * 1024;

/**
 * 1 GiB of zeros as gzip in about 1 MiB: sixteen members of 64 MiB each (a gzip stream may hold
 * several members, and gunzip inflates them all). The member is built once, on first use.
 */
export const BOMB_MEMBERS = 16;
let member: Buffer | null = null;
const bombMember = () => (member ??= gzipSync(Buffer.alloc(64 * MiB), { level: 9 }));

export async function startHostileServer(): Promise<HostileServer> {
	const sockets = new Set<Socket>();
	const timers = new Set<NodeJS.Timeout>();
	const state = { connections: 0, requests: [] as string[], written: new Map<string, number>() };
	const count = (path: string, n: number) =>
		state.written.set(path, (state.written.get(path) ?? 0) + n);

	const server = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://x');
		const path = url.pathname;
		state.requests.push(req.url ?? '');
		const send = (chunk: Buffer | string) => {
			if (res.destroyed) return false;
			count(path, Buffer.byteLength(chunk));
			res.write(chunk);
			return true;
		};
		const every = (ms: number, tick: () => boolean) => {
			const t = setInterval(() => {
				if (!tick()) clearInterval(t);
			}, ms);
			timers.add(t);
			res.on('close', () => (clearInterval(t), timers.delete(t)));
		};
		const redirect = (location: string) => {
			res.writeHead(302, { location });
			res.end();
		};
		let m: RegExpMatchArray | null;
		if (path === '/ok') {
			res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
			send(PLAN_TEXT);
			return res.end();
		}
		if (path === '/to') return redirect(url.searchParams.get('url') ?? '/ok');
		// N redirects in all: N - 1 more hops on this server, the last one to ?url=.
		if ((m = path.match(/^\/chain\/(\d+)$/))) {
			const n = Number(m[1]);
			const target = url.searchParams.get('url') ?? '/ok';
			return redirect(n <= 1 ? target : `/chain/${n - 1}?url=${encodeURIComponent(target)}`);
		}
		if (path === '/loop/a') return redirect('/loop/b');
		if (path === '/loop/b') return redirect('/loop/a');
		if (path === '/slow-headers') {
			const t = setTimeout(
				() => {
					res.writeHead(200, { 'content-type': 'text/plain' });
					res.end(PLAN_TEXT);
				},
				Number(url.searchParams.get('ms') ?? 5000)
			);
			timers.add(t);
			res.on('close', () => clearTimeout(t));
			return;
		}
		// Slowloris from the server's side: headers at once, then one byte every 50 ms, forever.
		if (path === '/drip') {
			res.writeHead(200, { 'content-type': 'text/plain' });
			return every(50, () => send('.'));
		}
		if (path === '/drip-gzip') {
			res.writeHead(200, { 'content-encoding': 'gzip' });
			send(Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff]));
			return every(50, () => send(Buffer.from([0x00, 0x00, 0x00, 0xff, 0xff])));
		}
		if (path === '/hang') return; // headers never come
		if (path === '/big') {
			const bytes = Number(url.searchParams.get('bytes') ?? 2 * MiB);
			res.writeHead(200, { 'content-length': String(bytes) });
			send(Buffer.alloc(bytes, 0x61));
			return res.end();
		}
		// No Content-Length, no end: 64 KiB every 2 ms until the client hangs up.
		if (path === '/endless') {
			res.writeHead(200, { 'content-type': 'text/plain' });
			const chunk = Buffer.alloc(64 * 1024, 0x62);
			return every(2, () => send(chunk));
		}
		if (path === '/gzip-bomb') {
			res.writeHead(200, { 'content-encoding': 'gzip' });
			const body = Buffer.concat(Array.from({ length: BOMB_MEMBERS }, bombMember));
			// In 16 KiB pieces, so that the client can stop it part-way.
			let at = 0;
			return every(1, () => {
				if (at >= body.length) {
					res.end();
					return false;
				}
				send(body.subarray(at, at + 16 * 1024));
				at += 16 * 1024;
				return true;
			});
		}
		if (path === '/gzip-padding') {
			// Valid gzip inflating to nothing: empty stored blocks, endlessly.
			res.writeHead(200, { 'content-encoding': 'gzip' });
			send(Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff]));
			const empty = Buffer.alloc(5 * 4096);
			for (let i = 0; i < 4096; i++) empty.set([0x00, 0x00, 0x00, 0xff, 0xff], i * 5);
			return every(2, () => send(empty));
		}
		res.writeHead(404);
		res.end('not found');
	});
	server.on('connection', (socket) => {
		state.connections++;
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	return Object.assign(state, {
		port,
		base: `http://127.0.0.1:${port}`,
		reset() {
			state.connections = 0;
			state.requests.length = 0;
			state.written.clear();
		},
		close: () =>
			new Promise<void>((resolve) => {
				for (const t of timers) clearInterval(t);
				for (const s of sockets) s.destroy();
				server.close(() => resolve());
			})
	});
}

/**
 * A TCP server below HTTP: it accepts and then says nothing (`silent`) or half a status line
 * (`partial`), and never closes. Only the client's deadline ends such a connection.
 */
export async function startStalledServer(
	mode: 'silent' | 'partial'
): Promise<{ port: number; connections: number; close(): Promise<void> }> {
	const sockets = new Set<Socket>();
	const state = { connections: 0 };
	const server = net.createServer((socket) => {
		state.connections++;
		sockets.add(socket);
		socket.on('error', () => {});
		socket.on('close', () => sockets.delete(socket));
		if (mode === 'partial') socket.write('HTTP/1.1 200 OK\r\nContent-Ty');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return Object.assign(state, {
		port: (server.address() as AddressInfo).port,
		close: () =>
			new Promise<void>((resolve) => {
				for (const s of sockets) s.destroy();
				server.close(() => resolve());
			})
	});
}
