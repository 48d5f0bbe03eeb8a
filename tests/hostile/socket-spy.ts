import net from 'node:net';

/**
 * Counts every TCP connection this process starts (net.Socket.prototype.connect, which http,
 * https and net.connect all reach), and keeps the campaign on loopback: a connection to any
 * address other than 127.0.0.1 is failed before it reaches the network, and counted all the same.
 * So a regression in the guard shows up as a count, never as traffic.
 */

export interface SocketSpy {
	/** connect() calls since the spy was installed. */
	readonly count: number;
	/** Targets as asked ("host:port"), in order. */
	readonly targets: readonly string[];
	/** Connections failed because they would have left loopback. */
	readonly blocked: readonly string[];
	/** The address each connection that opened actually reached. */
	readonly connected: readonly string[];
	restore(): void;
}

type Connect = typeof net.Socket.prototype.connect;
type LookupCallback = (err: Error | null, address: unknown, family?: number) => void;
type Lookup = (host: string, options: unknown, callback: LookupCallback) => void;

const isLoopback = (a: unknown) => a === '127.0.0.1';

export function spyOnSockets(): SocketSpy {
	const original: Connect = net.Socket.prototype.connect;
	const targets: string[] = [];
	const blocked: string[] = [];
	const connected: string[] = [];
	const patched = function (this: net.Socket, ...args: unknown[]) {
		// net.connect() and the http agents call connect([options, callback]), already normalised.
		const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
		const options =
			first !== null && typeof first === 'object'
				? (first as { host?: string; port?: number; path?: string; lookup?: Lookup })
				: typeof first === 'number'
					? { port: first, host: typeof args[1] === 'string' ? args[1] : 'localhost' }
					: { path: String(first) };
		const target = options.path ?? `${options.host ?? 'localhost'}:${options.port ?? ''}`;
		targets.push(target);
		if (options.path === undefined) {
			if (options.lookup) {
				// A pinned lookup answers for a name: only its loopback answers may go through.
				const inner = options.lookup;
				options.lookup = (host, opts, callback) =>
					inner(host, opts, (err, address, family) => {
						const list = Array.isArray(address)
							? (address as Array<{ address: string }>).map((a) => a.address)
							: [address];
						if (!err && !list.every(isLoopback)) {
							blocked.push(`${target} → ${list.join(', ')}`);
							callback(new Error(`campaign: ${list.join(', ')} is off loopback`), '', 4);
						} else callback(err, address, family);
					});
			} else if (!isLoopback(options.host)) {
				blocked.push(target);
				process.nextTick(() => this.destroy(new Error(`campaign: ${target} is off loopback`)));
				return this;
			}
		}
		this.once('connect', () => connected.push(`${this.remoteAddress}:${this.remotePort}`));
		return (original as (...a: unknown[]) => net.Socket).apply(this, args);
	};
	net.Socket.prototype.connect = patched as Connect;
	return {
		get count() {
			return targets.length;
		},
		targets,
		blocked,
		connected,
		restore() {
			net.Socket.prototype.connect = original;
		}
	};
}
