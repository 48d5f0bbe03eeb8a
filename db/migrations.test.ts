import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MIGRATIONS = join(ROOT, 'db/migrations');
const DRIZZLE_KIT = join(ROOT, 'node_modules/.bin/drizzle-kit');

const listFiles = (dir: string): string[] =>
	readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

/**
 * Generated files are checked (STYLE habit 15): drizzle-kit generates against a copy of
 * db/migrations, and any new file means the schema changed without `npm run db:generate`.
 */
describe('db/migrations', () => {
	const work = mkdtempSync(join(tmpdir(), 'sujarit-migrations-'));
	afterAll(() => rmSync(work, { recursive: true, force: true }));

	it(
		'match db/schema: drizzle-kit generate finds nothing to add',
		{ timeout: 60_000 },
		async () => {
			const out = join(work, 'out');
			cpSync(MIGRATIONS, out, { recursive: true });
			// drizzle-kit reads `out` relative to the working directory, so the copy is given that way.
			const config = join(work, 'drizzle.config.json');
			writeFileSync(
				config,
				JSON.stringify({
					dialect: 'postgresql',
					schema: './db/schema/index.ts',
					out: relative(ROOT, out)
				})
			);
			const before = listFiles(out);
			const { stdout } = await promisify(execFile)(DRIZZLE_KIT, ['generate', '--config', config], {
				cwd: ROOT
			});
			const added = listFiles(out).filter((f) => !before.includes(f));
			expect([added, stdout.includes('No schema changes')]).toEqual([[], true]);
		}
	);
});
