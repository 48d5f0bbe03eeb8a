/**
 * Pins the local PostgreSQL server to the server's core for a load run, so that the load
 * generator's core carries the generator alone: the postmaster and every process it has started
 * (`taskset -a -p`, all threads); backends started later inherit the postmaster's affinity.
 * The old affinity is put back by the returned `restore`. Needs the right to change another
 * user's processes (root): without it, or when the database is not on this machine, nothing is
 * pinned and the reason is returned for the results.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDb } from '../../../db/client.ts';
import { queryRows } from '../../../db/rows.ts';

export interface PostgresPinning {
	/** What the results record: the cores, or why nothing was pinned. */
	note: string;
	processes: number;
	restore(): void;
}

/** Which cores a process may run on, as the kernel says. */
export function cpusAllowed(pid: number): string {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return /Cpus_allowed_list:\s*(\S+)/.exec(status)?.[1] ?? '?';
}

/** The processes whose parent is `pid` (from /proc: pgrep's answer without pgrep). */
function childrenOf(pid: number): number[] {
	const out: number[] = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			// pid (comm) state ppid …: comm may hold spaces and parentheses, so read after the last ')'.
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			if (ppid === pid) out.push(Number(entry));
		} catch {
			// The process ended while /proc was read.
		}
	}
	return out;
}

function taskset(cores: string, pid: number): string | null {
	const r = spawnSync('taskset', ['-a', '-p', '-c', cores, String(pid)], { encoding: 'utf8' });
	return r.status === 0 ? null : (r.stderr || r.error?.message || `exit ${r.status}`).trim();
}

const unpinned = (why: string): PostgresPinning => ({
	note: `not pinned: ${why}`,
	processes: 0,
	restore() {}
});

export async function pinPostgres(cores: string): Promise<PostgresPinning> {
	const handle = await openDb({ maintenance: true });
	let dataDirectory: string;
	try {
		const rows = await queryRows<{ dir: string }>(
			handle.db,
			sql`select setting as dir from pg_settings where name = 'data_directory'`
		);
		dataDirectory = rows[0]!.dir;
	} catch (e) {
		return unpinned(`the data directory could not be read (${(e as Error).message})`);
	} finally {
		await handle.close();
	}
	let postmaster: number;
	try {
		postmaster = Number(readFileSync(join(dataDirectory, 'postmaster.pid'), 'utf8').split('\n')[0]);
		readFileSync(`/proc/${postmaster}/status`);
	} catch (e) {
		return unpinned(`no local postmaster at ${dataDirectory} (${(e as Error).message})`);
	}
	const before = cpusAllowed(postmaster);
	const pids = [postmaster, ...childrenOf(postmaster)];
	const failed = pids.map((pid) => taskset(cores, pid)).filter((e) => e !== null);
	// A child may end between the listing and taskset: only the postmaster's failure counts.
	if (cpusAllowed(postmaster) !== cores) {
		return unpinned(`taskset refused (${failed[0] ?? 'affinity unchanged'})`);
	}
	return {
		note: `pinned to core ${cores} (postmaster ${postmaster} and ${pids.length - 1} processes; was ${before})`,
		processes: pids.length,
		restore() {
			for (const pid of [postmaster, ...childrenOf(postmaster)]) taskset(before, pid);
		}
	};
}
