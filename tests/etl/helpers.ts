/**
 * Shared by the ETL end-to-end suites (tests/etl/e2e-*.ts) and the CLI tests (cli-*.test.ts):
 * where the fixtures are, the sample register, raw SQL rows, temp folders and the CLI as a child
 * process. Nothing here asserts; the suites do.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { PROVINCES } from '../../db/seed/provinces.ts';
import { readRegistryFile } from '../../etl/cli/registry-file.ts';
import { importRegistry } from '../../etl/load/registry.ts';
import { readDlaCsv } from '../../etl/registry/read-dla-csv.ts';
import { BANGKOK } from '../../etl/registry/records.ts';
import { Registry } from '../../etl/registry/resolve.ts';

/** The repository root, whatever the cwd. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SEEDS_DIR = join(ROOT, 'fixtures/seeds');
export const SAMPLE_CSV = join(ROOT, 'fixtures/registry/dla-sample.csv');

/** The three seed documents, by the name the folder source gives them (their origin). */
export const SEED = {
	report: 'pao-ang-thong_report-2566.txt',
	plan: 'pao-samut-songkhram_plan-2566-2570.txt',
	annual: 'town-mun-phichai-lampang_annual-plan-2568.txt'
} as const;

export function seedText(name: string): string {
	return readFileSync(join(SEEDS_DIR, name), 'utf8');
}

/** The register sample (92 LAOs + Bangkok) in memory, as the CLI's --registry builds it. */
export function sampleRegistry(): Registry {
	const read = readDlaCsv(readFileSync(SAMPLE_CSV, 'utf8'));
	return new Registry([...read.records, BANGKOK], PROVINCES);
}

/** `registry import fixtures/registry/dla-sample.csv`, in process. */
export async function importSampleRegistry(
	db: Database
): Promise<{ runId: number; count: number }> {
	const read = await readRegistryFile(SAMPLE_CSV);
	if (!read || read.errors.length > 0) throw new Error(`cannot read ${SAMPLE_CSV}`);
	return importRegistry(db, read.records, { source: 'fixtures/registry/dla-sample.csv' });
}

export const rows = <T extends Record<string, unknown>>(db: Database, query: SQL) =>
	queryRows<T>(db, query);

export async function tempDir(prefix: string): Promise<{ path: string; remove(): Promise<void> }> {
	const path = await mkdtemp(join(tmpdir(), `sujarit-${prefix}-`));
	return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** A deterministic byte generator (mulberry32), so that "random" fixtures are the same each run. */
export function seededBytes(seed: number, length: number, exclude: readonly number[] = []): Buffer {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const out = Buffer.alloc(length);
	for (let i = 0; i < length; i++) {
		let b = Math.floor(next() * 256);
		while (exclude.includes(b)) b = Math.floor(next() * 256);
		out[i] = b;
	}
	return out;
}

export interface CliResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

/**
 * Runs `tsx etl/cli.ts …args` from the repository root. DATABASE_URL is removed so the CLI uses
 * PGlite in `dataDir` (never the repo's .data/), unless the caller passes its own env.
 */
export function runCli(
	args: readonly string[],
	options: { dataDir: string; env?: Record<string, string> }
): Promise<CliResult> {
	const env: NodeJS.ProcessEnv = { ...process.env, SUJARIT_DATA_DIR: options.dataDir };
	delete env.DATABASE_URL;
	delete env.NODE_OPTIONS;
	Object.assign(env, options.env);
	return new Promise((resolve, reject) => {
		const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['etl/cli.ts', ...args], {
			cwd: ROOT,
			env,
			stdio: ['ignore', 'pipe', 'pipe']
		});
		const out: Buffer[] = [];
		const err: Buffer[] = [];
		child.stdout.on('data', (b: Buffer) => out.push(b));
		child.stderr.on('data', (b: Buffer) => err.push(b));
		child.on('error', reject);
		child.on('close', (code) =>
			resolve({
				code,
				stdout: Buffer.concat(out).toString('utf8'),
				stderr: Buffer.concat(err).toString('utf8')
			})
		);
	});
}

/**
 * A V8 stack frame ("    at fn (file.ts:12:3)") or the CLI's internal-error banner ("internal
 * error: …", not the help's exit-code table, which says "internal error (a bug)").
 */
export const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$|internal error:/m;

/** Thai script, and a Latin word, both present: the bilingual help promise. */
export const THAI = /[\u0e01-\u0e5b]/;
