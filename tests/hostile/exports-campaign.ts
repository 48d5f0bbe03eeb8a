import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { openPglite } from '../../db/client.ts';
import { csvField, parseCsv, toCsv } from '../../src/lib/lists/csv.ts';
import { NATIONAL } from '../../src/lib/server/extracts/scope.ts';
import * as lists from '../../src/lib/server/lists/index.ts';
import { runCli, SAMPLE_CSV, tempDir } from '../etl/helpers.ts';
import { FORMULA_NAMES, writeFormulaDocument } from './formula-document.ts';

/**
 * Campaign 7, exports: (1) a seeded property run over random strings and numbers through the
 * CSV writer and back through an RFC 4180 reader, judged by an oracle written apart from csv.ts;
 * (2) a real document whose item names are formulas, loaded by the real CLI, then the not_done
 * list served as CSV by the same function /api/lists/[name] calls (tests/e2e/lists-formulas
 * does it over HTTP against the built app).
 */

export const SEED = 20_261_204;
export const RUNS = 20_000;

/**
 * What a lenient spreadsheet may run as a formula: TAB, CR or NUL first (OWASP, ASVS 1.2.10), or
 * a trigger after leading whitespace and NULs (importers that trim).
 */
export function runsAsFormula(cell: string): boolean {
	if (['\t', '\r', '\u0000'].includes(cell.charAt(0))) return true;
	let i = 0;
	while (i < cell.length && (/\s/u.test(cell.charAt(i)) || cell.charAt(i) === '\u0000')) i++;
	return ['=', '+', '-', '@', '＝', '＋', '－', '＠'].includes(cell.charAt(i));
}

export interface PropertyFigures {
	seed: number;
	runs: number;
	/** Cells the writer prefixed with a quote. */
	neutralised: number;
	/** Cells a spreadsheet would still run (must be 0). */
	formulas: number;
	/** Cells whose text did not come back (apart from the quote prefix; must be 0). */
	lost: number;
}

export interface NumberFigures {
	seed: number;
	runs: number;
	negatives: number;
	/** Numbers written as text (a quote, or quotes around them; must be 0). */
	quoted: number;
	/** Numbers that did not read back as the same number (must be 0). */
	changed: number;
}

export interface ExportsReport {
	strings: PropertyFigures;
	numbers: NumberFigures;
	document: {
		ingestExit: number | null;
		status: number;
		contentType: string | null;
		/** [source line, the name in the document, the cell in the CSV, would run?] */
		cells: Array<[number, string, string, boolean]>;
		/** Budget and disbursed cells of the same rows, as written. */
		amounts: Array<[number, string, string]>;
	};
}

const cellText = fc.oneof(
	fc.string({ unit: 'grapheme' }),
	fc.string({ unit: 'binary' }),
	fc.string({
		unit: fc.constantFrom(
			...['=', '+', '-', '@', '＝', '＋', '－', '＠', '\t', '\r', '\n', '\u0000', ' '],
			...['\u00a0', '\u3000', '\u2028', '"', ',', "'", 'ก', '๑', 'a', '1', '(', ')', '|', '!']
		),
		maxLength: 12
	})
);

export function runStringProperty(): PropertyFigures {
	const figures: PropertyFigures = { seed: SEED, runs: 0, neutralised: 0, formulas: 0, lost: 0 };
	fc.assert(
		fc.property(fc.array(cellText, { minLength: 1, maxLength: 6 }), (row) => {
			figures.runs++;
			const back = parseCsv(toCsv(['c'], [row]))[1] ?? [];
			row.forEach((original, i) => {
				const cell = back[i] ?? '';
				const quoted = cell.startsWith("'") && cell.slice(1) === original;
				if (quoted && !original.startsWith("'")) figures.neutralised++;
				if (runsAsFormula(cell)) figures.formulas++;
				if (cell !== original && !quoted) figures.lost++;
			});
			return true;
		}),
		{ seed: SEED, numRuns: RUNS }
	);
	return figures;
}

export function runNumberProperty(): NumberFigures {
	const figures: NumberFigures = { seed: SEED, runs: 0, negatives: 0, quoted: 0, changed: 0 };
	const amount = fc.oneof(
		fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
		fc.double({ noNaN: true, noDefaultInfinity: true }),
		// Baht with satang, as the documents write them.
		fc.integer({ min: -10_000_000_00, max: 10_000_000_00 }).map((n) => n / 100)
	);
	fc.assert(
		fc.property(amount, (n) => {
			figures.runs++;
			if (n < 0) figures.negatives++;
			const field = csvField(n);
			const cell = parseCsv(toCsv(['n'], [[n]]))[1]?.[0] ?? '';
			if (field.startsWith("'") || field.startsWith('"') || cell !== field) figures.quoted++;
			if (Number(cell) !== n && !(n === 0 && Number(cell) === 0)) figures.changed++;
			return true;
		}),
		{ seed: SEED, numRuns: RUNS }
	);
	return figures;
}

/** The formula document through `etl registry import` + `etl ingest`, then the CSV download. */
export async function runFormulaDocument(): Promise<ExportsReport['document']> {
	const tmp = await tempDir('exports');
	try {
		const folder = join(tmp.path, 'documents');
		await mkdir(folder);
		await writeFormulaDocument(folder);
		const dataDir = join(tmp.path, 'pglite');
		const registry = await runCli(['registry', 'import', SAMPLE_CSV], { dataDir });
		const ingest = await runCli(['ingest', folder], { dataDir });
		const handle = await openPglite(dataDir, { maintenance: true });
		try {
			const res = await lists.serveList(
				(fn) => fn(handle.db),
				NATIONAL,
				'not_done',
				new URLSearchParams('format=csv&province=15&sort=source_line'),
				'th'
			);
			const rows = parseCsv(await res.text());
			const header = rows[0] ?? [];
			const col = (key: string) => header.indexOf(key);
			const [name, line, budget, disbursed] = [
				col('ชื่อโครงการ/กิจกรรม/มาตรการ'),
				col('บรรทัด'),
				col('งบประมาณ (บาท)'),
				col('เบิกจ่าย (บาท)')
			];
			const body = rows.slice(1);
			return {
				ingestExit: registry.code === 0 ? ingest.code : registry.code,
				status: res.status,
				contentType: res.headers.get('content-type'),
				cells: body.map((r) => {
					const at = Number(r[line]);
					const cell = r[name] ?? '';
					return [at, FORMULA_NAMES.get(at) ?? '?', cell, runsAsFormula(cell)];
				}),
				amounts: body.map((r) => [Number(r[line]), r[budget] ?? '', r[disbursed] ?? ''])
			};
		} finally {
			await handle.close();
		}
	} finally {
		await tmp.remove();
	}
}

export async function runExportsCampaign(): Promise<ExportsReport> {
	return {
		strings: runStringProperty(),
		numbers: runNumberProperty(),
		document: await runFormulaDocument()
	};
}
