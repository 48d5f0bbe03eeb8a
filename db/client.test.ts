import { describe, expect, it } from 'vitest';
import { DEFAULT_POOL_MAX, poolMax } from './client.ts';

describe('DATABASE_POOL_MAX', () => {
	it('defaults to postgres.js’s 10 when unset or blank', () => {
		expect([poolMax(undefined), poolMax(''), poolMax('  ')]).toEqual([10, 10, 10]);
		expect(DEFAULT_POOL_MAX).toBe(10);
	});

	it('takes a whole number from 1 to 1000', () => {
		expect([poolMax('1'), poolMax('24'), poolMax(' 40 '), poolMax('1000')]).toEqual([
			1, 24, 40, 1000
		]);
	});

	it.each(['0', '-3', '1001', '2.5', '1e3', 'ten', '0x10', '40 connections', '9'.repeat(400)])(
		'refuses %j, naming the variable and the range',
		(value) => {
			expect(() => poolMax(value)).toThrow(
				/^DATABASE_POOL_MAX must be a whole number from 1 to 1000/
			);
		}
	);
});
