import { readFileSync, writeFileSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openPglite } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { runCli, tempDir } from '../etl/helpers.ts';
import { VECTORS } from './ssrf-vectors.ts';

/**
 * The literal vectors (refused on the URL alone, no DNS) as one JSON manifest through the real
 * `etl ingest`, in a child process whose every connect() is counted and refused by a preload
 * (socket-spy.preload.mjs), on a PGlite folder of its own. Two rows a manifest can add: a URL
 * with an escaped NUL, and the credentials row repeated (a duplicate, recorded without the
 * password). What the run recorded is read back from run_events.
 */

const PRELOAD = new URL('./socket-spy.preload.mjs', import.meta.url).pathname;
export const SECRET = 'hunter2';

export interface CliRow {
	line: number;
	id: string;
	expected: string;
	type: string;
	code: string;
	origin: string;
	message: string;
}

export interface SsrfCliReport {
	exitCode: number | null;
	ms: number;
	rows: CliRow[];
	/** Connections the loopback listener at {P} accepted while the CLI ran. */
	listenerConnections: number;
	/** connect() calls per process of the CLI (tsx's launcher and the ETL itself). */
	sockets: Array<{ pid: number; count: number; targets: string[]; ipc: number }>;
	/** run_events rows whose origin or message holds the password. */
	passwordsStored: number;
	summary: { seen: number; skipped: number; failed: number };
}

/** A unique URL per vector (the manifest dedupes by normalised URL: 127.1 and 127.0.0.1 are one). */
function tagged(url: string, id: string): string {
	return `${url}${url.includes('?') ? '&' : '?'}vector=${id}`;
}

export async function runSsrfCli(): Promise<SsrfCliReport> {
	const tmp = await tempDir('ssrf-cli');
	// {P}: a listener on loopback that counts, so a loopback spelling let through would show here
	// even if the preload missed it.
	let listenerConnections = 0;
	const listener = net.createServer((s) => (listenerConnections++, s.destroy()));
	await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
	const port = (listener.address() as AddressInfo).port;
	try {
		const literal = VECTORS.filter((v) => v.literal);
		const entries: Array<{ id: string; expected: string; url: string }> = literal.map((v) => ({
			id: v.id,
			// The manifest reader refuses what is not a URL before any fetch.
			expected: v.group === 'invalid' ? 'manifest_row' : v.code,
			url: tagged(v.url.replaceAll('{P}', String(port)), v.id)
		}));
		const userinfo = entries.find((e) => e.id === 'userinfo');
		entries.push(
			{ id: 'nul-escaped', expected: 'manifest_row', url: 'http://10.0.0.1/a\u0000b' },
			{ id: 'userinfo-again', expected: 'duplicate', url: userinfo?.url ?? '' }
		);
		// One element per line, so that line N + 1 is entries[N - 1].
		const manifest = join(tmp.path, 'hostile.json');
		writeFileSync(
			manifest,
			`[\n${entries.map((e) => JSON.stringify({ url: e.url })).join(',\n')}\n]\n`
		);
		const spyFile = join(tmp.path, 'sockets.jsonl');
		writeFileSync(spyFile, '');
		const dataDir = join(tmp.path, 'pglite');
		const started = performance.now();
		const result = await runCli(['ingest', manifest, '--json'], {
			dataDir,
			env: { NODE_OPTIONS: `--import ${PRELOAD}`, SUJARIT_SOCKET_SPY: spyFile }
		});
		const ms = Math.round(performance.now() - started);
		const sockets = readFileSync(spyFile, 'utf8')
			.split('\n')
			.filter(Boolean)
			.map((l) => JSON.parse(l) as SsrfCliReport['sockets'][number]);
		const summary = JSON.parse(result.stdout || '{}') as SsrfCliReport['summary'];

		const handle = await openPglite(dataDir, { maintenance: true });
		try {
			const events = await queryRows<{
				type: string;
				code: string;
				origin: string;
				message: string;
			}>(handle.db, sql`select type, code, origin, message from run_events order by id`);
			const rows = events.map((e, i): CliRow => {
				const entry = entries[i];
				return {
					line: i + 2,
					id: entry?.id ?? '?',
					expected: entry?.expected ?? '?',
					...e
				};
			});
			const passwordsStored = events.filter((e) =>
				`${e.origin} ${e.message}`.includes(SECRET)
			).length;
			return {
				exitCode: result.code,
				ms,
				listenerConnections,
				rows,
				sockets,
				passwordsStored,
				summary: { seen: summary.seen, skipped: summary.skipped, failed: summary.failed }
			};
		} finally {
			await handle.close();
		}
	} finally {
		await new Promise<void>((resolve) => listener.close(() => resolve()));
		await tmp.remove();
	}
}
