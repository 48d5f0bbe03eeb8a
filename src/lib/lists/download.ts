import type { ViewFilters } from '../state/url-filters.ts';
import type { ListName, SortDir } from './columns.ts';
import { exportFilename, listSearch } from './request.ts';

/** What a download exports: the list, the view and the order of the table (all pages). */
export interface ExportView {
	list: ListName;
	filters: ViewFilters;
	sort: string;
	dir: SortDir;
	lang: string;
}

export const exportUrl = (view: ExportView, format: 'csv' | 'arrow') =>
	`/api/lists/${view.list}?${listSearch({ ...view, page: 1, format }, { lang: view.lang })}`;

/** A refused export (413 past the cap, 400…) becomes an Error with the server's message. */
async function fetchOk(url: string): Promise<Response> {
	const res = await fetch(url);
	if (res.ok) return res;
	let message = `${res.status} ${res.statusText}`;
	try {
		const body = (await res.json()) as { error?: string };
		if (body.error) message = body.error;
	} catch {
		/* not JSON: keep the status line */
	}
	throw new Error(message);
}

function save(blob: Blob, filename: string): void {
	const href = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = href;
	a.download = filename;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** CSV made by the server (BOM, RFC 4180, formula-safe), saved under a name that says the view. */
export async function downloadCsv(view: ExportView): Promise<{ rows: number }> {
	const res = await fetchOk(exportUrl(view, 'csv'));
	save(await res.blob(), exportFilename(view.list, view.filters, 'csv'));
	return { rows: Number(res.headers.get('X-Row-Count') ?? 0) };
}

let serial = 0;

/** Shown when the engine cannot write Parquet (see downloadParquet). */
export const PARQUET_UNAVAILABLE =
	'ยังสร้างไฟล์ Parquet ในเบราว์เซอร์ไม่ได้: DuckDB-WASM 1.32.0 ไม่ได้รวมส่วนขยาย parquet มาในตัว (ใช้ CSV แทน) / ' +
	'Parquet is not available: DuckDB-WASM 1.32.0 does not build the parquet extension in, and it is not fetched from outside (use CSV)';

/**
 * Parquet built in the browser: the server's Arrow IPC stream goes into DuckDB-WASM (loaded only
 * now, by dynamic import), COPY … (FORMAT parquet) writes it, and the file is read back to check
 * its row count before it is saved.
 * Verified in Chromium (tests/e2e/lists.test.ts): with extension autoloading off, as getDuckDB
 * sets it, 1.32.0 answers 'Copy Function with name "parquet" is not in the catalog, but it exists
 * in the parquet extension': parquet is NOT built into the WASM bundles. That error becomes a
 * plain message (PARQUET_UNAVAILABLE) until a self-hosted writer is added.
 */
export async function downloadParquet(view: ExportView): Promise<{ rows: number }> {
	const res = await fetchOk(exportUrl(view, 'arrow'));
	const expected = Number(res.headers.get('X-Row-Count') ?? -1);
	const ipc = new Uint8Array(await res.arrayBuffer());
	const { getDuckDB } = await import('../query/duckdb.ts');
	const db = await getDuckDB();
	const conn = await db.connect();
	const table = `list_export_${++serial}`;
	const file = `${table}.parquet`;
	try {
		await conn.insertArrowFromIPCStream(ipc, { name: table, create: true });
		try {
			await conn.query(`COPY (SELECT * FROM ${table}) TO '${file}' (FORMAT parquet)`);
		} catch (cause) {
			if (/parquet extension|not in the catalog/i.test(String(cause))) {
				throw new Error(PARQUET_UNAVAILABLE, { cause });
			}
			throw cause;
		}
		const check = await conn.query(`SELECT count(*)::INTEGER AS n FROM read_parquet('${file}')`);
		const rows = Number(check.getChild('n')?.get(0) ?? -1);
		if (rows !== expected) {
			throw new Error(`parquet has ${rows} rows, the list ${expected}`);
		}
		const bytes = await db.copyFileToBuffer(file);
		save(
			new Blob([bytes as BlobPart], { type: 'application/vnd.apache.parquet' }),
			exportFilename(view.list, view.filters, 'parquet')
		);
		return { rows };
	} finally {
		await conn.query(`DROP TABLE IF EXISTS ${table}`).catch(() => {});
		await conn.close();
		await db.dropFile(file).catch(() => {});
	}
}
