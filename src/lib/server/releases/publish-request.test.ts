import { isActionFailure, isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../access/viewer.ts';
import type { Scope } from '../extracts/scope.ts';
import { readPublishRequest } from './publish-request.ts';

const form = (fields: Record<string, string>) => {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) f.set(k, v);
	return f;
};
const analyst: Viewer = {
	kind: 'account',
	sessionId: 's',
	viewAs: null,
	account: { id: 7, username: 'a', displayName: '', role: 'analyst', provinces: [] }
};
const NATIONAL: Scope = { kind: 'national' };

/** What the call gave: the request, a failure's status and data, or an HTTP error's status. */
function outcome(run: () => unknown): unknown {
	try {
		const r = run();
		return isActionFailure(r) ? ['fail', r.status, r.data] : r;
	} catch (e) {
		if (isHttpError(e)) return ['error', e.status, e.body.message];
		throw e;
	}
}

describe('readPublishRequest', () => {
	it('takes the note, the previewed version and the signed-in publisher, in national scope', () => {
		expect([
			outcome(() =>
				readPublishRequest(
					form({ note: ' ฉบับที่สอง\r\n', based_on: '1' }),
					{ viewer: analyst, scope: NATIONAL },
					'th'
				)
			),
			// Until sign-in lands the interim hooks make everyone national and anonymous.
			outcome(() =>
				readPublishRequest(
					form({ based_on: '0' }),
					{ viewer: { kind: 'anonymous' }, scope: NATIONAL },
					'en'
				)
			)
		]).toEqual([
			{ scope: NATIONAL, publishedBy: 7, note: 'ฉบับที่สอง', basedOn: 1 },
			{ scope: NATIONAL, publishedBy: null, note: '', basedOn: 0 }
		]);
	});

	it('refuses a provincial officer (403) and a viewer without a scope (401), whatever the form', () => {
		const officer: Viewer = {
			...analyst,
			account: { ...analyst.account, role: 'province_officer', provinces: ['15'] }
		};
		expect([
			outcome(() =>
				readPublishRequest(
					form({ note: 'x', based_on: '1' }),
					{ viewer: officer, scope: { kind: 'provinces', codes: ['15'] } },
					'th'
				)
			),
			outcome(() =>
				readPublishRequest(form({}), { viewer: { kind: 'anonymous' }, scope: null }, 'en')
			)
		]).toEqual([
			['error', 403, 'เฉพาะผู้วิเคราะห์ระดับประเทศเผยแพร่ข้อมูลได้'],
			['error', 401, 'sign in to see this / เข้าสู่ระบบเพื่อดูข้อมูลนี้']
		]);
	});

	it('answers bad input with fail(400), keeping what was typed', () => {
		const locals = { viewer: analyst, scope: NATIONAL };
		expect([
			outcome(() =>
				readPublishRequest(form({ note: 'ก'.repeat(2001), based_on: '1' }), locals, 'th')
			),
			outcome(() => readPublishRequest(form({ note: 'a\u0007b', based_on: '1' }), locals, 'th')),
			outcome(() => readPublishRequest(form({ note: 'ok', based_on: '-1' }), locals, 'th')),
			outcome(() => readPublishRequest(form({ note: 'ok' }), locals, 'th'))
		]).toEqual([
			['fail', 400, { note: 'ก'.repeat(2001), error: 'too_long', length: 2001 }],
			['fail', 400, { note: 'a\u0007b', error: 'control_characters', length: 3 }],
			['fail', 400, { note: 'ok', error: 'based_on', length: 0 }],
			['fail', 400, { note: 'ok', error: 'based_on', length: 0 }]
		]);
	});
});
