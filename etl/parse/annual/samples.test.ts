import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeDocument } from '../common/source.ts';
import { parseAnnualPlan } from './index.ts';

// One folder per quirk: input.txt is parsed, the result compared with expected.json.
// UPDATE_SNAPSHOTS=1 rewrites expected.json; a mismatch leaves _actual.json beside it for the diff.
const root = fileURLToPath(new URL('./samples', import.meta.url));

describe('annual plan samples', () => {
	for (const quirk of readdirSync(root).sort()) {
		it(quirk, () => {
			const dir = join(root, quirk);
			const { source } = decodeDocument(readFileSync(join(dir, 'input.txt')));
			expect(source).not.toBeNull();
			const actual = JSON.parse(JSON.stringify(parseAnnualPlan(source!))) as unknown;
			const expectedPath = join(dir, 'expected.json');
			const actualPath = join(dir, '_actual.json');
			const text = `${JSON.stringify(actual, null, '\t')}\n`;
			if (process.env.UPDATE_SNAPSHOTS) writeFileSync(expectedPath, text);
			const expected: unknown = existsSync(expectedPath)
				? JSON.parse(readFileSync(expectedPath, 'utf8'))
				: 'no expected.json yet: run with UPDATE_SNAPSHOTS=1, then read it';
			const same = JSON.stringify(actual) === JSON.stringify(expected);
			if (!same) writeFileSync(actualPath, text);
			else if (existsSync(actualPath)) rmSync(actualPath);
			expect(actual).toEqual(expected);
		});
	}
});
