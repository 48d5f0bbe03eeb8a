import {
	tableFromArrays,
	tableFromIPC,
	tableToIPC,
	vectorFromArray,
	Field,
	Int32,
	List,
	Table
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import * as server from '../../../db/schema/values.ts';
import { EXTRACT_NAMES as SERVER_EXTRACTS } from '../server/extracts/build.ts';
import { EXTRACT_NAMES, ITEM_STATUSES, LAO_TYPES } from './codes.ts';
import { QueryError } from './query-error.ts';
import { plainRows, plainValue } from './rows.ts';

describe('rows out of Arrow', () => {
	it('turns exact BIGINTs into numbers and keeps the others as bigint', () => {
		expect([plainValue(52n), plainValue(2n ** 60n), plainValue(1.5), plainValue(null)]).toEqual([
			52,
			2n ** 60n,
			1.5,
			null
		]);
	});

	it('reads a table into plain objects, lists as arrays', () => {
		const table = tableFromArrays({
			n: BigInt64Array.from([1n, 2n]),
			x: Float64Array.from([0.5, 185_000])
		});
		const lists = new Table({
			years: vectorFromArray([[2566, 2567], [2568]], new List(new Field('item', new Int32())))
		});
		expect([
			plainRows(tableFromIPC(tableToIPC(table))),
			plainRows(tableFromIPC(tableToIPC(lists)))
		]).toEqual([
			[
				{ n: 1, x: 0.5 },
				{ n: 2, x: 185_000 }
			],
			[{ years: [2566, 2567] }, { years: [2568] }]
		]);
	});
});

describe('codes shared with the server', () => {
	it('are the server’s own lists', () => {
		expect([ITEM_STATUSES, LAO_TYPES, EXTRACT_NAMES]).toEqual([
			server.ITEM_STATUSES,
			server.LAO_TYPES,
			SERVER_EXTRACTS
		]);
	});
});

describe('QueryError', () => {
	it('keeps its code, SQL and cause', () => {
		const cause = new Error('Catalog Error: Table with name facts_x does not exist!');
		const error = new QueryError('query_failed', { sql: 'select 1 from facts_x' }, { cause });
		expect([error.code, error.sql, error.cause, error.message]).toEqual([
			'query_failed',
			'select 1 from facts_x',
			cause,
			'query_failed: query: Catalog Error: Table with name facts_x does not exist!'
		]);
	});
});
