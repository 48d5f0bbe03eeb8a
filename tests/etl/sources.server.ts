import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

/**
 * A local HTTP server for the source tests, on 127.0.0.1 only: the tests never reach any other
 * address. It counts connections and requests so a test can prove a refused URL was never
 * connected to, and it tracks in-flight requests to observe download concurrency.
 */

export const PLAN_TEXT = 'แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๘\n';

export interface TestServer {
	port: number;
	base: string;
	connections: number;
	requests: Array<{ path: string; host: string | undefined; headers: http.IncomingHttpHeaders }>;
	maxInFlight: number;
	/** Paths whose response the client closed while the server was still writing it. */
	closedEarly: string[];
	/** Resolves once the client has closed a response to `path` before it was finished. */
	whenClosedEarly(path: string): Promise<void>;
	close(): Promise<void>;
}

export async function startServer(): Promise<TestServer> {
	const sockets = new Set<Socket>();
	let inFlight = 0;
	const waiters: Array<[string, () => void]> = [];
	const state: Omit<TestServer, 'port' | 'base' | 'close'> = {
		connections: 0,
		requests: [],
		maxInFlight: 0,
		closedEarly: [],
		whenClosedEarly: (path) =>
			state.closedEarly.includes(path)
				? Promise.resolve()
				: new Promise((resolve) => waiters.push([path, resolve]))
	};
	const markClosed = (path: string) => {
		state.closedEarly.push(path);
		for (const [p, resolve] of waiters) if (p === path) resolve();
	};
	const server = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://x');
		const path = url.pathname;
		state.requests.push({ path: req.url ?? '', host: req.headers.host, headers: req.headers });
		inFlight++;
		state.maxInFlight = Math.max(state.maxInFlight, inFlight);
		res.on('close', () => {
			inFlight--;
			if (!res.writableFinished) markClosed(path);
		});
		const text = (
			status: number,
			body: string | Buffer,
			headers: http.OutgoingHttpHeaders = {}
		) => {
			res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
			res.end(body);
		};
		const redirect = (status: number, location: string) => {
			res.writeHead(status, { location });
			res.end();
		};
		let m: RegExpMatchArray | null;
		if (path === '/ok') return text(200, PLAN_TEXT);
		if ((m = path.match(/^\/r\/(\d+)$/))) {
			const n = Number(m[1]);
			return n === 0 ? text(200, PLAN_TEXT) : redirect(n % 2 ? 302 : 301, `/r/${n - 1}`);
		}
		if (path === '/to') return redirect(302, url.searchParams.get('url') ?? '/ok');
		if (path === '/slow') {
			res.writeHead(200, { 'content-type': 'text/plain' });
			res.write('partial');
			return; // never ends
		}
		if (path === '/hang') return; // never answers
		if (path === '/big') return text(200, Buffer.alloc(2048, 0x61));
		if (path === '/stream') {
			// An endless body without Content-Length: only a streaming cap can stop it.
			res.writeHead(200, { 'content-type': 'text/plain' });
			const timer = setInterval(() => res.write(Buffer.alloc(256, 0x62)), 5);
			res.on('close', () => clearInterval(timer));
			return;
		}
		if ((m = path.match(/^\/status\/(\d+)$/))) return text(Number(m[1]), 'status');
		if (path === '/gzip') {
			return text(200, gzipSync(Buffer.from(PLAN_TEXT)), { 'content-encoding': 'gzip' });
		}
		if (path === '/gzip-bomb') {
			return text(200, gzipSync(Buffer.alloc(64 * 1024)), { 'content-encoding': 'gzip' });
		}
		if (path === '/gzip-padding') {
			// Valid gzip that inflates to nothing: a header, 2,000 empty stored deflate blocks, a
			// final empty block and a zero trailer. Sent chunked, so only a cap on the bytes read
			// off the wire (before inflating) can stop it.
			const empty = Buffer.from([0x00, 0x00, 0x00, 0xff, 0xff]);
			res.writeHead(200, { 'content-encoding': 'gzip' });
			res.write(Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff]));
			for (let i = 0; i < 2000; i++) res.write(empty);
			res.end(Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0]));
			return;
		}
		if (path === '/bad-gzip') return text(200, 'not gzip at all', { 'content-encoding': 'gzip' });
		if (path === '/brotli') return text(200, 'xx', { 'content-encoding': 'br' });
		if (path === '/cut') {
			res.writeHead(200, { 'content-length': '1000' });
			res.write('only part');
			setTimeout(() => res.socket?.destroy(), 20);
			return;
		}
		if ((m = path.match(/^\/delay\/(\d+)$/))) {
			setTimeout(() => text(200, `delayed ${m![1]}`), Number(m[1]));
			return;
		}
		text(404, 'not found');
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
		close: () =>
			new Promise<void>((resolve) => {
				for (const s of sockets) s.destroy();
				server.close(() => resolve());
			})
	});
}

/** A port on 127.0.0.1 with nothing listening (a server bound then closed). */
export async function closedPort(): Promise<number> {
	const s = http.createServer();
	await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
	const port = (s.address() as AddressInfo).port;
	await new Promise<void>((resolve) => s.close(() => resolve()));
	return port;
}
