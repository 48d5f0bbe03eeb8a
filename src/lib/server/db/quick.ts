import { scopeSettings, type DbScope } from './scoped.ts';

/** What a setting's value may be: the scope's fixed names, or province codes. */
const SETTING = /^[a-z_]*$|^\d{2}(,\d{2})*$/;

/**
 * The text of a quick read (db/index.ts quickRead): the scope's settings and `statement` as one
 * simple-protocol query, which PostgreSQL runs as one implicit transaction, so the settings
 * (set_config's `is_local`, as inScope sets them, plus read-only) hold for the statement and end
 * with it. It takes no parameters: the callers build `statement` from checked values only (a hex
 * session id, two-digit province codes), the settings are checked here, and a second statement
 * is refused.
 */
export function quickText(scope: DbScope, statement: string): string {
	if (statement.includes(';')) throw new Error('quickRead takes one statement');
	const settings = scopeSettings(scope);
	if (!SETTING.test(settings.scope) || !SETTING.test(settings.provinces)) {
		throw new Error('quickRead: unexpected scope setting');
	}
	return `select set_config('role', 'sujarit_app', true),
		set_config('transaction_read_only', 'on', true),
		set_config('sujarit.scope', '${settings.scope}', true),
		set_config('sujarit.provinces', '${settings.provinces}', true);
	${statement}`;
}
