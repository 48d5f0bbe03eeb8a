/** Exit codes of `npm run etl -- …`, documented in the README and in every --help. */
export const EXIT = {
	/** Done. For `ingest`: the run completed (quarantined documents are results, not failures). */
	ok: 0,
	/** `parse`: the document was quarantined (its JSON report is still printed). */
	quarantined: 1,
	/** Bad command line. */
	usage: 2,
	/** The input could not be read at all: missing path, unreadable manifest or register. */
	input: 3,
	/**
	 * The database failed (connection, migration, transaction), or another ETL writer holds it
	 * (etl/cli/writer.ts; PGlite: the server or another command holds the data folder).
	 */
	database: 4,
	/** A bug: an unexpected exception. */
	internal: 70
} as const;

export const EXIT_TABLE: ReadonlyArray<readonly [number, string, string]> = [
	[
		EXIT.ok,
		'สำเร็จ (ingest: การนำเข้าจบครบ แม้มีเอกสารถูกกักกัน)',
		'success (ingest: the run completed, quarantined documents included)'
	],
	[
		EXIT.quarantined,
		'parse: เอกสารถูกกักกัน (ยังพิมพ์รายงาน JSON)',
		'parse: the document was quarantined (the JSON report is still printed)'
	],
	[EXIT.usage, 'คำสั่งหรือตัวเลือกไม่ถูกต้อง', 'bad command line'],
	[
		EXIT.input,
		'อ่านข้อมูลนำเข้าไม่ได้ (ไม่พบไฟล์ รายการนำเข้าหรือทะเบียนเสีย)',
		'input unreadable (missing path, broken manifest or register)'
	],
	[
		EXIT.database,
		'ฐานข้อมูลขัดข้อง หรือมีผู้เขียนอีกรายใช้อยู่',
		'database failure, or another writer holds the database'
	],
	[EXIT.internal, 'ข้อผิดพลาดภายใน (บั๊ก)', 'internal error (a bug)']
];
