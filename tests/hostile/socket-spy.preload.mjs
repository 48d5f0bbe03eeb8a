// Loaded with NODE_OPTIONS=--import into a CLI child process by the campaigns: counts every TCP
// connection the process tries and lets none through (the campaigns expect none at all), then
// appends { pid, count, targets, ipc } to the file named by SUJARIT_SOCKET_SPY at exit. Unix
// socket paths (tsx's launcher talks to its child over one) are let through and listed as ipc.
import { appendFileSync } from 'node:fs';
import net from 'node:net';

const out = process.env.SUJARIT_SOCKET_SPY;
const original = net.Socket.prototype.connect;
const targets = [];
const ipc = [];
net.Socket.prototype.connect = function (...args) {
	const first = Array.isArray(args[0]) ? args[0][0] : args[0];
	const options = first && typeof first === 'object' ? first : null;
	const path = options ? options.path : typeof first === 'string' ? first : undefined;
	if (path !== undefined) {
		ipc.push(path);
		return original.apply(this, args);
	}
	const target = options ? `${options.host ?? 'localhost'}:${options.port ?? ''}` : String(first);
	targets.push(target);
	process.nextTick(() => this.destroy(new Error(`campaign: no socket allowed (${target})`)));
	return this;
};
process.on('exit', () => {
	if (!out) return;
	const line = { pid: process.pid, count: targets.length, targets, ipc: ipc.length };
	appendFileSync(out, `${JSON.stringify(line)}\n`);
});
