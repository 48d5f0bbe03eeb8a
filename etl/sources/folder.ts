import { constants, type Stats } from 'node:fs';
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, join, sep } from 'node:path';
import { EtlSourceError } from './errors.ts';
import { failed, formatBytes, skipped } from './messages.ts';
import {
	DEFAULT_MAX_BYTES,
	DEFAULT_MAX_DEPTH,
	type Source,
	type SourceDocument,
	type SourceFailure,
	type SourceSkip
} from './types.ts';

/**
 * A folder of text exports, walked depth-first in code-unit order of names, so two runs over
 * the same tree yield the same entries in the same order. Real paths are checked against the
 * root's real path before anything is opened: nothing outside the root is ever read.
 */

export const SUPPORTED_EXTENSIONS: readonly string[] = ['.txt', '.tsv', '.md', '.html', '.htm'];

export interface FolderOptions {
	/** Files above this many bytes are skipped unread. Default 20 MiB. */
	maxBytes?: number;
	/** Entries more than this many folders below the root are skipped. Default 32. */
	maxDepth?: number;
}

/** A file that passed every check by its metadata; read later (or only counted). */
interface Candidate {
	type: 'candidate';
	origin: string;
	realPath: string;
	dev: number;
	ino: number;
}

type Planned = Candidate | SourceSkip | SourceFailure;

function isInside(realRoot: string, real: string): boolean {
	const prefix = realRoot.endsWith(sep) ? realRoot : realRoot + sep;
	return real === realRoot || real.startsWith(prefix);
}

function detail(e: unknown): string {
	const err = e as NodeJS.ErrnoException;
	return err.code ?? err.message;
}

function notRegular(st: Stats): string {
	if (st.isFIFO()) return 'FIFO';
	if (st.isSocket()) return 'socket';
	if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
	return 'other';
}

/** The checks a file's metadata can settle: type, extension, size. */
function checkFile(origin: string, st: Stats, maxBytes: number): SourceSkip | null {
	if (!st.isFile()) return skipped(origin, 'not_regular_file', { what: notRegular(st) });
	const ext = extname(origin).toLowerCase();
	if (!SUPPORTED_EXTENSIONS.includes(ext)) {
		return skipped(origin, 'unsupported_type', { ext: ext || '(no extension)' });
	}
	if (st.size > maxBytes) {
		return skipped(origin, 'too_large_file', {
			size: formatBytes(st.size),
			limit: formatBytes(maxBytes)
		});
	}
	return null;
}

async function* plan(root: string, maxBytes: number, maxDepth: number): AsyncGenerator<Planned> {
	let realRoot: string;
	try {
		realRoot = await realpath(root);
	} catch (e) {
		throw new EtlSourceError('not_found', root, {}, { cause: e });
	}
	const dirs = new Map<string, string>([[realRoot, '.']]);
	const files = new Map<string, string>();

	async function* walk(
		realDir: string,
		relDir: string,
		depth: number,
		up: Set<string>
	): AsyncGenerator<Planned> {
		let names: string[];
		try {
			names = (await readdir(realDir)).sort();
		} catch (e) {
			yield failed(relDir || '.', 'read_failed', { detail: detail(e) });
			return;
		}
		for (const name of names) {
			const origin = relDir ? `${relDir}/${name}` : name;
			if (name.startsWith('.')) {
				yield skipped(origin, 'hidden');
				continue;
			}
			if (depth + 1 > maxDepth) {
				yield skipped(origin, 'too_deep', { limit: maxDepth });
				continue;
			}
			const path = join(realDir, name);
			let real = path;
			let st: Stats;
			try {
				st = await lstat(path);
				if (st.isSymbolicLink()) {
					real = await realpath(path);
					if (!isInside(realRoot, real)) {
						yield skipped(origin, 'outside_root');
						continue;
					}
					st = await stat(real);
				}
			} catch (e) {
				const code = (e as NodeJS.ErrnoException).code;
				if (code === 'ELOOP') yield skipped(origin, 'symlink_loop');
				else if (code === 'ENOENT') yield skipped(origin, 'broken_link');
				else yield failed(origin, 'read_failed', { detail: detail(e) });
				continue;
			}
			if (st.isDirectory()) {
				if (up.has(real)) {
					yield skipped(origin, 'symlink_loop');
					continue;
				}
				const other = dirs.get(real);
				if (other !== undefined) {
					yield skipped(origin, 'duplicate_folder', { other });
					continue;
				}
				dirs.set(real, origin);
				yield* walk(real, origin, depth + 1, new Set([...up, real]));
				continue;
			}
			const skip = checkFile(origin, st, maxBytes);
			if (skip) {
				yield skip;
				continue;
			}
			const key = `${st.dev}:${st.ino}`;
			const other = files.get(key);
			if (other !== undefined) {
				yield skipped(origin, 'duplicate_file', { other });
				continue;
			}
			files.set(key, origin);
			yield { type: 'candidate', origin, realPath: real, dev: st.dev, ino: st.ino };
		}
	}

	yield* walk(realRoot, '', 0, new Set([realRoot]));
}

/**
 * Opens the checked real path without following a final link and without blocking on a FIFO,
 * then makes sure it is still the very file that was checked (a swapped path is not read).
 */
async function readCandidate(
	c: Candidate,
	maxBytes: number
): Promise<SourceDocument | SourceSkip | SourceFailure> {
	const flags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
	let fh: Awaited<ReturnType<typeof open>> | undefined;
	try {
		fh = await open(c.realPath, flags);
		const st = await fh.stat();
		if (!st.isFile() || st.dev !== c.dev || st.ino !== c.ino) {
			return failed(c.origin, 'changed_while_reading');
		}
		const tooLarge = (size: number) =>
			skipped(c.origin, 'too_large_file', {
				size: formatBytes(size),
				limit: formatBytes(maxBytes)
			});
		if (st.size > maxBytes) return tooLarge(st.size);
		// Read to the cap plus one byte: a file that grew since its stat is still caught.
		const buf = new Uint8Array(Math.min(st.size, maxBytes) + 1);
		let length = 0;
		for (;;) {
			if (length === buf.length) return tooLarge(length);
			const { bytesRead } = await fh.read(buf, length, buf.length - length, null);
			if (bytesRead === 0) break;
			length += bytesRead;
			if (length > maxBytes) return tooLarge(length);
		}
		return { type: 'document', origin: c.origin, originKind: 'file', bytes: buf.slice(0, length) };
	} catch (e) {
		return failed(c.origin, 'read_failed', { detail: detail(e) });
	} finally {
		await fh?.close();
	}
}

export function folderSource(root: string, options: FolderOptions = {}): Source {
	const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
	const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
	return {
		/** Walks the tree by metadata alone (no file is opened): exact, and cheap next to parsing. */
		async countHint() {
			let n = 0;
			for await (const _ of plan(root, maxBytes, maxDepth)) n++;
			return n;
		},
		async *[Symbol.asyncIterator]() {
			for await (const p of plan(root, maxBytes, maxDepth)) {
				yield p.type === 'candidate' ? await readCandidate(p, maxBytes) : p;
			}
		}
	};
}

/** One document named directly: the user chose it, so hidden names and links are accepted. */
export function fileSource(path: string, options: FolderOptions = {}): Source {
	const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
	const origin = basename(path);
	return {
		countHint: async () => 1,
		async *[Symbol.asyncIterator]() {
			let real: string;
			let st: Stats;
			try {
				real = await realpath(path);
				st = await stat(real);
			} catch (e) {
				throw new EtlSourceError('not_found', path, {}, { cause: e });
			}
			const skip = checkFile(origin, st, maxBytes);
			yield (
				skip ??
				(await readCandidate(
					{ type: 'candidate', origin, realPath: real, dev: st.dev, ino: st.ino },
					maxBytes
				))
			);
		}
	};
}
