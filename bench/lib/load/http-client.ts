/**
 * One keep-alive connection per virtual user (node:http, an Agent with one socket): a closed
 * loop, each request sent when the previous answer has been read to its last byte. The time
 * taken is from the request's write to the response's end, as the client sees it.
 */
import http from 'node:http';
import type { Target } from './scenario.ts';

export interface Answer {
	status: number;
	ms: number;
	/** From the request's write to the response's headers (the rest is the body on the wire). */
	headersMs: number;
	/** A new connection's TCP connect (0 on a kept-alive socket). */
	connectMs: number;
	headers: http.IncomingHttpHeaders;
	body: Buffer;
	/** A network failure or a timeout: no status. */
	error: string | null;
}

export const TIMEOUT_MS = 30_000;

export class Connection {
	readonly #agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
	readonly #host: string;
	readonly #port: number;

	constructor(base: URL) {
		this.#host = base.hostname;
		this.#port = Number(base.port);
	}

	send(target: Target, cookie: string | null): Promise<Answer> {
		const headers: Record<string, string> = { ...target.headers };
		if (cookie) headers.cookie = cookie;
		if (target.body !== undefined)
			headers['content-length'] = String(Buffer.byteLength(target.body));
		const t0 = performance.now();
		let headersAt = Number.NaN;
		let connectMs = 0;
		return new Promise((resolve) => {
			const done = (answer: Omit<Answer, 'ms' | 'headersMs' | 'connectMs'>) => {
				const end = performance.now();
				const ms = end - t0;
				resolve({
					...answer,
					ms,
					headersMs: Number.isNaN(headersAt) ? ms : headersAt - t0,
					connectMs
				});
			};
			const req = http.request(
				{
					host: this.#host,
					port: this.#port,
					method: target.method,
					path: target.path,
					headers,
					agent: this.#agent
				},
				(res) => {
					headersAt = performance.now();
					const chunks: Buffer[] = [];
					res.on('data', (c: Buffer) => chunks.push(c));
					res.on('end', () =>
						done({
							status: res.statusCode ?? 0,
							headers: res.headers,
							body: Buffer.concat(chunks),
							error: null
						})
					);
					res.on('error', (e) =>
						done({ status: 0, headers: {}, body: Buffer.alloc(0), error: e.message })
					);
				}
			);
			req.on('socket', (socket) => {
				if (!socket.connecting) return;
				const c0 = performance.now();
				socket.once('connect', () => (connectMs = performance.now() - c0));
			});
			req.setTimeout(TIMEOUT_MS, () => req.destroy(new Error(`timeout after ${TIMEOUT_MS} ms`)));
			req.on('error', (e) =>
				done({ status: 0, headers: {}, body: Buffer.alloc(0), error: e.message })
			);
			req.end(target.body);
		});
	}

	close(): void {
		this.#agent.destroy();
	}
}

/** The session cookie a sign-in set, as a Cookie header, or null. */
export function sessionCookie(headers: http.IncomingHttpHeaders): string | null {
	const set = headers['set-cookie'] ?? [];
	const found = set.find((c) => c.startsWith('sujarit_session='));
	const pair = found?.split(';')[0];
	return pair && pair.length > 'sujarit_session='.length ? pair : null;
}
