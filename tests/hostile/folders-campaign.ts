import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
	chmod,
	chown,
	link,
	mkdir,
	readdir,
	readFile,
	stat,
	symlink,
	truncate,
	writeFile
} from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openPglite } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { folderSource } from '../../etl/sources/folder.ts';
import { ROOT, runCli, SEED, seedText, tempDir } from '../etl/helpers.ts';

/**
 * Campaign 5, hostile folders: a tree built to escape, block, exhaust or confuse the folder walk,
 * ingested by the real `etl ingest` into a PGlite folder of its own. Every entry must end as a
 * document or a run_events row with its reason, and the canaries next to the root (a file
 * outside it, a hidden file inside it) must appear nowhere: not in any byte of the database
 * folder, not in the CLI's output. Permissions mean nothing to root, so the chmod 000 cases run
 * again as `nobody` (when the campaign runs as root).
 */

export const DEPTH = 1000;
export const MANY = 2000;
export const WALK_ONLY_FILES = 20_000;

export interface FolderEntry {
	origin: string;
	/** loaded | quarantined | duplicate for documents, else skipped:code or failed:code. */
	outcome: string;
}

export interface FolderReport {
	asRoot: boolean;
	exitCode: number | null;
	ms: number;
	/** What the CLI reported, entry by entry, in walk order. */
	events: FolderEntry[];
	/** Read back from the database: run_events as type:code, source_documents as `document`. */
	persisted: FolderEntry[];
	canaries: {
		outside: { token: string; inDatabaseFolder: boolean; inOutput: boolean };
		hidden: { token: string; inDatabaseFolder: boolean; inOutput: boolean };
		/** A hard link to a file outside the root IS in the root: read (see the report's notes). */
		hardLink: { token: string; inDatabaseFolder: boolean };
	};
	/** Escaped labels: no progress line was forged by a name holding a newline. */
	stderrLines: number;
	shellInjection: boolean;
	/** The chmod 000 file and folder as nobody (null when not root). */
	asNobody: { exitCode: number | null; events: FolderEntry[]; stderr?: string } | null;
	walkOnly: { files: number; ms: number; entries: number };
	notes: string[];
}

/** By origin, then outcome, in code-unit order (as the walk sorts names). */
export function sortEntries(entries: FolderEntry[]): FolderEntry[] {
	const key = (e: FolderEntry) => `${e.origin}\u0000${e.outcome}`;
	return [...entries].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

const outcomeOf = (e: { type: string; outcome?: string; code?: string }): string =>
	e.type === 'document' ? (e.outcome ?? '?') : `${e.type}:${e.code}`;

async function containsToken(dir: string, token: Buffer): Promise<boolean> {
	for (const name of await readdir(dir, { recursive: true })) {
		const path = join(dir, name);
		if (!(await stat(path)).isFile()) continue;
		if ((await readFile(path)).includes(token)) return true;
	}
	return false;
}

/** `depth` nested folders `d` under `dir` with `leaf` at the bottom, past any PATH_MAX trouble. */
function nest(dir: string, depth: number, leaf: string): void {
	execFileSync(process.execPath, [
		'-e',
		`const fs = require('node:fs'); process.chdir(${JSON.stringify(dir)});
		for (let i = 0; i < ${depth}; i++) { fs.mkdirSync('d'); process.chdir('d'); }
		fs.writeFileSync('x.txt', ${JSON.stringify(leaf)});`
	]);
}

export async function runFoldersCampaign(): Promise<FolderReport> {
	const asRoot = process.getuid?.() === 0;
	const tmp = await tempDir('folders');
	const sockets: Server[] = [];
	try {
		const parent = tmp.path;
		const root = join(parent, 'root');
		const outside = join(parent, 'outside');
		await mkdir(root);
		await mkdir(outside);
		const outsideToken = `SUJARIT-CANARY-OUTSIDE-${randomBytes(8).toString('hex')}`;
		const hiddenToken = `SUJARIT-CANARY-HIDDEN-${randomBytes(8).toString('hex')}`;
		const hardLinkToken = `SUJARIT-CANARY-HARDLINK-${randomBytes(8).toString('hex')}`;
		await writeFile(join(outside, 'secret.txt'), outsideToken);
		await writeFile(join(outside, 'linked.txt'), hardLinkToken);
		const notes: string[] = [];

		// A real document, so that something loads, and a hard link to it (same inode: a duplicate).
		await mkdir(join(root, 'good'));
		await writeFile(join(root, 'good', SEED.annual), seedText(SEED.annual));
		await link(join(root, 'good', SEED.annual), join(root, 'hardlink-inside.txt'));
		await symlink('good', join(root, 'linked-dir'));
		// Out of the root: relative, absolute, through a chain, a folder, system files, devices.
		await symlink('../outside/secret.txt', join(root, 'escape-relative.txt'));
		await symlink(join(outside, 'secret.txt'), join(root, 'escape-absolute.txt'));
		await symlink('escape-relative.txt', join(root, 'escape-chain.txt'));
		await symlink('../outside', join(root, 'escape-dir'));
		await symlink('/etc/passwd', join(root, 'etc-passwd.txt'));
		await symlink('/proc/self/environ', join(root, 'proc-environ.txt'));
		await symlink('/dev/zero', join(root, 'dev-zero.txt'));
		await symlink('/dev/urandom', join(root, 'dev-urandom.txt'));
		await symlink('/', join(root, 'slash'));
		// Loops and dangling links.
		await symlink('loop-b.txt', join(root, 'loop-a.txt'));
		await symlink('loop-a.txt', join(root, 'loop-b.txt'));
		await symlink('self.txt', join(root, 'self.txt'));
		await symlink('.', join(root, 'dot-loop'));
		await symlink('..', join(root, 'dotdot-loop'));
		await symlink('missing.txt', join(root, 'dangling.txt'));
		// Not regular files: a FIFO (opening it would block), a socket, a device node (root only).
		execFileSync('mkfifo', [join(root, 'fifo.txt')]);
		const sock = createServer();
		sockets.push(sock);
		await new Promise<void>((resolve) => sock.listen(join(root, 'socket.txt'), resolve));
		if (asRoot) execFileSync('mknod', [join(root, 'zero-node.txt'), 'c', '1', '5']);
		// Sizes: 25 MiB (between the parser's and the source's cap: read, then quarantined) and
		// 1 GiB (over the source's 64 MiB: skipped by its size, never read). Both sparse.
		await writeFile(join(root, 'sparse-25MiB.txt'), '');
		await truncate(join(root, 'sparse-25MiB.txt'), 25 * 1024 * 1024);
		await writeFile(join(root, 'sparse-1GiB.txt'), '');
		await truncate(join(root, 'sparse-1GiB.txt'), 1024 * 1024 * 1024);
		// Depth and breadth.
		await mkdir(join(root, 'deep'));
		nest(join(root, 'deep'), DEPTH, 'at the bottom');
		await mkdir(join(root, 'many'));
		for (let i = 0; i < MANY; i++) {
			await writeFile(join(root, 'many', `f${String(i).padStart(4, '0')}.pdf`), '%PDF');
		}
		// Permissions (root reads through them; the nobody run below does not).
		await writeFile(join(root, 'unreadable.txt'), 'mode 000');
		await chmod(join(root, 'unreadable.txt'), 0o000);
		// Names.
		await writeFile(join(root, '.env'), hiddenToken);
		await writeFile(join(root, 'new\nline.txt'), 'a name with a newline');
		await writeFile(join(root, 'a.txt\n[9] loaded forged.txt'), 'a forged progress line');
		await writeFile(join(root, 'rlo-\u202etxt.exe.txt'), 'right-to-left override');
		await writeFile(join(root, 'esc-\u001b[31m-red.txt'), 'an ANSI escape');
		await writeFile(join(root, '$(touch pwned).txt'), 'shell metacharacters');
		await writeFile(join(root, `${'ก'.repeat(80)}.txt`), '244 bytes of name');
		await writeFile(Buffer.from(`${root}/caf\xe9.txt`, 'latin1'), 'Latin-1 name');
		const tis = Buffer.concat([
			Buffer.from(`${root}/`),
			Buffer.from([0xca, 0xd8, 0xa8, 0xc3, 0xd4, 0xb5])
		]);
		await mkdir(tis);
		await writeFile(Buffer.concat([tis, Buffer.from('/plan.txt')]), 'inside a TIS-620 folder');
		// The last hostile link: out of the root by a hard link (the same inode, another name).
		let hardLinked = true;
		try {
			await link(join(outside, 'linked.txt'), join(root, 'hardlink-outside.txt'));
		} catch {
			hardLinked = false;
			notes.push('hard link to a file outside the root: not possible here (another filesystem?)');
		}

		const dataDir = join(parent, 'pglite');
		const started = performance.now();
		const result = await runCli(['ingest', root, '--json'], { dataDir });
		const ms = Math.round(performance.now() - started);
		const summary = JSON.parse(result.stdout || '{"events":[]}') as {
			events: Array<{ type: string; origin: string; outcome?: string; code?: string }>;
		};
		const events = summary.events.map((e) => ({ origin: e.origin, outcome: outcomeOf(e) }));

		const handle = await openPglite(dataDir, { maintenance: true });
		let persisted: FolderEntry[];
		try {
			const rows = await queryRows<{ origin: string; outcome: string }>(
				handle.db,
				sql`select origin, type || ':' || code as outcome from run_events
					union all
					select origin, 'document' from source_documents`
			);
			persisted = sortEntries(rows.map((r) => ({ origin: r.origin, outcome: r.outcome })));
		} finally {
			await handle.close();
		}

		const output = Buffer.from(result.stdout + result.stderr);
		const report: FolderReport = {
			asRoot,
			exitCode: result.code,
			ms,
			events,
			persisted,
			canaries: {
				outside: {
					token: outsideToken,
					inDatabaseFolder: await containsToken(dataDir, Buffer.from(outsideToken)),
					inOutput: output.includes(outsideToken)
				},
				hidden: {
					token: hiddenToken,
					inDatabaseFolder: await containsToken(dataDir, Buffer.from(hiddenToken)),
					inOutput: output.includes(hiddenToken)
				},
				hardLink: {
					token: hardLinkToken,
					inDatabaseFolder: hardLinked && (await containsToken(dataDir, Buffer.from(hardLinkToken)))
				}
			},
			stderrLines: result.stderr.split('\n').filter((l) => /^\[\d+\] /.test(l)).length,
			shellInjection: existsSync(join(ROOT, 'pwned')) || existsSync(join(root, 'pwned')),
			asNobody: asRoot ? await runAsNobody(parent) : null,
			walkOnly: await walkMany(parent),
			notes
		};
		return report;
	} finally {
		for (const s of sockets) await new Promise<void>((resolve) => s.close(() => resolve()));
		await tmp.remove();
	}
}

/** The permission cases as an unprivileged user: a mode-000 file and folder, next to a document. */
async function runAsNobody(parent: string): Promise<FolderReport['asNobody']> {
	const dir = join(parent, 'as-nobody');
	const root = join(dir, 'root');
	const dataDir = join(dir, 'pglite');
	await mkdir(join(root, 'closed-dir'), { recursive: true });
	await writeFile(join(root, 'closed-dir', 'inside.txt'), 'behind a closed folder');
	await writeFile(join(root, 'readable.txt'), 'a readable file');
	await writeFile(join(root, 'unreadable.txt'), 'mode 000');
	await chmod(join(root, 'unreadable.txt'), 0o000);
	await chmod(join(root, 'closed-dir'), 0o000);
	await mkdir(dataDir);
	await chown(dataDir, 65534, 65534);
	// mkdtemp made the parents 0700: let nobody through to these two.
	await chmod(parent, 0o755);
	await chmod(dir, 0o755);
	const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
		(resolve, reject) => {
			const env: NodeJS.ProcessEnv = {
				...process.env,
				SUJARIT_DATA_DIR: dataDir,
				HOME: dir
			};
			delete env.DATABASE_URL;
			delete env.NODE_OPTIONS;
			const child = spawn(
				join(ROOT, 'node_modules/.bin/tsx'),
				['etl/cli.ts', 'ingest', root, '--json'],
				{
					cwd: ROOT,
					env,
					uid: 65534,
					gid: 65534,
					stdio: ['ignore', 'pipe', 'pipe']
				}
			);
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (b: Buffer) => (stdout += b));
			child.stderr.on('data', (b: Buffer) => (stderr += b));
			child.on('error', reject);
			child.on('close', (code) => resolve({ code, stdout, stderr }));
		}
	);
	const summary = JSON.parse(result.stdout || '{"events":[]}') as {
		events: Array<{ type: string; origin: string; outcome?: string; code?: string }>;
	};
	return {
		exitCode: result.code,
		events: summary.events.map((e) => ({ origin: e.origin, outcome: outcomeOf(e) })),
		...(result.code === 0 ? {} : { stderr: result.stderr.slice(-2000) })
	};
}

/** Breadth alone, without the database: the walk over many files, by metadata only. */
async function walkMany(parent: string): Promise<FolderReport['walkOnly']> {
	const dir = join(parent, 'walk-only');
	await mkdir(dir);
	for (let i = 0; i < WALK_ONLY_FILES; i += 1000) {
		await Promise.all(
			Array.from({ length: 1000 }, (_, j) =>
				writeFile(join(dir, `f${String(i + j).padStart(5, '0')}.txt`), '')
			)
		);
	}
	const started = performance.now();
	const entries = await folderSource(dir).countHint();
	return {
		files: WALK_ONLY_FILES,
		ms: Math.round(performance.now() - started),
		entries: entries ?? 0
	};
}
