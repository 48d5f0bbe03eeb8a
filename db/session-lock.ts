import type { Sql } from 'postgres';

/**
 * Session-level advisory locks on PostgreSQL, for what must run one process at a time across
 * many transactions (the ETL writers: etl/cli/writer.ts). The lock lives on a connection of its
 * own, reserved from the pool and idle while held, so that it is the server that releases it
 * when the process dies: a SIGKILLed client's socket is closed by the kernel, the idle backend
 * reads end-of-file at once and exits, and its locks go with it. That makes "the lock is free"
 * a sound test of "no writer is alive", which a row in a table cannot give.
 *
 * Keys are two int4 so that pg_locks shows them plainly: classid = LOCK_NAMESPACE, objid = key,
 * objsubid = 2 (release publishing's one-key transaction lock cannot collide with them).
 */
export const LOCK_NAMESPACE = 0x53554a52; // 'SUJR'
export const LOCK_KEYS = { etlWriter: 1 } as const;

export interface SessionLock {
	/** Unlocks and gives the connection back. Safe to call twice. */
	release(): Promise<void>;
}

/** Who holds a lock, as PostgreSQL sees them. */
export interface LockHolder {
	/** The holder's application_name: our writers put their command and process id there. */
	application: string;
	/** The server process (backend) holding the lock. */
	backendPid: number;
	/** When its connection was opened. */
	since: string;
}

export interface LockOptions {
	/** Set as the lock connection's application_name, so that a refused process can say who. */
	label: string;
	/** How long to wait for a held lock; 0 refuses at once. */
	waitMs: number;
	/** Told once, before waiting, that the lock is held and by whom. */
	onWait?: (holder: LockHolder | null) => void;
}

export class LockBusyError extends Error {
	readonly code = 'lock_busy';
	override readonly name = 'LockBusyError';
	constructor(
		readonly holder: LockHolder | null,
		readonly waitedMs: number
	) {
		super(
			`lock held${holder ? ` by ${holder.application || '(no name)'} (backend ${holder.backendPid}, connected ${holder.since})` : ''}${waitedMs > 0 ? `; waited ${waitedMs / 1000} s` : ''}`
		);
	}
}

const LOCK_TIMEOUT = '55P03';

export async function postgresSessionLock(
	client: Sql,
	key: number,
	options: LockOptions
): Promise<SessionLock> {
	const conn = await client.reserve();
	try {
		await conn`select set_config('application_name', ${options.label}, false)`;
		// The connection sits idle while it holds the lock: a server-wide idle_session_timeout
		// (PostgreSQL 14+) would end it, and the lock with it, in the middle of a long run.
		await conn`select set_config('idle_session_timeout', '0', false)
			where current_setting('server_version_num')::int >= 140000`;
		const [got] = await conn<
			Array<{ ok: boolean }>
		>`select pg_try_advisory_lock(${LOCK_NAMESPACE}, ${key}) as ok`;
		if (!got?.ok) {
			const holder = await lockHolder(conn, key);
			if (options.waitMs <= 0) throw new LockBusyError(holder, 0);
			options.onWait?.(holder);
			await conn`select set_config('lock_timeout', ${`${Math.ceil(options.waitMs)}ms`}, false)`;
			try {
				await conn`select pg_advisory_lock(${LOCK_NAMESPACE}, ${key})`;
			} catch (error) {
				if ((error as { code?: string }).code !== LOCK_TIMEOUT) throw error;
				throw new LockBusyError((await lockHolder(conn, key)) ?? holder, options.waitMs);
			}
			await conn`select set_config('lock_timeout', '0', false)`;
		}
	} catch (error) {
		conn.release();
		throw error;
	}
	let held = true;
	return {
		async release() {
			if (!held) return;
			held = false;
			try {
				await conn`select pg_advisory_unlock(${LOCK_NAMESPACE}, ${key})`;
				await conn`reset application_name`;
			} finally {
				conn.release();
			}
		}
	};
}

async function lockHolder(conn: Sql, key: number): Promise<LockHolder | null> {
	const [row] = await conn<Array<{ application: string; backend_pid: number; since: string }>>`
		select a.application_name as application, a.pid as backend_pid,
			to_char(a.backend_start, 'YYYY-MM-DD HH24:MI:SS TZ') as since
		from pg_locks l join pg_stat_activity a on a.pid = l.pid
		where l.locktype = 'advisory' and l.granted and l.objsubid = 2
			and l.classid::bigint = ${LOCK_NAMESPACE} and l.objid::bigint = ${key}
			and l.database = (select oid from pg_database where datname = current_database())
		limit 1`;
	return row
		? { application: row.application, backendPid: row.backend_pid, since: row.since }
		: null;
}
