/**
 * The worker a fuzz campaign parses in: the ETL's own entry point from bytes (`parseDocument`,
 * as `etl parse` and the pipeline call it), with the sample register, timed around the call only:
 * wall time, and CPU time (process.cpuUsage: the parent thread is idle waiting meanwhile, so it is
 * this thread's, GC helpers included), which does not grow when other processes share the cores.
 * A thrown error is sent back as a crash; a hang is the parent's to notice and end.
 */
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { PROVINCES } from '../../../db/seed/provinces.ts';
import { parseDocument } from '../../../etl/parse/index.ts';
import { readDlaCsv } from '../../../etl/registry/read-dla-csv.ts';
import { BANGKOK } from '../../../etl/registry/records.ts';
import { Registry } from '../../../etl/registry/resolve.ts';
import type { WorkerReply, WorkerRequest } from './runner.ts';

const csv = readFileSync(
	new URL('../../../fixtures/registry/dla-sample.csv', import.meta.url),
	'utf8'
);
const registry = new Registry([...readDlaCsv(csv).records, BANGKOK], PROVINCES);

const port = parentPort!;
port.on('message', ({ id, bytes }: WorkerRequest) => {
	let reply: WorkerReply;
	const start = performance.now();
	const cpu = process.cpuUsage();
	const cpuMs = () => {
		const { user, system } = process.cpuUsage(cpu);
		return (user + system) / 1000;
	};
	try {
		const report = parseDocument(bytes, { registry });
		reply = { id, type: 'report', report, ms: performance.now() - start, cpuMs: cpuMs() };
	} catch (e) {
		const error = e instanceof Error ? e : new Error(String(e));
		reply = {
			id,
			type: 'crash',
			error: { name: error.name, message: error.message, stack: error.stack ?? '' },
			ms: performance.now() - start,
			cpuMs: cpuMs()
		};
	}
	port.postMessage(reply);
});
port.postMessage({ id: -1, type: 'ready' } satisfies WorkerReply);
