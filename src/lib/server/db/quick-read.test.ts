import { describe, expect, it } from 'vitest';
import { quickText } from './quick.ts';

// A quick read writes its statement and the scope's settings into SQL text (it has no
// parameters): what it refuses, and the text PostgreSQL receives (tests/db/auth.suite.ts and
// tests/db/extracts.suite.ts run its statements; the e2e suites on PostgreSQL, the whole path).
describe('quickText', () => {
	it('sets the scope as inScope does, read-only, then runs the statement', () => {
		expect(quickText({ kind: 'provinces', codes: ['52', '15', '52'] }, 'select 1')).toBe(
			`select set_config('role', 'sujarit_app', true),
		set_config('transaction_read_only', 'on', true),
		set_config('sujarit.scope', 'provinces', true),
		set_config('sujarit.provinces', '15,52', true);
	select 1`
		);
		expect(quickText({ kind: 'auth' }, 'select 2')).toContain(
			`set_config('sujarit.scope', 'auth', true),
		set_config('sujarit.provinces', '', true);`
		);
	});

	it('refuses a second statement', () => {
		expect(() => quickText({ kind: 'auth' }, 'select 1; drop table users')).toThrow(
			'one statement'
		);
	});

	it('refuses a scope whose settings are not province codes', () => {
		expect(() => quickText({ kind: 'provinces', codes: ["15'"] }, 'select 1')).toThrow(
			'bad province code'
		);
	});
});
