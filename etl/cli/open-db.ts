import { openDb, type Db } from '../../db/client.ts';

/** The database, migrated; null (after saying why on stderr) when it cannot be opened. */
export async function openMigratedDb(): Promise<Db | null> {
	try {
		const handle = await openDb({ maintenance: true });
		await handle.migrate();
		return handle;
	} catch (e) {
		process.stderr.write(`ฐานข้อมูลขัดข้อง / database failure: ${(e as Error).message}\n`);
		return null;
	}
}
