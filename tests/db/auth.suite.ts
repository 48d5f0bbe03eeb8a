import { createHash } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Db, Driver } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import * as schema from '../../db/schema/index.ts';
import { resetData, withTestDatabase } from '../../db/testing.ts';
import * as auth from '../../src/lib/server/auth/index.ts';
import { inScope, type DbScope } from '../../src/lib/server/db/scoped.ts';

const DAY = 86_400_000;
const T0 = Date.parse('2025-01-06T00:00:00Z');
/** The injected clock: `day(16)` is 16 days after the session was created. */
const day = (d: number) => new Date(T0 + d * DAY);
const minute = (m: number) => new Date(T0 + m * 60_000);
const SEED = Number(process.env.FC_SEED ?? 20_250_106);

const PASSWORD = 'ขอให้สุจริต 2568';
const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Accounts, sessions, sign-in and throttling, registered once per driver (STYLE habit 10). Every
 * call goes through inScope(…, { kind: 'auth' }, …) as the app's does, so the suite also proves
 * that row-level security lets that scope, and only that one, do the work.
 */
export function registerAuthSuite(driver: Driver): void {
	describe(`auth on ${driver}`, () => {
		let handle: Db;
		const inAuth = <T>(fn: (tx: Database) => Promise<T>) =>
			inScope(handle.db, { kind: 'auth' }, fn);
		const validate = (token: string, now: Date) =>
			inAuth((tx) => auth.validateSessionToken(tx, token, now));
		const login = (username: string, password: string, now: Date, ip = '203.0.113.7') =>
			inAuth((tx) => auth.login(tx, { username, password, ip, now }));
		const storedSessions = () =>
			handle.db
				.select({ id: schema.sessions.id, userId: schema.sessions.userId })
				.from(schema.sessions)
				.orderBy(asc(schema.sessions.userId), asc(schema.sessions.id));
		const throttleRows = () =>
			handle.db
				.select({ key: schema.loginThrottle.key, failures: schema.loginThrottle.failures })
				.from(schema.loginThrottle)
				.orderBy(asc(schema.loginThrottle.key));

		async function addUser(
			username: string,
			role: auth.Role,
			provinces: string[] = [],
			password = PASSWORD
		): Promise<auth.AccountSummary> {
			const result = await inAuth((tx) =>
				auth.accounts.addUser(tx, { username, role, password, provinces, now: day(0) })
			);
			if (!result.ok) throw new Error(`seed user ${username}: ${result.error.message}`);
			return result.account;
		}

		async function newSession(userId: number, now = day(0)) {
			const token = auth.generateSessionToken();
			const session = await inAuth((tx) => auth.createSession(tx, token, userId, now));
			return { token, session };
		}

		beforeAll(async () => {
			handle = await withTestDatabase(driver);
		});
		afterAll(async () => {
			await handle?.close();
		});
		beforeEach(async () => {
			await resetData(handle);
		});

		describe('sessions', () => {
			it('a new session validates; only the SHA-256 of its token is stored', async () => {
				const officer = await addUser('somchai', 'province_officer', ['52', '15']);
				const { token, session } = await newSession(officer.id);
				const stored = await storedSessions();
				expect([token === session.id, stored, session, await validate(token, day(1))]).toEqual([
					false,
					[{ id: sha256Hex(token), userId: officer.id }],
					{ id: sha256Hex(token), userId: officer.id, expiresAt: day(30), viewAs: null },
					{
						session: { id: sha256Hex(token), userId: 1, expiresAt: day(30), viewAs: null },
						account: {
							id: 1,
							username: 'somchai',
							displayName: '',
							role: 'province_officer',
							provinces: ['15', '52']
						},
						renewed: false
					}
				]);
			});

			it('renews with 15 days or fewer left, to 30 days from then; expires at expiresAt', async () => {
				const analyst = await addUser('analyst1', 'analyst');
				const { token } = await newSession(analyst.id);
				const seen: [number, string | null, boolean | null][] = [];
				for (const d of [14.99, 16, 29.99, 30.5, 46]) {
					const found = await validate(token, day(d));
					seen.push([
						d,
						found ? found.session.expiresAt.toISOString() : null,
						found ? found.renewed : null
					]);
				}
				expect([seen, await storedSessions()]).toEqual([
					[
						[14.99, day(30).toISOString(), false],
						[16, day(46).toISOString(), true],
						[29.99, day(46).toISOString(), false],
						[30.5, day(46).toISOString(), false],
						[46, null, null]
					],
					[] // the expired row is deleted
				]);
			});

			it('the one-round-trip lookup answers as the full check, and leaves every write to it', async () => {
				const lookup = (token: string, now: Date) =>
					inAuth(async (tx) => {
						const id = auth.sessionIdOf(token);
						const [row] = await queryRows<auth.SessionRow>(tx, sql.raw(auth.sessionLookupText(id)));
						return auth.sessionFromLookup(id, row, now);
					});
				const officer = await addUser('somchai', 'province_officer', ['52', '15']);
				const admin = await addUser('admin1', 'admin');
				const o = await newSession(officer.id);
				const a = await newSession(admin.id);
				await inAuth((tx) =>
					auth.setViewAs(tx, a.session.id, { role: 'province_officer', provinces: ['96', '15'] })
				);
				// Valid, not due for renewal: the lookup settles it, exactly as the full check does.
				for (const { token } of [o, a]) {
					const quick = await lookup(token, day(1));
					expect(quick).not.toBe('write');
					expect(quick).toEqual(await validate(token, day(1)));
				}
				expect(((await lookup(a.token, day(1))) as auth.ValidSession).session.viewAs).toEqual({
					role: 'province_officer',
					provinces: ['15', '96']
				});
				// Unknown: null, as the full check answers, and nothing to write.
				expect(await lookup(auth.generateSessionToken(), day(1))).toBe(null);
				// Due for renewal, expired, disabled: the full check must run (it writes).
				expect(await lookup(o.token, day(15))).toBe('write');
				expect(await lookup(o.token, day(30))).toBe('write');
				await handle.db.execute(sql`update users set disabled_at = now() where id = ${officer.id}`);
				expect(await lookup(o.token, day(1))).toBe('write');
				expect((await storedSessions()).length).toBe(2); // the lookup deleted nothing
				// The id is written into the text: anything but 64 hex digits is refused.
				for (const id of ["' or true --", 'A'.repeat(64), '0'.repeat(63), `${'0'.repeat(64)}'`]) {
					expect(() => auth.sessionLookupText(id)).toThrow('64 hex digits');
				}
			});

			it('renews at exactly 15 days left; is dead at exactly 30 days', async () => {
				const analyst = await addUser('analyst1', 'analyst');
				const a = await newSession(analyst.id);
				const b = await newSession(analyst.id);
				const renewed = await validate(a.token, day(15));
				expect([
					renewed?.renewed,
					renewed?.session.expiresAt,
					await validate(b.token, day(30)),
					(await storedSessions()).map((s) => s.id)
				]).toEqual([true, day(45), null, [sha256Hex(a.token)]]);
			});

			it('logout ends the session at once, and only that one', async () => {
				const analyst = await addUser('analyst1', 'analyst');
				const a = await newSession(analyst.id);
				const b = await newSession(analyst.id);
				await inAuth((tx) => auth.invalidateSession(tx, a.session.id));
				expect([
					await validate(a.token, day(0)),
					(await validate(b.token, day(0)))?.session.id
				]).toEqual([null, sha256Hex(b.token)]);
			});

			it('disabling an account ends all of its sessions at once', async () => {
				await addUser('admin1', 'admin');
				const officer = await addUser('somchai', 'province_officer', ['52']);
				const other = await addUser('analyst1', 'analyst');
				const a = await newSession(officer.id);
				const b = await newSession(officer.id);
				const c = await newSession(other.id);
				const disabled = await inAuth((tx) => auth.accounts.disableUser(tx, 'SomChai', day(1)));
				expect([
					disabled.ok && disabled.account.disabledAt,
					await validate(a.token, day(1)),
					await validate(b.token, day(1)),
					(await validate(c.token, day(1)))?.account.username,
					(await storedSessions()).map((s) => s.userId)
				]).toEqual([day(1), null, null, 'analyst1', [other.id]]);
			});

			it('an account disabled behind its back (SQL) loses its sessions on their next use', async () => {
				const analyst = await addUser('analyst1', 'analyst');
				const a = await newSession(analyst.id);
				const b = await newSession(analyst.id);
				await handle.db
					.update(schema.users)
					.set({ disabledAt: day(2) })
					.where(eq(schema.users.id, analyst.id));
				expect([await validate(a.token, day(3)), await storedSessions()]).toEqual([null, []]);
				expect(await validate(b.token, day(3))).toBe(null);
			});

			it("never matches another session's token, a malformed token or a near miss", async () => {
				const one = await addUser('analyst1', 'analyst');
				const two = await addUser('analyst2', 'analyst');
				const a = await newSession(one.id);
				const b = await newSession(two.id);
				const flipped = a.token.slice(0, -1) + (a.token.endsWith('a') ? 'b' : 'a');
				const results = [];
				for (const t of [
					'',
					'abc',
					a.token.toUpperCase(),
					`${a.token}a`,
					a.token.slice(1),
					flipped,
					a.session.id // the stored id is not a token
				]) {
					results.push(await validate(t, day(1)));
				}
				expect([
					(await validate(a.token, day(1)))?.account.username,
					(await validate(b.token, day(1)))?.account.username,
					results
				]).toEqual(['analyst1', 'analyst2', [null, null, null, null, null, null, null]]);
			});

			it(`a token never issued never validates (property, seed ${SEED})`, async () => {
				const analyst = await addUser('analyst1', 'analyst');
				const issued = await newSession(analyst.id);
				const wellFormed = fc.stringMatching(/^[a-z2-7]{32}$/);
				await inAuth((tx) =>
					fc.assert(
						fc.asyncProperty(fc.oneof(wellFormed, fc.string({ unit: 'binary' })), async (token) => {
							fc.pre(token !== issued.token);
							expect(await auth.validateSessionToken(tx, token, day(1))).toBe(null);
						}),
						{ seed: SEED, numRuns: 300 }
					)
				);
				expect((await validate(issued.token, day(1)))?.session.id).toBe(sha256Hex(issued.token));
			});

			it('row-level security: outside scope auth no session is seen, none is written', async () => {
				const analyst = await addUser('analyst1', 'analyst');
				const { token } = await newSession(analyst.id);
				const scopes: DbScope[] = [
					{ kind: 'national' },
					{ kind: 'provinces', codes: ['52'] },
					{ kind: 'public' }
				];
				const seen = [];
				for (const scope of scopes) {
					seen.push(
						await inScope(handle.db, scope, async (tx) => [
							await auth.validateSessionToken(tx, token, day(1)),
							(await queryRows(tx, sql`select count(*)::int as n from sessions`))[0],
							(await queryRows(tx, sql`select count(*)::int as n from users`))[0]
						])
					);
				}
				const insert = await inScope(handle.db, { kind: 'national' }, (tx) =>
					auth.createSession(tx, auth.generateSessionToken(), analyst.id, day(1))
				).then(
					() => 'inserted',
					(e: Error & { cause?: { code?: string } }) => e.cause?.code ?? String(e)
				);
				expect([seen, insert, (await validate(token, day(1)))?.account.id]).toEqual([
					[
						[null, { n: 0 }, { n: 0 }],
						[null, { n: 0 }, { n: 0 }],
						[null, { n: 0 }, { n: 0 }]
					],
					'42501', // insufficient_privilege: new row violates row-level security policy
					analyst.id
				]);
			});
		});

		describe('view as', () => {
			it('an admin views as an officer of existing provinces, as the public, as themself', async () => {
				const admin = await addUser('admin1', 'admin');
				const { token, session } = await newSession(admin.id);
				const set = (viewAs: auth.ViewAs | null) =>
					inAuth((tx) => auth.setViewAs(tx, session.id, viewAs));
				const viewAs = async () => (await validate(token, day(1)))?.session.viewAs;
				const steps: unknown[] = [];
				steps.push(await set({ role: 'province_officer', provinces: ['52', ' 15', '52'] }));
				steps.push(await viewAs());
				steps.push(await set({ role: 'province_officer', provinces: ['52', '99'] }));
				steps.push(await viewAs());
				steps.push(await set({ role: 'public', provinces: [] }));
				steps.push(await viewAs());
				steps.push(await set(null));
				steps.push(await viewAs());
				expect(steps).toEqual([
					{ ok: true, viewAs: { role: 'province_officer', provinces: ['15', '52'] } },
					{ role: 'province_officer', provinces: ['15', '52'] },
					{
						ok: false,
						error: {
							code: 'unknown_province',
							message: 'ไม่พบรหัสจังหวัด: 99 / unknown province code: 99',
							th: 'ไม่พบรหัสจังหวัด: 99',
							en: 'unknown province code: 99'
						}
					},
					{ role: 'province_officer', provinces: ['15', '52'] }, // unchanged
					{ ok: true, viewAs: { role: 'public', provinces: [] } },
					{ role: 'public', provinces: [] },
					{ ok: true, viewAs: null },
					null
				]);
			});

			it('refuses bad roles, province rules, non-admins and unknown sessions', async () => {
				const admin = await addUser('admin1', 'admin');
				const analyst = await addUser('analyst1', 'analyst');
				const mine = await newSession(admin.id);
				const theirs = await newSession(analyst.id);
				const codes = await inAuth(async (tx) =>
					[
						await auth.setViewAs(tx, mine.session.id, { role: 'province_officer', provinces: [] }),
						await auth.setViewAs(tx, mine.session.id, { role: 'analyst', provinces: ['52'] }),
						await auth.setViewAs(tx, mine.session.id, {
							role: 'admin' as 'analyst',
							provinces: []
						}),
						await auth.setViewAs(tx, theirs.session.id, { role: 'public', provinces: [] }),
						await auth.setViewAs(tx, 'f'.repeat(64), { role: 'public', provinces: [] })
					].map((r) => (r.ok ? 'ok' : r.error.code))
				);
				expect(codes).toEqual([
					'provinces_required',
					'provinces_not_allowed',
					'view_as_role_invalid',
					'not_admin',
					'unknown_session'
				]);
			});
		});

		describe('accounts', () => {
			it('adds users and lists them without hashes', async () => {
				const added = await inAuth((tx) =>
					auth.accounts.addUser(tx, {
						username: '  Somchai.K ',
						displayName: ' สมชาย ใจดี ',
						role: 'province_officer',
						password: PASSWORD,
						provinces: ['52', '15'],
						now: day(0)
					})
				);
				await addUser('analyst1', 'analyst');
				const list = await inAuth((tx) => auth.accounts.listUsers(tx));
				expect([added, list, JSON.stringify(list).includes('argon2')]).toEqual([
					{
						ok: true,
						account: {
							id: 1,
							username: 'somchai.k',
							displayName: 'สมชาย ใจดี',
							role: 'province_officer',
							provinces: ['15', '52'],
							disabled: false,
							disabledAt: null,
							createdAt: day(0)
						}
					},
					[
						{
							id: 2,
							username: 'analyst1',
							displayName: '',
							role: 'analyst',
							provinces: [],
							disabled: false,
							disabledAt: null,
							createdAt: day(0)
						},
						added.ok && added.account
					],
					false
				]);
			});

			it('refuses bad input with a code, and writes nothing then', async () => {
				await addUser('somchai', 'analyst');
				const add = (username: string, role: string, password: string, provinces: string[] = []) =>
					inAuth((tx) => auth.accounts.addUser(tx, { username, role, password, provinces }));
				const results = [
					await add('ab', 'analyst', PASSWORD),
					await add('has space', 'analyst', PASSWORD),
					await add('-dash', 'analyst', PASSWORD),
					await add('SOMCHAI', 'analyst', PASSWORD),
					await add('newbie', 'superuser', PASSWORD),
					await add('newbie', 'analyst', 'short'),
					await add('newbie', 'province_officer', PASSWORD),
					await add('newbie', 'analyst', PASSWORD, ['52']),
					await add('newbie', 'province_officer', PASSWORD, ['52', '99', 'xx', '5'])
				];
				expect([
					results.map((r) => (r.ok ? 'ok' : [r.error.code, r.error.en])),
					await handle.db.$count(schema.users)
				]).toEqual([
					[
						[
							'username_invalid',
							'a username is 3–64 characters: a–z or 0–9 first, then a–z 0–9 . _ -: ab'
						],
						[
							'username_invalid',
							'a username is 3–64 characters: a–z or 0–9 first, then a–z 0–9 . _ -: has space'
						],
						[
							'username_invalid',
							'a username is 3–64 characters: a–z or 0–9 first, then a–z 0–9 . _ -: -dash'
						],
						['username_taken', 'that username is taken: somchai'],
						['role_invalid', 'the role must be admin, analyst or province_officer: superuser'],
						['password_too_short', 'the password must be at least 8 characters: 5 < 8'],
						['provinces_required', 'a province officer needs at least one province'],
						['provinces_not_allowed', 'this role has no provinces: analyst: 52'],
						['unknown_province', 'unknown province code: 5, 99, xx']
					],
					1
				]);
			});

			it('set-password ends every session; the old password stops working', async () => {
				const analyst = await addUser('analyst1', 'analyst');
				const { token } = await newSession(analyst.id);
				const weak = await inAuth((tx) => auth.accounts.setPassword(tx, 'analyst1', '1234567'));
				const stillValid = (await validate(token, day(0)))?.account.id;
				const done = await inAuth((tx) =>
					auth.accounts.setPassword(tx, 'ANALYST1', 'ใหม่ทั้งหมด 2568')
				);
				expect([
					weak.ok ? 'ok' : weak.error.code,
					stillValid,
					done.ok,
					await validate(token, day(0)),
					(await login('analyst1', PASSWORD, day(0))).ok,
					(await login('analyst1', 'ใหม่ทั้งหมด 2568', day(0))).ok,
					(await inAuth((tx) => auth.accounts.setPassword(tx, 'nobody', PASSWORD))).ok
				]).toEqual(['password_too_short', analyst.id, true, null, false, true, false]);
			});

			it('set-provinces and set-role keep the province rule', async () => {
				await addUser('admin1', 'admin');
				await addUser('somchai', 'province_officer', ['52']);
				await addUser('analyst1', 'analyst');
				const r = await inAuth(async (tx) => [
					await auth.accounts.setProvinces(tx, 'somchai', ['10', '15']),
					await auth.accounts.setProvinces(tx, 'somchai', []),
					await auth.accounts.setProvinces(tx, 'analyst1', ['52']),
					await auth.accounts.setRole(tx, 'analyst1', 'province_officer'),
					await auth.accounts.setRole(tx, 'analyst1', 'province_officer', ['15']),
					await auth.accounts.setRole(tx, 'somchai', 'analyst'),
					await auth.accounts.setRole(tx, 'somchai', 'province_officer'),
					await auth.accounts.setRole(tx, 'somchai', 'root')
				]);
				expect(
					r.map((x) =>
						x.ok ? [x.account.username, x.account.role, x.account.provinces] : x.error.code
					)
				).toEqual([
					['somchai', 'province_officer', ['10', '15']],
					'provinces_required',
					'provinces_not_allowed',
					'provinces_required',
					['analyst1', 'province_officer', ['15']],
					['somchai', 'analyst', []],
					'provinces_required',
					'role_invalid'
				]);
			});

			// Found by the isolation matrix on PostgreSQL (tests/e2e/isolation): two admin forms
			// adding the same name at once both passed the lookup, and the second insert hit the
			// unique index: a 500 instead of username_taken.
			it('two adds of one name at once: one account, the other told username_taken', async () => {
				const add = () =>
					inAuth((tx) =>
						auth.accounts.addUser(tx, { username: 'somchai', role: 'analyst', password: PASSWORD })
					);
				const outcomes = await Promise.all([add(), add(), add()]);
				expect([
					outcomes.map((o) => (o.ok ? 'ok' : o.error.code)).sort(),
					(await handle.db.select().from(schema.users)).length
				]).toEqual([['ok', 'username_taken', 'username_taken'], 1]);
			});

			it('set-provinces at once: one of the asked sets, never a mix of both', async () => {
				await addUser('somchai', 'province_officer', ['52']);
				const set = (codes: string[]) =>
					inAuth((tx) => auth.accounts.setProvinces(tx, 'somchai', codes));
				const outcomes = await Promise.all([set(['10', '15']), set(['75']), set(['10', '15'])]);
				const [after] = await inAuth((tx) => auth.accounts.listUsers(tx));
				const asked = [['10', '15'], ['75']].map((codes) => codes.join(','));
				expect([
					outcomes.map((o) => o.ok),
					asked.includes(after?.provinces.join(',') ?? '')
				]).toEqual([[true, true, true], true]);
			});

			it('the last enabled admin can be neither disabled nor demoted', async () => {
				await addUser('admin1', 'admin');
				const r1 = await inAuth(async (tx) => [
					await auth.accounts.disableUser(tx, 'admin1'),
					await auth.accounts.setRole(tx, 'admin1', 'analyst')
				]);
				await addUser('admin2', 'admin');
				const r2 = await inAuth(async (tx) => [
					await auth.accounts.disableUser(tx, 'admin1'),
					await auth.accounts.setRole(tx, 'admin2', 'analyst'),
					await auth.accounts.enableUser(tx, 'admin1'),
					await auth.accounts.setRole(tx, 'admin2', 'analyst')
				]);
				expect([...r1, ...r2].map((x) => (x.ok ? 'ok' : x.error.code))).toEqual([
					'last_admin',
					'last_admin',
					'ok',
					'last_admin',
					'ok',
					'ok'
				]);
			});
		});

		describe('login', () => {
			it('succeeds with a session the cookie can carry, and clears the name counter', async () => {
				const officer = await addUser('somchai', 'province_officer', ['52']);
				const wrong = await login('somchai', 'wrong password', minute(0));
				const rowsAfterWrong = await throttleRows();
				const ok = await login(' SomChai ', PASSWORD, minute(1));
				if (!ok.ok) throw new Error('login failed');
				expect([
					wrong,
					rowsAfterWrong,
					ok.session,
					ok.account,
					(await validate(ok.token, minute(2)))?.account.username,
					await throttleRows()
				]).toEqual([
					{ ok: false, reason: 'invalid', retryAfterSeconds: null },
					[
						{ key: 'ip:203.0.113.7', failures: 1 },
						{ key: 'user:somchai', failures: 1 }
					],
					{
						id: sha256Hex(ok.token),
						userId: officer.id,
						expiresAt: new Date(minute(1).getTime() + 30 * DAY),
						viewAs: null
					},
					{
						id: officer.id,
						username: 'somchai',
						displayName: '',
						role: 'province_officer',
						provinces: ['52']
					},
					'somchai',
					[{ key: 'ip:203.0.113.7', failures: 1 }] // the IP's counter stays
				]);
			});

			it('answers the same for an unknown name, a wrong password and a disabled account', async () => {
				await addUser('admin1', 'admin');
				await addUser('somchai', 'analyst');
				await addUser('retired', 'analyst');
				await inAuth((tx) => auth.accounts.disableUser(tx, 'retired'));
				const answers = [
					await login('nobody', PASSWORD, minute(0)),
					await login('somchai', 'not the password', minute(0)),
					await login('retired', PASSWORD, minute(0)), // the right password, disabled
					await login('', '', minute(0)),
					await login('x'.repeat(100), PASSWORD, minute(0))
				];
				expect([answers, await throttleRows(), await storedSessions()]).toEqual([
					Array(5).fill({ ok: false, reason: 'invalid', retryAfterSeconds: null }),
					[
						{ key: 'ip:203.0.113.7', failures: 5 },
						{ key: 'user:', failures: 1 },
						{ key: 'user:nobody', failures: 1 },
						{ key: 'user:retired', failures: 1 },
						{ key: 'user:somchai', failures: 1 },
						{ key: `user:${'x'.repeat(64)}`, failures: 1 }
					],
					[]
				]);
			});

			it('locks a name after 5 failures in 15 minutes, known or not, before checking any password', async () => {
				await addUser('somchai', 'analyst');
				const sequence = async (name: string, password: string, ip: string) => {
					const out = [];
					for (const m of [0, 1, 2, 3, 4])
						out.push(await login(name, 'wrong password', minute(m), ip));
					out.push(await login(name, password, minute(5), ip)); // right password, still locked
					out.push(await login(name, password, minute(18.5), ip));
					out.push(await login(name, password, minute(19), ip)); // the lock is over
					return out.map((r) => (r.ok ? 'ok' : [r.reason, r.retryAfterSeconds]));
				};
				const known = await sequence('somchai', PASSWORD, '198.51.100.1');
				const unknown = await sequence('nobody', PASSWORD, '198.51.100.2');
				const lockedOut = [
					['invalid', null],
					['invalid', null],
					['invalid', null],
					['invalid', null],
					['invalid', 900], // this failure locked the name: 15 minutes
					['throttled', 840],
					['throttled', 30]
				];
				expect([known, unknown]).toEqual([
					[...lockedOut, 'ok'],
					[...lockedOut, ['invalid', null]]
				]);
			});

			it('doubles the next lock of a name: 30 minutes', async () => {
				await addUser('somchai', 'analyst');
				const out = [];
				for (const m of [0, 1, 2, 3, 4, 19, 20, 21, 22, 23, 24]) {
					const r = await login('somchai', 'wrong password', minute(m), `192.0.2.${m}`);
					out.push(r.ok ? 'ok' : [r.reason, r.retryAfterSeconds]);
				}
				expect(out.slice(4)).toEqual([
					['invalid', 900],
					['invalid', null],
					['invalid', null],
					['invalid', null],
					['invalid', null],
					['invalid', 1800],
					['throttled', 1740]
				]);
			});

			it('locks an IP after 50 failures in 15 minutes, whatever the names; others get in', async () => {
				await addUser('somchai', 'analyst');
				const ip = '203.0.113.66';
				const last = [];
				for (let i = 0; i < 50; i++) {
					const r = await login(`user${i}`, 'wrong password', new Date(T0 + i * 10_000), ip);
					if (i >= 48) last.push(r);
				}
				const at = new Date(T0 + 500_000); // 8 min 20 s in
				expect([
					last,
					await login('somchai', PASSWORD, at, ip),
					(await login('somchai', PASSWORD, at, '203.0.113.67')).ok
				]).toEqual([
					[
						{ ok: false, reason: 'invalid', retryAfterSeconds: null },
						{ ok: false, reason: 'invalid', retryAfterSeconds: 900 }
					],
					{ ok: false, reason: 'throttled', retryAfterSeconds: 900 - 500 + 490 },
					true
				]);
			});

			it('prunes throttle rows with no window nor lock in the last 24 hours', async () => {
				await handle.db.insert(schema.loginThrottle).values([
					{ key: 'user:old', failures: 3, windowStart: day(0), lockedUntil: null },
					{ key: 'user:old-lock', failures: 5, windowStart: day(0), lockedUntil: day(0.5) },
					{ key: 'user:recent-lock', failures: 5, windowStart: day(0), lockedUntil: day(1.5) },
					{ key: 'ip:recent', failures: 1, windowStart: day(1.9), lockedUntil: null }
				]);
				const pruned = await inAuth((tx) => auth.pruneThrottle(tx, day(2)));
				expect([pruned, (await throttleRows()).map((r) => r.key)]).toEqual([
					2,
					['ip:recent', 'user:recent-lock']
				]);
			});

			it('tidy deletes expired sessions and stale throttle rows; sign-in runs it hourly', async () => {
				const user = await addUser('tidy', 'analyst');
				const old = await newSession(user.id, day(0)); // expires at day 30
				const fresh = await newSession(user.id, day(20)); // expires at day 50
				await handle.db
					.insert(schema.loginThrottle)
					.values([{ key: 'user:stale', failures: 3, windowStart: day(0), lockedUntil: null }]);
				expect(await inAuth((tx) => auth.tidy(tx, day(30)))).toEqual({
					sessions: 1,
					throttle: 1
				});
				expect((await storedSessions()).map((r) => r.id)).toEqual([fresh.session.id]);
				expect(await validate(old.token, day(21))).toBeNull();
				// Through sign-in: an expired session left behind is gone after any sign-in attempt
				// an hour or more after the last housekeeping.
				await newSession(user.id, day(40)); // expires at day 70
				await login('nobody', 'wrong password', day(200));
				expect(await storedSessions()).toEqual([]);
			});

			it('answers any string input and never throws (NUL, lone surrogates, a megabyte)', async () => {
				await addUser('somchai', 'analyst');
				const pinned = [
					await login('a\0b', '\0'.repeat(10), minute(0), '\0'),
					await login('somchai\0', PASSWORD, minute(0)),
					await login('\uD800', '\uDC00'.repeat(9), minute(0), '\uD800'),
					await login('somchai', 'x'.repeat(1_000_000), minute(0), 'ip-of-a-megabyte')
				];
				expect(pinned.map((r) => (r.ok ? 'ok' : r.reason))).toEqual([
					'invalid',
					'invalid',
					'invalid',
					'invalid'
				]);
			});

			it(`answers any string input and never throws (property, seed ${SEED})`, async () => {
				await addUser('somchai', 'analyst');
				let runs = 0;
				await fc.assert(
					fc.asyncProperty(
						fc.string({ unit: 'binary', maxLength: 80 }),
						fc.string({ unit: 'binary', maxLength: 300 }),
						fc.string({ unit: 'binary', maxLength: 60 }),
						fc.integer({ min: 0, max: 100 * 24 * 60 }),
						async (username, password, ip, m) => {
							const r = await login(username, password, minute(m), ip);
							runs++;
							expect(r.ok ? 'ok' : r.reason).toMatch(/^(invalid|throttled)$/);
						}
					),
					{ seed: SEED, numRuns: 40 }
				);
				expect(runs).toBe(40);
			});
		});
	});
}
