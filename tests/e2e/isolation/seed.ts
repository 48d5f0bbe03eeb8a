/**
 * Seeds the canaries through the real command lines, in the order an operator would: the sample
 * register, release 1 of the first documents (`etl release publish`), then more documents that
 * are never published. The database is read back (as the ETL's owner, scope 'maintenance') only to
 * learn each document's id and check the verdict and province the pipeline gave it; the one write
 * is the honest way to age a session: its expires_at moved into the past while no app runs.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openPglite, openPostgres } from '../../../db/client.ts';
import { queryRows } from '../../../db/rows.ts';
import { sessionIdOf } from '../../../src/lib/server/auth/token.ts';
import { PASSWORD } from '../accounts.ts';
import { ROOT } from '../harness.ts';
import { storeEnv, type Store } from '../store.ts';
import { newCanary, type Canary, type Phase } from './canaries.ts';
import {
	CANARY_PROVINCES,
	publishedDocuments,
	unplacedDocument,
	unpublishedDocuments,
	UNPLACED,
	type CanaryDocument
} from './documents.ts';

export interface SeededDocument extends CanaryDocument {
	id: number;
	/** Two digits, or UNPLACED ('00') for the document that resolves to no province. */
	province: string;
	phase: Phase;
	token: string;
}

export interface Seed {
	canaries: Canary[];
	/** Filled by readBack once both phases are in. */
	documents: SeededDocument[];
	/** The planned documents, by phase, before they have ids. */
	planned: { document: CanaryDocument; canary: Canary }[];
}

/** One canary per province and phase (the unplaced documents' included), fresh each run. */
export function planSeed(): Seed {
	const canaries: Canary[] = [];
	const planned: Seed['planned'] = [];
	for (const phase of ['published', 'unpublished'] as const) {
		for (const p of CANARY_PROVINCES) {
			const canary = newCanary(phase, p.code);
			canaries.push(canary);
			const docs =
				phase === 'published'
					? publishedDocuments(p, canary.token)
					: unpublishedDocuments(p, canary.token);
			for (const document of docs) planned.push({ document, canary });
		}
		const unplaced = newCanary(phase, UNPLACED);
		canaries.push(unplaced);
		planned.push({
			document: unplacedDocument(phase === 'published' ? 2567 : 2568, unplaced.token),
			canary: unplaced
		});
	}
	return { canaries, planned, documents: [] };
}

interface IngestSummary {
	seen: number;
	loaded: number;
	quarantined: number;
	duplicate: number;
	skipped: number;
	failed: number;
}

/**
 * Runs a command-line script of the project (`etl/cli.ts`, `scripts/users.ts`) on the store, as
 * the harness's etl() and addUser() do, but without blocking: a suite that spends a minute in
 * spawnSync starves its worker's RPC with vitest. Rejects with the output when it fails.
 */
export function cli(store: Store, script: string, args: string[], input = ''): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [script, ...args], {
			cwd: ROOT,
			env: { ...process.env, ...storeEnv(store) }
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		child.on('error', reject);
		child.on('close', (code) => {
			if (code === 0) resolve(stdout);
			else reject(new Error(`${script} ${args.join(' ')} → ${code}\n${stdout}\n${stderr}`));
		});
		child.stdin.end(input);
	});
}

export const etl = (store: Store, args: string[]) => cli(store, 'etl/cli.ts', args);

/** `npm run users -- add`, the password on stdin (as accounts.addUser, without blocking). */
export function addUser(store: Store, a: { username: string; role: string; provinces: string[] }) {
	const args = ['add', a.username, '--role', a.role];
	if (a.provinces.length) args.push('--provinces', a.provinces.join(','));
	return cli(store, 'scripts/users.ts', args, `${PASSWORD}\n`);
}

/** Writes one phase's documents to a scratch folder and ingests it (`etl ingest --json`). */
export async function ingestPhase(store: Store, seed: Seed, phase: Phase): Promise<IngestSummary> {
	const folder = mkdtempSync(join(tmpdir(), `sujarit-canaries-${phase}-`));
	try {
		const docs = seed.planned.filter((p) => p.canary.phase === phase).map((p) => p.document);
		mkdirSync(folder, { recursive: true });
		for (const d of docs) writeFileSync(join(folder, d.file), d.text, 'utf8');
		const out = await etl(store, ['ingest', folder, '--json']);
		return JSON.parse(out.slice(out.indexOf('{'))) as IngestSummary;
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}

/** Phase 1, before the app first starts: register, documents, release 1 (the operator's CLI). */
export async function seedPublished(store: Store, seed: Seed): Promise<IngestSummary> {
	await etl(store, ['registry', 'import', 'fixtures/registry/dla-sample.csv']);
	const summary = await ingestPhase(store, seed, 'published');
	await etl(store, ['release', 'publish', '--note', 'isolation matrix: release 1 of the canaries']);
	return summary;
}

async function openStore(store: Store) {
	return typeof store === 'string'
		? openPglite(store, { maintenance: true })
		: openPostgres(store.databaseUrl, { maintenance: true });
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * With no app holding the store: ends `expiredToken`'s session by its clock (expires_at a minute
 * ago: the app then treats the cookie as no session and deletes the row), and reads every canary
 * document's id, verdict and province back. Returns how many sessions were aged (1 expected).
 */
export async function readBack(store: Store, seed: Seed, expiredToken: string): Promise<number> {
	const handle = await openStore(store);
	try {
		const aged = await queryRows<{ id: string }>(
			handle.db,
			sql`update sessions set expires_at = now() - interval '1 minute'
				where id = ${sessionIdOf(expiredToken)} returning id`
		);
		const rows = await queryRows<{
			id: number;
			sha256: string;
			verdict: string;
			province_code: string | null;
			lao_dla_code: string | null;
		}>(
			handle.db,
			sql`select id, sha256, verdict, province_code, lao_dla_code from source_documents`
		);
		const bySha = new Map(rows.map((r) => [r.sha256.trim(), r]));
		seed.documents = seed.planned.map(({ document, canary }) => {
			const row = bySha.get(sha256(document.text));
			if (!row) throw new Error(`${document.file} was not loaded`);
			const province = row.province_code ?? UNPLACED;
			if (
				row.verdict !== document.verdict ||
				province !== canary.province ||
				(row.lao_dla_code ?? '') !== document.lao.code
			) {
				throw new Error(
					`${document.file}: expected ${document.verdict} in ${canary.province} (${document.lao.code}), ` +
						`got ${row.verdict} in ${province} (${row.lao_dla_code})`
				);
			}
			return {
				...document,
				id: Number(row.id),
				province,
				phase: canary.phase,
				token: canary.token
			};
		});
		return aged.length;
	} finally {
		await handle.close();
	}
}
