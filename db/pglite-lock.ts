import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * One process at a time in a PGlite data folder. PGlite is PostgreSQL compiled to WASM inside one
 * Node process: two processes opening the same folder (the server and `npm run users`, or two ETL
 * runs) each believe they own the files, and the second writer corrupts the first. PGlite checks
 * nothing of the kind, so openPglite takes this lock first.
 *
 * The lock is a file created with O_EXCL ('wx') holding the owner's pid. It is stale when that pid
 * no longer runs (a crash, a kill -9), and is then taken over. It is released on close and, as a
 * last resort, when the process exits. Two limits, accepted: a pid reused by an unrelated process
 * keeps a stale lock looking alive (delete the file by hand, the error says where), and the
 * folder must be on a local file system (O_EXCL is not atomic on every network one).
 */
export const LOCK_FILE = 'sujarit.lock';

export class DataDirLockedError extends Error {
	readonly code = 'data_dir_locked';
	constructor(
		readonly dir: string,
		readonly pid: number
	) {
		super(
			`โฟลเดอร์ข้อมูล PGlite ${dir} ถูกใช้อยู่โดยโปรเซส ${pid} (เซิร์ฟเวอร์หรือคำสั่งอื่น) ` +
				`/ the PGlite data folder ${dir} is in use by process ${pid} (the server or another ` +
				`command): stop it first, or use PostgreSQL (DATABASE_URL). If no such process runs, ` +
				`delete ${join(dir, LOCK_FILE)}.`
		);
		this.name = 'DataDirLockedError';
	}
}

export interface DataDirLock {
	readonly path: string;
	/** Removes the lock file if it is still ours. Safe to call twice. */
	release(): void;
}

/** Takes the lock of `dir` (an existing folder) for this process, or throws DataDirLockedError. */
export function lockDataDir(dir: string): DataDirLock {
	const path = join(resolve(dir), LOCK_FILE);
	const mine = `${process.pid}\n`;
	// A few tries: after removing a stale lock, or while another process is writing its pid.
	for (let attempt = 0; attempt < 5; attempt++) {
		try {
			const fd = openSync(path, 'wx', 0o644);
			try {
				writeSync(fd, mine);
			} finally {
				closeSync(fd);
			}
			return holding(path, mine);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		const content = readOwner(path);
		if (content === null) continue; // removed meanwhile: try again
		if (content === '') {
			// Created an instant ago, pid not written yet: wait for it rather than call it stale.
			Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
			continue;
		}
		const pid = Number.parseInt(content, 10);
		if (Number.isInteger(pid) && pid > 0 && isRunning(pid)) {
			throw new DataDirLockedError(resolve(dir), pid);
		}
		// Stale (its process is gone, or the file is garbage). Re-read right before removing it,
		// so that a lock another process has just taken over is not removed in its place.
		if (readOwner(path) === content) removeQuietly(path);
	}
	const pid = Number.parseInt(readOwner(path) ?? '', 10);
	throw new DataDirLockedError(resolve(dir), Number.isInteger(pid) ? pid : 0);
}

function holding(path: string, mine: string): DataDirLock {
	let held = true;
	const release = () => {
		if (!held) return;
		held = false;
		process.off('exit', release);
		if (readOwner(path) === mine) removeQuietly(path);
	};
	process.on('exit', release);
	return { path, release };
}

function readOwner(path: string): string | null {
	try {
		return readFileSync(path, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw error;
	}
}

function removeQuietly(path: string): void {
	try {
		unlinkSync(path);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
	}
}

/** Signal 0 checks that the process exists; EPERM means it exists under another user. */
function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
