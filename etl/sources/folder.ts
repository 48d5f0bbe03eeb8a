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

/** A folder being listed: its entries (names as the file system wrote them) and the next one. */
interface Frame {
	realDir: string;
	relDir: string;
	depth: number;
	names: Array<{ raw: Buffer; text: string }> | null;
	next: number;
}

/** How many bytes the UTF-8 sequence this lead byte starts should have; 0 if it starts none. */
function sequenceLength(lead: number): number {
	if (lead < 0x80) return 1;
	if (lead < 0xc2) return 0;
	if (lead < 0xe0) return 2;
	if (lead < 0xf0) return 3;
	return lead < 0xf5 ? 4 : 0;
}

/**
 * A name that is not UTF-8 (a TIS-620 name out of a zip made on Thai Windows) cannot be given to
 * the string paths below: its bytes would come back as U+FFFD and name another, missing file.
 * Shown with each stray byte as \xNN, so that the record names the file exactly.
 */
function escapeName(raw: Buffer): string {
	let out = '';
	let i = 0;
	while (i < raw.length) {
		const b = raw[i] as number;
		const len = sequenceLength(b);
		const piece = len > 0 ? raw.subarray(i, i + len) : null;
		const text = piece && piece.length === len ? piece.toString('utf8') : null;
		if (text !== null && piece !== null && Buffer.from(text).equals(piece)) {
			out += text;
			i += len;
		} else {
			out += `\\x${b.toString(16).padStart(2, '0')}`;
			i += 1;
		}
	}
	return out;
}

async function listNames(realDir: string): Promise<Array<{ raw: Buffer; text: string }>> {
	const raws = await readdir(realDir, { encoding: 'buffer' });
	return raws
		.map((raw) => ({ raw, text: raw.toString('utf8') }))
		.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : Buffer.compare(a.raw, b.raw)));
}

/**
 * The walk, depth-first with an explicit stack (a recursive generator overflowed the call stack
 * at 2,000 levels when maxDepth was raised; each yield also climbed every level). The stack
 * holds exactly the folders above the current one, which is what a loop is checked against.
 */
async function* plan(root: string, maxBytes: number, maxDepth: number): AsyncGenerator<Planned> {
	let realRoot: string;
	try {
		realRoot = await realpath(root);
	} catch (e) {
		throw new EtlSourceError('not_found', root, {}, { cause: e });
	}
	const dirs = new Map<string, string>([[realRoot, '.']]);
	const files = new Map<string, string>();
	const stack: Frame[] = [{ realDir: realRoot, relDir: '', depth: 0, names: null, next: 0 }];

	while (stack.length > 0) {
		const frame = stack[stack.length - 1] as Frame;
		const { realDir, relDir, depth } = frame;
		if (frame.names === null) {
			try {
				frame.names = await listNames(realDir);
			} catch (e) {
				stack.pop();
				yield failed(relDir || '.', 'read_failed', { detail: detail(e) });
				continue;
			}
		}
		const entry = frame.names[frame.next++];
		if (entry === undefined) {
			stack.pop();
			continue;
		}
		const name = entry.text;
		if (!Buffer.from(name).equals(entry.raw)) {
			const shown = escapeName(entry.raw);
			yield skipped(relDir ? `${relDir}/${shown}` : shown, 'name_not_utf8');
			continue;
		}
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
		} catch (e) {
			// ENOENT: listed a moment ago, removed or renamed since. ENAMETOOLONG: deeper than PATH_MAX.
			const gone = (e as NodeJS.ErrnoException).code === 'ENOENT';
			yield gone
				? failed(origin, 'changed_while_reading')
				: failed(origin, 'read_failed', { detail: detail(e) });
			continue;
		}
		if (st.isSymbolicLink()) {
			try {
				real = await realpath(path);
				if (!isInside(realRoot, real)) {
					yield skipped(origin, 'outside_root');
					continue;
				}
				st = await stat(real);
			} catch (e) {
				const code = (e as NodeJS.ErrnoException).code;
				if (code === 'ELOOP') yield skipped(origin, 'symlink_loop');
				else if (code === 'ENOENT') yield skipped(origin, 'broken_link');
				else yield failed(origin, 'read_failed', { detail: detail(e) });
				continue;
			}
		}
		if (st.isDirectory()) {
			if (stack.some((f) => f.realDir === real)) {
				yield skipped(origin, 'symlink_loop');
				continue;
			}
			const other = dirs.get(real);
			if (other !== undefined) {
				yield skipped(origin, 'duplicate_folder', { other });
				continue;
			}
			dirs.set(real, origin);
			stack.push({ realDir: real, relDir: origin, depth: depth + 1, names: null, next: 0 });
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
