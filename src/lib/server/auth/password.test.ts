import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, codePoints, hashPassword, verifyPassword } from './password.ts';

/** Exactly `n` code points of Thai (every one in the BMP: UTF-16 length = n, UTF-8 = 3n bytes). */
const thai = (n: number) => [...'รหัสผ่านภาษาไทยที่ยาวมาก'.repeat(20)].slice(0, n).join('');

describe('password policy', () => {
	it('accepts 8 to 256 code points, refuses 7 and 257 with a code and both languages', () => {
		expect([7, 8, 256, 257].map((n) => checkPasswordPolicy('a'.repeat(n)))).toEqual([
			{
				ok: false,
				code: 'password_too_short',
				message:
					'รหัสผ่านต้องยาวอย่างน้อย 8 ตัวอักษร: 7 < 8 / the password must be at least 8 characters: 7 < 8',
				th: 'รหัสผ่านต้องยาวอย่างน้อย 8 ตัวอักษร: 7 < 8',
				en: 'the password must be at least 8 characters: 7 < 8'
			},
			{ ok: true },
			{ ok: true },
			{
				ok: false,
				code: 'password_too_long',
				message:
					'รหัสผ่านยาวได้ไม่เกิน 256 ตัวอักษร: 257 > 256 / the password must be at most 256 characters: 257 > 256',
				th: 'รหัสผ่านยาวได้ไม่เกิน 256 ตัวอักษร: 257 > 256',
				en: 'the password must be at most 256 characters: 257 > 256'
			}
		]);
	});

	it('counts code points, not UTF-16 units nor bytes (emoji, Thai)', () => {
		const emoji7 = '😀'.repeat(7); // 14 UTF-16 units, still too short
		const emoji256 = '😀'.repeat(256); // 512 units, 1,024 bytes: allowed
		expect([
			[emoji7.length, codePoints(emoji7), checkPasswordPolicy(emoji7).ok],
			[emoji256.length, codePoints(emoji256), checkPasswordPolicy(emoji256).ok],
			[thai(256).length, Buffer.byteLength(thai(256)), checkPasswordPolicy(thai(256)).ok],
			[codePoints(thai(257)), checkPasswordPolicy(thai(257)).ok]
		]).toEqual([
			[14, 7, false],
			[512, 256, true],
			[256, 768, true],
			[257, false]
		]);
	});
});

describe('argon2id hashes', () => {
	it('use the OWASP parameters and verify only the very password', async () => {
		const hash = await hashPassword('correct horse battery staple');
		expect([
			hash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$'),
			await verifyPassword(hash, 'correct horse battery staple'),
			await verifyPassword(hash, 'correct horse battery stapl'),
			await verifyPassword(hash, 'Correct horse battery staple')
		]).toEqual([true, true, false, false]);
	});

	it('hash a 256-character Thai password whole: changing its last character fails', async () => {
		const password = thai(256);
		const last = [...password];
		last[255] = last[255] === 'ก' ? 'ข' : 'ก';
		const hash = await hashPassword(password);
		expect([
			await verifyPassword(hash, password),
			await verifyPassword(hash, last.join(''))
		]).toEqual([true, false]);
	});

	it('hash NUL and emoji as part of the password, never cut there', async () => {
		const password = 'ab\0cd😀ef\0gh😀';
		const hash = await hashPassword(password);
		expect([
			await verifyPassword(hash, password),
			await verifyPassword(hash, 'ab'), // what a C string would have kept
			await verifyPassword(hash, 'ab\0cd😀ef\0gh'),
			await verifyPassword(hash, 'ab\0cd😀ef\0gh😁')
		]).toEqual([true, false, false, false]);
	});

	it('tell apart two 256-character passwords that differ only at character 200', async () => {
		const a = 'x'.repeat(199) + 'a' + 'y'.repeat(56);
		const b = 'x'.repeat(199) + 'b' + 'y'.repeat(56);
		const hashA = await hashPassword(a);
		expect([
			a.length,
			a === b,
			await verifyPassword(hashA, a),
			await verifyPassword(hashA, b)
		]).toEqual([256, false, true, false]);
	});

	it('salt each hash: the same password twice gives two hashes', async () => {
		const [one, two] = await Promise.all([
			hashPassword('same password'),
			hashPassword('same password')
		]);
		expect([one === two, await verifyPassword(two, 'same password')]).toEqual([false, true]);
	});
});
