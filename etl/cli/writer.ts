import { openDb, type Db } from '../../db/client.ts';
import { LOCK_KEYS, LockBusyError, type LockHolder } from '../../db/session-lock.ts';
import { abortStaleRuns, type AbortedRun } from '../load/stale-runs.ts';

/** How long a writer waits for another by default before refusing (`ingest --lock-wait`). */
export const DEFAULT_LOCK_WAIT_MS = 10_000;

/**
 * The database for a command that writes the run ledger (ingest, registry import, demo), opened
 * in this order: connect; take the ETL writer lock, so that two writers never run at once (on
 * PostgreSQL a session advisory lock, waited for up to `lockWaitMs`; on PGlite the data-folder
 * lock openDb already took, db/pglite-lock.ts, which refuses at once); migrate; then close as
 * 'aborted' every run a dead writer left 'running' (etl/load/stale-runs.ts), saying so on stderr.
 * Closing the handle releases the lock; so does the death of the process, whatever kills it.
 * Null, after saying why on stderr, when the database cannot be opened or another writer holds
 * it (exit 4 either way).
 */
export async function openWriterDb(
	command: string,
	options: { lockWaitMs?: number } = {}
): Promise<Db | null> {
	let handle: Db;
	try {
		handle = await openDb({ maintenance: true });
	} catch (e) {
		process.stderr.write(`ฐานข้อมูลขัดข้อง / database failure: ${(e as Error).message}\n`);
		return null;
	}
	const waitMs = options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS;
	try {
		const lock = await handle.sessionLock(LOCK_KEYS.etlWriter, {
			label: `sujarit-etl ${command} pid ${process.pid}`,
			waitMs,
			onWait: (holder) =>
				process.stderr.write(
					`รอผู้เขียนอีกราย / waiting up to ${waitMs / 1000} s for ${describe(holder)}\n`
				)
		});
		await handle.migrate();
		const aborted = await abortStaleRuns(
			handle.db,
			`aborted: left running by a process that is gone; closed by ${command} (pid ${process.pid})`
		);
		for (const run of aborted) process.stderr.write(abortedLine(run));
		return {
			...handle,
			async close() {
				try {
					await lock.release();
				} finally {
					await handle.close();
				}
			}
		};
	} catch (e) {
		await handle.close().catch(() => {});
		if (e instanceof LockBusyError) {
			process.stderr.write(
				`มีผู้เขียนอีกรายใช้ฐานข้อมูลนี้อยู่ / another ETL writer holds this database: ` +
					`${describe(e.holder)}. ลองใหม่เมื่อเสร็จ / try again once it has finished` +
					`${e.waitedMs > 0 ? '' : ' (or wait for it: --lock-wait SECONDS)'}.\n`
			);
		} else {
			process.stderr.write(`ฐานข้อมูลขัดข้อง / database failure: ${(e as Error).message}\n`);
		}
		return null;
	}
}

function describe(holder: LockHolder | null): string {
	if (!holder) return 'a writer that has just finished';
	return `${holder.application || 'a process'} (PostgreSQL backend ${holder.backendPid}, since ${holder.since})`;
}

function abortedLine(run: AbortedRun): string {
	const kept =
		run.kind === 'registry'
			? `${run.loaded} LAOs`
			: `${run.loaded} loaded + ${run.quarantined} quarantined documents`;
	return (
		`รอบ ${run.id} ค้างสถานะกำลังทำงานจากโปรเซสที่ไม่อยู่แล้ว: ปิดเป็น aborted / ` +
		`run ${run.id} (${run.kind}, ${run.source}, started ${run.startedAt}) was left running by a ` +
		`process that is gone: closed as aborted; what it committed is kept (${kept})\n`
	);
}
