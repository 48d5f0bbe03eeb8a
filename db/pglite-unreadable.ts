import { resolve } from 'node:path';

/**
 * A PGlite data folder that PGlite cannot open: its files are damaged (a disk fault, a copy taken
 * while a process was writing, a folder edited by hand). A process killed while writing is NOT
 * such a case by itself: PGlite replays its write-ahead log on the next open like PostgreSQL
 * does (tests/crash/pglite.test.ts kills writers at every point and reopens). The message says
 * what to do, since nothing here can repair the folder: keep it aside, rebuild from the sources
 * (the ETL is idempotent: a document's identity is its sha256), or restore a copy.
 */
export class DataDirUnreadableError extends Error {
	readonly code = 'data_dir_unreadable';
	override readonly name = 'DataDirUnreadableError';
	constructor(
		readonly dir: string,
		options: { cause: unknown }
	) {
		const where = resolve(dir);
		const why = options.cause instanceof Error ? options.cause.message : String(options.cause);
		super(
			`เปิดโฟลเดอร์ข้อมูล PGlite ${where} ไม่ได้ (${why}) / the PGlite data folder ${where} cannot be ` +
				`opened (${why}). ทางแก้ / to recover: move it aside (mv "${where}" "${where}.damaged"), ` +
				`then rebuild it: npm run etl -- registry import <register>, npm run etl -- ingest <sources> ` +
				`(re-ingesting is safe, documents are identified by sha256); or restore a copy of the folder.`,
			options
		);
	}
}
