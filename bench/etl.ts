/**
 * ETL benchmark (issue #3): parse + validate throughput, and load throughput into PGlite and
 * PostgreSQL compared, in the same run, with a naive one-INSERT-per-row loader.
 *   npm run bench:etl [-- --seconds 5 --docs 40]
 * Prints a table and writes bench/results/etl.json. Targets: parsing ≥ 50 MB/s per core;
 * PostgreSQL load ≥ 5× the naive baseline.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { getTableColumns } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { openPglite, openPostgres, type Database } from '../db/client.ts';
import { withTestDatabase } from '../db/testing.ts';
import { loadDocument, startRun, type LoadResult } from '../etl/load/index.ts';
import type { Inserter } from '../etl/load/load-document.ts';
import { parseDocument } from '../etl/parse/index.ts';
import type { ParseReport } from '../etl/parse/common/types.ts';

const ROOT = new URL('../', import.meta.url).pathname;
const arg = (name: string, fallback: number) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 5);
const DOCS = arg('docs', 40);

const seeds = readdirSync(join(ROOT, 'fixtures/seeds')).map((f) =>
	readFileSync(join(ROOT, 'fixtures/seeds', f))
);
const seedBytes = seeds.reduce((n, b) => n + b.length, 0);

// 1. Parse + validate, one core (this process), as long as SECONDS allows.
function benchParse() {
	for (const b of seeds) parseDocument(b); // warm up the JIT
	let docs = 0;
	let bytes = 0;
	const t0 = performance.now();
	while (performance.now() - t0 < SECONDS * 1000) {
		for (const b of seeds) {
			parseDocument(b);
			docs++;
			bytes += b.length;
		}
	}
	const s = (performance.now() - t0) / 1000;
	return { docs, bytes, seconds: s, mbPerSecond: bytes / 1e6 / s, docsPerSecond: docs / s };
}

// 2. Loading. DOCS distinct documents: the seeds' reports with a fresh sha256 each (identity).
function reportsToLoad(): ParseReport[] {
	const base = seeds.map((b) => parseDocument(b)).filter((r) => r.verdict !== 'quarantined');
	return Array.from({ length: DOCS }, (_, i) => {
		const r = base[i % base.length]!;
		return {
			...r,
			sha256: `${i.toString(16).padStart(8, '0')}${r.sha256.slice(8)}`,
			lao: r.lao && { ...r.lao, dlaCode: null }
		};
	});
}

function rowCount(r: ParseReport): number {
	const items = r.tables.reduce((n, t) => n + t.items.length, 0);
	const budgets = r.tables.reduce(
		(n, t) =>
			n +
			(t.role === 'report' ? 0 : t.items.reduce((m, it) => m + Object.keys(it.budget).length, 0)),
		0
	);
	const unassigned = r.tables.reduce((n, t) => n + t.unassigned.length, 0);
	return 1 + r.tables.length + items + budgets + unassigned + r.checks.length + r.problems.length;
}

/** The baseline: the same rows, one INSERT statement per row. */
const naive: Inserter = async (db, table, rows, returning = []) => {
	const out: Array<Record<string, unknown>> = [];
	const cols = getTableColumns(table as PgTable) as Record<string, unknown>;
	for (const row of rows) {
		const q = db.insert(table as PgTable).values(row as never);
		if (returning.length) {
			const sel = Object.fromEntries(returning.map((k) => [k, cols[k]]));
			out.push(...((await q.returning(sel as never)) as Array<Record<string, unknown>>));
		} else await q;
	}
	return out;
};

async function benchLoad(db: Database, insert: Inserter, reports: ParseReport[]) {
	const runId = await startRun(db, {
		kind: 'ingest',
		source: 'bench',
		isSynthetic: true,
		parserVersion: 'bench'
	});
	const rows = reports.reduce((n, r) => n + rowCount(r), 0);
	const t0 = performance.now();
	let loaded = 0;
	for (const report of reports) {
		const res: LoadResult = await loadDocument(
			db,
			{
				runId,
				report,
				origin: 'bench',
				originKind: 'file',
				byteSize: 0,
				content: null,
				isSynthetic: true
			},
			insert
		);
		if (res.outcome !== 'duplicate') loaded++;
	}
	const s = (performance.now() - t0) / 1000;
	return { documents: loaded, rows, seconds: s, rowsPerSecond: rows / s };
}

async function loadBoth(driver: 'pglite' | 'postgres') {
	const reports = reportsToLoad();
	// Fresh databases for each loader, alternating twice so machine noise hits both alike.
	const results = { batched: [] as number[], naive: [] as number[], rows: 0 };
	for (let round = 0; round < 2; round++) {
		for (const [name, insert] of [
			['batched', undefined],
			['naive', naive]
		] as const) {
			const h = await withTestDatabase(driver);
			try {
				const r = await benchLoad(
					h.db,
					insert ?? ((await import('../etl/load/bulk-insert.ts')).bulkInsert as Inserter),
					reports
				);
				results[name].push(r.rowsPerSecond);
				results.rows = r.rows;
			} finally {
				await h.close();
			}
		}
	}
	const best = (xs: number[]) => Math.max(...xs);
	return {
		rows: results.rows,
		documents: reports.length,
		batchedRowsPerSecond: best(results.batched),
		naiveRowsPerSecond: best(results.naive),
		speedup: best(results.batched) / best(results.naive)
	};
}

const parse = benchParse();
const pglite = await loadBoth('pglite');
const postgres = await loadBoth('postgres');
void openPglite;
void openPostgres;

const result = {
	date: new Date().toISOString(),
	machine: { cpus: cpus().length, model: cpus()[0]?.model ?? null, node: process.version },
	corpus: { documents: seeds.length, bytes: seedBytes },
	parse: { ...parse, targetMbPerSecond: 50, met: parse.mbPerSecond >= 50 },
	load: {
		pglite,
		postgres: { ...postgres, targetSpeedup: 5, met: postgres.speedup >= 5 }
	}
};
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/etl.json'), `${JSON.stringify(result, null, 2)}\n`);
const f = (n: number, d = 1) => n.toFixed(d);
console.log(
	`parse + validate  ${f(parse.mbPerSecond)} MB/s  ${f(parse.docsPerSecond)} docs/s  (${parse.docs} docs in ${f(parse.seconds)} s, 1 core; target ≥ 50 MB/s: ${result.parse.met ? 'met' : 'MISSED'})`
);
for (const [name, r] of [
	['PGlite', pglite],
	['PostgreSQL', postgres]
] as const) {
	console.log(
		`load ${name.padEnd(10)} batched ${f(r.batchedRowsPerSecond, 0)} rows/s · naive ${f(r.naiveRowsPerSecond, 0)} rows/s · ×${f(r.speedup, 2)}  (${r.documents} docs, ${r.rows} rows)`
	);
}
console.log(
	`PostgreSQL target ≥ 5× naive: ${result.load.postgres.met ? 'met' : 'MISSED'}\nwritten bench/results/etl.json`
);
