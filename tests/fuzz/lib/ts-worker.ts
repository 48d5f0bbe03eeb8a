/**
 * A worker thread running a TypeScript module, and one request to it with a wall-clock limit.
 * The module registers nothing itself: the bootstrap registers tsx first (Node 20 workers do not
 * inherit the parent's module hooks), then imports it. The module posts `{ id: -1, type: 'ready' }`
 * once loaded, and answers each `{ id, … }` with a message carrying the same id.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

function bootstrap(entry: URL): string {
	const require = createRequire(import.meta.url);
	const tsxRoot = require.resolve('tsx/package.json').replace(/package\.json$/, '');
	const api = pathToFileURL(`${tsxRoot}dist/esm/api/index.mjs`).href;
	return `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); });`;
}

/** Starts the worker and resolves once its module has loaded. */
export function startTsWorker(entry: URL, resourceLimits?: ResourceLimits): Promise<Worker> {
	return new Promise<Worker>((resolve, reject) => {
		const worker = new Worker(bootstrap(entry), { eval: true, resourceLimits });
		const onError = (e: Error) => reject(e);
		worker.once('error', onError);
		worker.once('message', (m: { type?: string }) => {
			worker.off('error', onError);
			if (m.type !== 'ready') reject(new Error(`unexpected first message ${String(m.type)}`));
			else resolve(worker);
		});
	});
}

export type Answer<T> =
	| { type: 'answer'; value: T; wallMs: number }
	| { type: 'killed'; wallMs: number }
	| { type: 'died'; error: Error; wallMs: number };

/**
 * Sends one request and waits at most `wallMs` for its answer. On time out the worker is
 * terminated (the caller starts another); `died` when it failed or exited meanwhile.
 */
export function request<T>(
	worker: Worker,
	message: { id: number } & Record<string, unknown>,
	wallMs: number,
	transfer: ArrayBuffer[] = []
): Promise<Answer<T>> {
	return new Promise((resolve) => {
		const started = performance.now();
		const elapsed = () => performance.now() - started;
		const done = (a: Answer<T>) => {
			clearTimeout(timer);
			worker.off('message', onMessage);
			worker.off('error', onError);
			worker.off('exit', onExit);
			resolve(a);
		};
		const timer = setTimeout(() => {
			void worker.terminate();
			done({ type: 'killed', wallMs: elapsed() });
		}, wallMs);
		const onMessage = (m: { id?: number } & T) => {
			if (m.id === message.id) done({ type: 'answer', value: m, wallMs: elapsed() });
		};
		const onError = (error: Error) => {
			void worker.terminate();
			done({ type: 'died', error, wallMs: elapsed() });
		};
		const onExit = (code: number) =>
			done({ type: 'died', error: new Error(`worker exited with ${code}`), wallMs: elapsed() });
		worker.on('message', onMessage);
		worker.once('error', onError);
		worker.once('exit', onExit);
		worker.postMessage(message, transfer);
	});
}
