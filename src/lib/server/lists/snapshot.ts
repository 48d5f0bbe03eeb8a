import { sql } from 'drizzle-orm';
import type { Database } from '../../../../db/client.ts';
import { queryRows } from '../../../../db/rows.ts';
import type { Lang } from '../../i18n/index.ts';
import { LIST_COLUMNS, type ListName, type ListRow, type SortDir } from '../../lists/columns.ts';
import type { ViewFilters } from '../../state/url-filters.ts';
import type { Scope } from '../extracts/scope.ts';
import { PackedRows } from './packed-rows.ts';
import { keyedBase, orderBy, toListRow } from './query.ts';

/** One order a reader can ask of a list: a sortable column, a direction, and (province) a language. */
export interface ListOrder {
	sort: string;
	dir: SortDir;
	/** Only the province column sorts differently in English (by its English name). */
	lang: Lang;
}

/** The name an order is kept under: `province` in English is an order of its own. */
export const orderName = (list: ListName, order: ListOrder): string =>
	`${order.sort}:${order.dir}${order.sort === 'province' && order.lang === 'en' ? ':en' : ''}`;

/** Every order of `list` a request may ask for (lists/request.ts accepts these and no other). */
export function listOrders(list: ListName): ListOrder[] {
	const orders: ListOrder[] = [];
	for (const column of LIST_COLUMNS[list]) {
		if (!column.sortable) continue;
		for (const dir of ['asc', 'desc'] as const) {
			orders.push({ sort: column.key, dir, lang: 'th' });
			if (column.key === 'province') orders.push({ sort: column.key, dir, lang: 'en' });
		}
	}
	return orders;
}

/**
 * Every row of one list in one scope and view, with each order it can be read in: what a page,
 * its count and an export are cut from. Built by ONE statement (`snapshotList`): the list's base
 * query once (with its Thai sort keys), and a row_number() window per order, so the database applies the very ORDER BY of
 * `orderBy` (Thai keys, nulls last, tie-breaks), while the whole-country pass under row-level
 * security (seconds nationally) is paid once per list and view, not once per order and page.
 */
export interface ListSnapshot {
	list: ListName;
	/**
	 * The base query's rows, as the database returned them (rank columns removed), packed by
	 * column (packed-rows.ts): a row is made again when a page or an export reads it.
	 */
	rows: PackedRows;
	anySynthetic: boolean;
	/** orderName → the rows' indexes in that order. */
	orders: Map<string, Int32Array>;
}

const INDEX = sql.identifier('sujarit_index');
/** Rows per JSON chunk: each parses in a few milliseconds, so the event loop is never held long. */
const CHUNK_ROWS = 2_000;
/** Columns only the sorts read: not kept with the rows (toListRow never reads them). */
const SORT_ONLY = [
	'sujarit_key_lao',
	'sujarit_key_province',
	'sujarit_key_name',
	'lao_sort',
	'row_id'
];

/** A bytea of big-endian int4s (int4send, concatenated) → the ints. */
function int4s(bytes: Uint8Array, n: number, what: string): Int32Array {
	if (bytes.byteLength !== n * 4) {
		throw new Error(`${what}: ${bytes.byteLength} bytes for ${n} rows`);
	}
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const out = new Int32Array(n);
	for (let i = 0; i < n; i++) out[i] = view.getInt32(i * 4);
	return out;
}

/** bytea as each driver returns it: a Buffer (postgres.js) or a Uint8Array (PGlite). */
const asBytes = (value: unknown): Uint8Array | null => (value instanceof Uint8Array ? value : null);

/**
 * The rows of `list` in `scope` and the view, in every order (see ListSnapshot), in one statement
 * that returns compact data rather than one wide row per list row: the rows as JSON text, in their
 * order, in chunks of CHUNK_ROWS (each parsed natively in a few ms, its rows then packed by
 * column), and each order as one bytea of row indexes (string_agg of int4send ORDER BY the
 * order): on the national demo, 100,186 not_done rows with 22 rank columns each took ~5 s of the
 * server's event loop to decode as rows.
 */
export async function snapshotList(
	db: Database,
	scope: Scope,
	list: ListName,
	filters: ViewFilters
): Promise<ListSnapshot> {
	const orders = listOrders(list);
	// Each ordered aggregate sorts narrow tuples (index and keys); let those sorts stay in memory.
	// JIT costs 0.5–0.75 s on these plans and saves nothing (their cost estimates trip it).
	await db.execute(sql`set local work_mem = '64MB'`);
	await db.execute(sql`set local jit = off`);
	const perOrder = orders.map(
		(order, i) =>
			sql`string_agg(int4send(b.${INDEX}), ''::bytea order by ${orderBy({ list, ...order })}) as ${sql.identifier(`o${i}`)}`
	);
	const noOrders = orders.map((_, i) => sql`null::bytea as ${sql.identifier(`o${i}`)}`);
	// A row's place in its chunk is its index: that need not be kept either.
	const dropped = sql`array[${sql.join(
		[...SORT_ONLY, 'sujarit_index'].map((k) => sql`${k}`),
		sql`, `
	)}]::text[]`;
	const raw = await queryRows<Record<string, unknown>>(
		db,
		sql`with b as materialized (
				select (row_number() over () - 1)::int as ${INDEX}, k.*
				from (${keyedBase(list, scope, filters)}) k
			)
			select (b.${INDEX} / ${CHUNK_ROWS})::int as chunk,
				json_agg(to_jsonb(b) - ${dropped} order by b.${INDEX})::text as rows,
				count(*)::int as n, null::boolean as any_synthetic, ${sql.join(noOrders, sql`, `)}
			from b group by 1
			union all
			select -1, null, count(*)::int, coalesce(bool_or(b.is_synthetic), false),
				${sql.join(perOrder, sql`, `)}
			from b`
	);
	const head = raw.find((r) => Number(r.chunk) === -1);
	if (!head) throw new Error(`${list}: the snapshot returned no order row`);
	const n = Number(head.n);
	const chunks = raw
		.filter((r) => Number(r.chunk) >= 0)
		.sort((a, b) => Number(a.chunk) - Number(b.chunk));
	chunks.forEach((chunk, i) => {
		if (Number(chunk.chunk) !== i) throw new Error(`${list}: chunk ${String(chunk.chunk)} at ${i}`);
	});
	// Rows go into columns a chunk at a time (packed-rows.ts), each chunk's text parsed then let
	// go: the objects of one chunk die young, rather than every row living until the last is read.
	const packer = PackedRows.packer();
	chunks.forEach((chunk, i) => {
		if (typeof chunk.rows !== 'string') throw new Error(`${list}: chunk ${i} is not JSON text`);
		const part = JSON.parse(chunk.rows) as Record<string, unknown>[];
		chunk.rows = null;
		if (!Array.isArray(part) || part.length !== Number(chunk.n)) {
			throw new Error(
				`${list}: chunk ${i} holds ${String(part?.length)} rows for ${String(chunk.n)}`
			);
		}
		for (const row of part) packer.add(row);
	});
	const rows = packer.done();
	if (rows.length !== n) throw new Error(`${list}: ${rows.length} rows in chunks for ${n} counted`);
	const permutations = orders.map((_, i) => {
		const bytes = asBytes(head[`o${i}`]);
		return bytes ? int4s(bytes, n, `${list} order ${i}`) : new Int32Array(0);
	});
	return {
		list,
		rows,
		anySynthetic: head.any_synthetic === true,
		orders: new Map(orders.map((order, i) => [orderName(list, order), permutations[i]!]))
	};
}

/**
 * Rows `from` to `from + count` (clipped) of the snapshot in `order`, as the list's columns in
 * the page's language. An order the snapshot does not hold is a bug (requests are validated).
 */
export function readSnapshot(
	snapshot: ListSnapshot,
	order: ListOrder,
	from: number,
	count: number
): ListRow[] {
	const name = orderName(snapshot.list, order);
	const permutation = snapshot.orders.get(name);
	if (!permutation) throw new RangeError(`${snapshot.list} has no order '${name}'`);
	const end = Math.min(permutation.length, from + count);
	const out: ListRow[] = [];
	for (let i = Math.max(0, from); i < end; i++) {
		out.push(toListRow(snapshot.list, snapshot.rows.at(permutation[i]!), order.lang));
	}
	return out;
}
