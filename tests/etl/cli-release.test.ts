import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, SAMPLE_CSV, SEEDS_DIR, STACK_TRACE, tempDir } from './helpers.ts';

/**
 * `etl release publish` as a child process on a PGlite folder holding the three seeds: it runs
 * publishRelease in national scope with no publisher; --if-none publishes only the first; a bad
 * note is a usage error (2) that publishes nothing. The tests share the database, in order.
 */
let tmp: Awaited<ReturnType<typeof tempDir>>;
let dataDir: string;
const cli = (...args: string[]) => runCli(args, { dataDir });

/** The JSON line a publish prints, without its instant and tag (they change every run). */
async function publishJson(...args: string[]) {
	const r = await cli('release', 'publish', '--json', ...args);
	const parsed = r.code === 0 ? (JSON.parse(r.stdout) as Record<string, unknown>) : null;
	const { publishedAt, tag, ...rest } = parsed ?? {};
	return {
		code: r.code,
		trace: STACK_TRACE.test(r.stderr),
		instant: typeof publishedAt === 'string' && !Number.isNaN(Date.parse(publishedAt)),
		tag: typeof tag === 'string' ? tag.length : null,
		...rest
	};
}

beforeAll(async () => {
	tmp = await tempDir('cli-release');
	dataDir = join(tmp.path, 'pglite');
	expect((await cli('registry', 'import', SAMPLE_CSV)).code).toBe(0);
	expect((await cli('ingest', SEEDS_DIR)).code).toBe(0);
});

afterAll(async () => {
	await tmp?.remove();
});

describe('etl release publish', () => {
	it('refuses a note over 2,000 characters (exit 2) and publishes nothing', async () => {
		const r = await cli('release', 'publish', `--note=${'ก'.repeat(2001)}`);
		expect([r.code, r.stdout, r.stderr]).toEqual([
			2,
			'',
			'ใช้คำสั่งไม่ถูกต้อง / usage error: --note is 2001 characters; at most 2000\n(--help)\n'
		]);
	});

	it('publishes release 1 of the three seeds with the note, then --if-none keeps it', async () => {
		const base = {
			trace: false,
			instant: true,
			tag: 16,
			dataVersion: expect.stringMatching(/^2\.2\.\d+$/),
			documentCount: 3
		};
		expect(await publishJson('--if-none', '--note', 'ฉบับแรก / first release')).toEqual({
			...base,
			code: 0,
			created: true,
			version: 1,
			note: 'ฉบับแรก / first release',
			includesSynthetic: false
		});
		expect(await publishJson('--if-none')).toEqual({
			...base,
			code: 0,
			created: false,
			version: 1,
			note: 'ฉบับแรก / first release',
			includesSynthetic: false
		});
	});

	it('publishes the next version on demand, and says so in Thai, then English', async () => {
		const r = await cli('release', 'publish');
		expect([r.code, r.stdout.replace(/\(\d{4}-[^)]*\)/g, '(…)')]).toEqual([
			0,
			'เผยแพร่ฉบับที่ 2 แล้ว: เอกสาร 3 ฉบับ (…)\npublished release 2: 3 documents (…)\n'
		]);
	});
});
