import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeDocument, type SourceText } from './source.ts';

/**
 * Parser tests as sample folders (house style 7): one folder per quirk, `input.txt` parsed and
 * compared with `expected.json`. `UPDATE_SNAPSHOTS=1` rewrites expected.json (then read it!); a
 * mismatch leaves `_actual.json` beside it for the diff; a folder without expected.json fails.
 * Shared by the plan, annual and report parsers' samples.test.ts.
 */
export function describeSamples(
	title: string,
	root: string,
	parse: (src: SourceText) => unknown,
	minimum = 5
): void {
	const update = process.env.UPDATE_SNAPSHOTS === '1';
	describe(title, () => {
		const quirks = readdirSync(root, { withFileTypes: true })
			.filter((d) => d.isDirectory())
			.map((d) => d.name)
			.sort();
		it('has samples', () => {
			expect(quirks.length).toBeGreaterThanOrEqual(minimum);
		});
		for (const name of quirks) {
			it(name, () => {
				const dir = join(root, name);
				const decoded = decodeDocument(readFileSync(join(dir, 'input.txt')));
				expect(decoded.problems).toEqual([]);
				const actual = JSON.parse(JSON.stringify(parse(decoded.source!))) as unknown;
				const expectedPath = join(dir, 'expected.json');
				const actualPath = join(dir, '_actual.json');
				if (update) writeFileSync(expectedPath, `${snapshot(actual)}\n`);
				expect(existsSync(expectedPath), `${name}: no expected.json (UPDATE_SNAPSHOTS=1)`).toBe(
					true
				);
				const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as unknown;
				try {
					expect(actual).toEqual(expected);
					if (existsSync(actualPath)) rmSync(actualPath);
				} catch (e) {
					writeFileSync(actualPath, `${snapshot(actual)}\n`);
					throw e;
				}
			});
		}
	});
}

/** JSON with tabs; short flat arrays and objects on one line, so a snapshot reads as a table. */
export function snapshot(value: unknown, indent = ''): string {
	const flat = JSON.stringify(value);
	const simple = (v: unknown) => v === null || typeof v !== 'object';
	if (flat === undefined || simple(value)) return flat ?? 'null';
	const parts = Array.isArray(value) ? value : Object.values(value as object);
	const inline = flat.length <= 80 && parts.every(simple);
	const inner = `${indent}\t`;
	if (Array.isArray(value)) {
		if (inline) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
		return `[\n${value.map((v) => inner + snapshot(v, inner)).join(',\n')}\n${indent}]`;
	}
	const entries = Object.entries(value as object).filter(([, v]) => v !== undefined);
	if (inline) {
		const pairs = entries.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`);
		return `{ ${pairs.join(', ')} }`;
	}
	const body = entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${snapshot(v, inner)}`);
	return `{\n${body.join(',\n')}\n${indent}}`;
}
