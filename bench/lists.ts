/**
 * What a list snapshot keeps (src/lib/server/lists/snapshot.ts, packed-rows.ts), on the database
 * in DATABASE_URL (meant for the national demo; without it, the embedded one, whose figures say
 * little):
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/sujarit_load npm run bench:lists
 *
 * Each list's national snapshot is built as the server builds it (snapshotList in a read-only
 * national transaction as the app's role, inScope). After two forced collections it measures what the snapshot keeps: V8
 * heap and typed-array bytes; then the same rows held as objects, every row rebuilt and kept (as
 * snapshots kept them before PackedRows, strings shared); and the time to read a page of 50 rows
 * and every row. Prints a table and writes bench/results/lists.json. Read-only. Build times are
 * the database's: on a demo database never analysed (no planner statistics) zero_budget took
 * 185 s instead of 16; run `ANALYZE` first (the load bench does, on its copy).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { openDb } from '../db/client.ts';
import { LIST_NAMES } from '../src/lib/lists/columns.ts';
import { inScope } from '../src/lib/server/db/scoped.ts';
import type { Scope } from '../src/lib/server/extracts/scope.ts';
import { snapshotList, type ListSnapshot } from '../src/lib/server/lists/snapshot.ts';
import { EMPTY_FILTERS } from '../src/lib/state/url-filters.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const NATIONAL: Scope = { kind: 'national' };
const PAGE = 50;

const mb = (bytes: number) => Math.round(bytes / 1e4) / 100;
function settled(): { heap: number; typed: number } {
	gc();
	gc();
	const m = process.memoryUsage();
	return { heap: m.heapUsed, typed: m.arrayBuffers };
}
const timed = <T>(fn: () => T): [T, number] => {
	const t0 = performance.now();
	const value = fn();
	return [value, Math.round((performance.now() - t0) * 100) / 100];
};
const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();

interface ListFigures {
	rows: number;
	buildMs: number;
	kept: { heapMB: number; typedMB: number; rowsTypedMB: number; ordersMB: number };
	asObjects: { heapMB: number };
	pageOf50Ms: number;
	everyRowMs: number;
}

async function main(): Promise<void> {
	const handle = await openDb();
	const figures: Record<string, ListFigures> = {};
	const held: ListSnapshot[] = [];
	for (const list of LIST_NAMES) {
		const before = settled();
		const t0 = performance.now();
		const snapshot = await inScope(
			handle.db,
			NATIONAL,
			(db) => snapshotList(db, NATIONAL, list, EMPTY_FILTERS),
			{ readOnly: true }
		);
		const buildMs = Math.round(performance.now() - t0);
		held.push(snapshot);
		const after = settled();
		const { rows } = snapshot;
		const [, pageOf50Ms] = timed(() => {
			for (let i = 0; i < Math.min(PAGE, rows.length); i++) rows.at(i);
		});
		const [objects, everyRowMs] = timed(() =>
			Array.from({ length: rows.length }, (_, i) => rows.at(i))
		);
		const withObjects = settled();
		const ordersBytes = [...snapshot.orders.values()].reduce((n, o) => n + o.byteLength, 0);
		figures[list] = {
			rows: rows.length,
			buildMs,
			kept: {
				heapMB: mb(after.heap - before.heap),
				typedMB: mb(after.typed - before.typed),
				rowsTypedMB: mb(rows.byteLength),
				ordersMB: mb(ordersBytes)
			},
			asObjects: { heapMB: mb(withObjects.heap - after.heap) },
			pageOf50Ms,
			everyRowMs
		};
		objects.length = 0;
		const f = figures[list]!;
		process.stdout.write(
			`${list.padEnd(12)} ${String(f.rows).padStart(8)} rows  build ${String(buildMs).padStart(6)} ms  ` +
				`kept: heap ${f.kept.heapMB} MB, typed ${f.kept.typedMB} MB (rows ${f.kept.rowsTypedMB}, orders ${f.kept.ordersMB})  ` +
				`as objects: heap +${f.asObjects.heapMB} MB  page of ${PAGE}: ${pageOf50Ms} ms  every row: ${everyRowMs} ms\n`
		);
	}
	const out = {
		date: new Date().toISOString(),
		git: { commit: git('rev-parse', 'HEAD'), dirty: git('status', '--porcelain') !== '' },
		database: process.env.DATABASE_URL
			? new URL(process.env.DATABASE_URL).pathname.slice(1)
			: 'embedded',
		node: process.version,
		scope: 'national',
		lists: figures
	};
	await handle.close();
	mkdirSync('bench/results', { recursive: true });
	writeFileSync('bench/results/lists.json', `${JSON.stringify(out, null, '\t')}\n`);
	process.stdout.write(`→ bench/results/lists.json (${held.length} snapshots held at the end)\n`);
	process.exit(0);
}

main().catch((error: unknown) => {
	process.stderr.write(`bench:lists: ${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
