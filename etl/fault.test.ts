import { describe, expect, it } from 'vitest';
import { documentFault, faultFromEnv, parseFault } from './fault.ts';

/** A refusal as [code, message], or the parsed fault. */
function read(env: NodeJS.ProcessEnv): unknown {
	try {
		return faultFromEnv(env);
	} catch (e) {
		return [(e as { code: string }).code, (e as Error).message];
	}
}

describe('the fault hook (crash tests only)', () => {
	it('is off when the variable is unset or empty', () => {
		expect([read({}), read({ SUJARIT_FAULT: '' })]).toEqual([null, null]);
	});

	it('reads <point>:<document>[:<batch>]', () => {
		expect([parseFault('after_parse:3'), parseFault(' after_batch:2:7 ')]).toEqual([
			{ point: 'after_parse', document: 3, batch: null, spec: 'after_parse:3' },
			{ point: 'after_batch', document: 2, batch: 7, spec: 'after_batch:2:7' }
		]);
	});

	it('refuses a malformed value, a batch without after_batch and the reverse, and production', () => {
		const refused = [
			{ SUJARIT_FAULT: 'after_parse' },
			{ SUJARIT_FAULT: 'after_parse:0' },
			{ SUJARIT_FAULT: 'after_lunch:1' },
			{ SUJARIT_FAULT: 'after_parse:1:2' },
			{ SUJARIT_FAULT: 'after_batch:1' },
			{ SUJARIT_FAULT: 'after_parse:1', NODE_ENV: 'production' }
		].map((env) => (read(env) as [string, string])[0]);
		expect(refused).toEqual(Array(6).fill('fault_spec'));
		expect((read({ SUJARIT_FAULT: 'after_batch:1' }) as [string, string])[1]).toBe(
			'SUJARIT_FAULT=after_batch:1: a batch number goes with after_batch, and only with it (after_batch:3:2)'
		);
	});

	it('concerns its own document only', () => {
		const fault = parseFault('after_commit:2');
		expect([documentFault(fault, 1), documentFault(null, 2), !!documentFault(fault, 2)]).toEqual([
			null,
			null,
			true
		]);
	});
});
