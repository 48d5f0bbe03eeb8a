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
		return new Promise((resolve) => {
			const done = (answer: Omit<Answer, 'ms'>) =>
				resolve({ ...answer, ms: performance.now() - t0 });
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
