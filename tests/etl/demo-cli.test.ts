import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers.ts';

/** `npm run etl -- demo` as an operator runs it: exit codes and the summary lines. */
describe('etl demo (CLI)', () => {
	let tmp: { path: string; remove(): Promise<void> };

	beforeAll(async () => {
		tmp = await tempDir('sujarit-demo-cli-');
	});
	afterAll(async () => {
		await tmp?.remove();
	});

	it('--no-ingest writes 15 files in 3 province folders and exits 0', async () => {
		const out = join(tmp.path, 'out');
		const r = await runCli(
			['demo', '--laos', '3', '--years', '2567,2568', '--seed', '9', '--out', out, '--no-ingest'],
			{ dataDir: join(tmp.path, 'pg') }
		);
		expect([r.code, r.stdout.split('\n')[1]]).toEqual([
			0,
			`demo: 3 LAOs, 15 documents written in 3 province folders (${out})`
		]);
		expect((await readdir(out)).length).toBe(3);
	});

	it('ingests into PGlite: seen 5 = loaded 5 (seed 9, one LAO, 2 years)', async () => {
		const r = await runCli(
			['demo', '--laos', '1', '--years', '2567-2568', '--seed', '9', '--out', join(tmp.path, 'o2')],
			{ dataDir: join(tmp.path, 'pg2') }
		);
		expect([r.code, r.stdout.split('\n')[3]]).toEqual([
			0,
			'ingest: seen 5 = loaded 5 + quarantined 0 + duplicate 0'
		]);
	});

	it('refuses a folder holding other files (exit 3) and bad options (exit 2)', async () => {
		const foreign = join(tmp.path, 'foreign');
		await mkdir(foreign, { recursive: true });
		await writeFile(join(foreign, 'notes.txt'), 'mine');
		const dataDir = join(tmp.path, 'pg3');
		const refused = await runCli(['demo', '--laos', '2', '--out', foreign], { dataDir });
		const noLaos = await runCli(['demo', '--years', '2566-2570'], { dataDir });
		const badYears = await runCli(['demo', '--laos', '2', '--years', '2570-2566'], { dataDir });
		expect([refused.code, noLaos.code, badYears.code]).toEqual([3, 2, 2]);
		expect(await readdir(foreign)).toEqual(['notes.txt']);
	});
});
