/**
 * `npm run etl -- release publish [--note TEXT] [--if-none] [--json]`: the operator publishes a
 * release as an analyst would from /publish, through the same function (publishRelease), in
 * national scope as the app role, with no publisher account (published_by null).
 *
 * The one command of etl/ that imports src/ (eslint.config.js says so): publishing is the app's
 * function, and this module graph is free of SvelteKit (src/lib/server/releases/publish.ts
 * imports drizzle and db/ only), so the ETL still runs without the app.
 */
import { parseNote, NOTE_MAX } from '../../src/lib/releases/note.ts';
import { inScope } from '../../src/lib/server/db/scoped.ts';
import { publishRelease } from '../../src/lib/server/releases/publish.ts';
import { latestRelease, type Release } from '../../src/lib/server/releases/read.ts';
import { flagString, parseArgs, rejectUnknown, UsageError } from './args.ts';
import { EXIT } from './exit-codes.ts';
import { openMigratedDb } from './open-db.ts';

export const RELEASE_HELP = `npm run etl -- release publish [--note TEXT] [--if-none] [--json]

เผยแพร่ข้อมูลฉบับใหม่: สำเนาตัวเลขรวมจากเอกสารที่ผ่านการตรวจ ณ ตอนนี้ ให้สาธารณะเห็น (ฉบับที่เผยแพร่แล้วแก้ไขไม่ได้)
Publishes the next release: a snapshot of the aggregates of every accepted document as they are
now, which the public pages show (/ and /releases/N). A release is never changed afterwards;
documents ingested later stay unpublished until the next one.

  --note TEXT   ข้อความถึงผู้อ่าน (ไม่เกิน ${NOTE_MAX} ตัวอักษร) / a note to readers (plain text, ≤ ${NOTE_MAX} characters)
  --if-none     เผยแพร่เฉพาะเมื่อยังไม่มีฉบับใดเลย / publish only when no release exists yet
  --json        พิมพ์ผลเป็น JSON / print the release as JSON

รหัสออก / Exit: 0 สำเร็จ/ok · 2 usage · 4 ฐานข้อมูล/database
`;

function describe(release: Release, created: boolean): string {
	const when = release.publishedAt;
	const synthetic = release.includesSynthetic ? ' · ข้อมูลสาธิต / synthetic demo data' : '';
	return created
		? `เผยแพร่ฉบับที่ ${release.version} แล้ว: เอกสาร ${release.documentCount} ฉบับ (${when})${synthetic}\n` +
				`published release ${release.version}: ${release.documentCount} documents (${when})\n`
		: `มีฉบับที่ ${release.version} อยู่แล้ว ไม่ได้เผยแพร่ใหม่ (--if-none)\n` +
				`release ${release.version} exists already; nothing published (--if-none)\n`;
}

export async function runRelease(argv: string[]): Promise<number> {
	const args = parseArgs(argv, ['note']);
	if (args.flags.has('help') || args.positionals.length === 0) {
		process.stdout.write(RELEASE_HELP);
		return args.flags.has('help') ? EXIT.ok : EXIT.usage;
	}
	rejectUnknown(args, ['note', 'if-none', 'json', 'help']);
	const [sub, ...extra] = args.positionals;
	if (sub !== 'publish' || extra.length > 0) throw new UsageError('release publish [--note TEXT]');
	const note = parseNote(flagString(args, 'note') ?? '');
	if (!note.ok) {
		throw new UsageError(
			note.code === 'too_long'
				? `--note is ${note.length} characters; at most ${NOTE_MAX}`
				: '--note holds control characters'
		);
	}
	const handle = await openMigratedDb();
	if (!handle) return EXIT.database;
	try {
		const outcome = await inScope(handle.db, { kind: 'national' }, async (db) => {
			const latest = args.flags.has('if-none') ? await latestRelease(db) : null;
			if (latest) return { release: latest, created: false };
			const release = await publishRelease(db, {
				publishedBy: null,
				note: note.note,
				now: new Date()
			});
			return { release, created: true };
		});
		const { id: _id, publishedBy: _by, ...shown } = outcome.release;
		process.stdout.write(
			args.flags.has('json')
				? `${JSON.stringify({ created: outcome.created, ...shown })}\n`
				: describe(outcome.release, outcome.created)
		);
		return EXIT.ok;
	} catch (e) {
		process.stderr.write(`ฐานข้อมูลขัดข้อง / database failure: ${(e as Error).message}\n`);
		return EXIT.database;
	} finally {
		await handle.close();
	}
}
