import { describe, expect, it } from 'vitest';
import {
	runFormulaDocument,
	runNumberProperty,
	runsAsFormula,
	runStringProperty,
	RUNS,
	SEED
} from './exports-campaign.ts';
import { FORMULA_NAMES } from './formula-document.ts';

/**
 * Campaign 7, exports (bench/hostile.ts prints the same figures): no CSV cell a spreadsheet would
 * run, no text lost, numbers stay numbers; and a real document's formula names come out inert
 * from the not_done CSV download.
 */

describe('the oracle', () => {
	it('knows the triggers, after whitespace too, and leaves plain text alone', () => {
		expect(
			['=1', ' =1', '\u3000＠x', '\t', '\rx', '\u0000', "'=1", 'a=1', '', ' ', '๑-๒'].map(
				runsAsFormula
			)
		).toEqual([true, true, true, true, true, true, false, false, false, false, false]);
	});
});

describe(`${RUNS.toLocaleString('en-US')} seeded rows (seed ${SEED})`, () => {
	it('writes no cell a spreadsheet would run, and loses no text but the quote it adds', () => {
		const figures = runStringProperty();
		expect({ ...figures, neutralised: figures.neutralised > 0 }).toEqual({
			seed: SEED,
			runs: RUNS,
			neutralised: true,
			formulas: 0,
			lost: 0
		});
	});

	it('writes every number, negative ones included, as a bare number that reads back the same', () => {
		const figures = runNumberProperty();
		expect({ ...figures, negatives: figures.negatives > RUNS / 4 }).toEqual({
			seed: SEED,
			runs: RUNS,
			negatives: true,
			quoted: 0,
			changed: 0
		});
	});
});

describe('a real document with formula names, through etl ingest and the list CSV', () => {
	it('serves the four names inert (a quote first), and the amounts as numbers', async () => {
		const doc = await runFormulaDocument();
		expect([doc.ingestExit, doc.status, doc.contentType]).toEqual([
			0,
			200,
			'text/csv; charset=utf-8; header=present'
		]);
		expect(doc.cells).toEqual(
			[...FORMULA_NAMES].map(([line, name]) => [line, name, `'${name}`, false])
		);
		expect(doc.amounts).toEqual([
			[1087, '70000', '0'],
			[1095, '100000', '0'],
			[1115, '0', '0'],
			[1124, '0', '0']
		]);
	});
});
