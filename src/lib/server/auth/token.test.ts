import { createHash } from 'node:crypto';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSessionToken, isWellFormedToken, sessionIdOf } from './token.ts';

const SEED = Number(process.env.FC_SEED ?? 20_250_105);

describe('session tokens', () => {
	it('are 32 base32 characters holding 20 random bytes, all different', () => {
		const tokens = Array.from({ length: 2000 }, generateSessionToken);
		expect([
			tokens.every((t) => /^[a-z2-7]{32}$/.test(t) && isWellFormedToken(t)),
			decodeBase32IgnorePadding(tokens[0]!.toUpperCase()).length,
			new Set(tokens).size
		]).toEqual([true, 20, 2000]);
	});

	it('hash to the hex SHA-256 of their UTF-8 bytes (known vector)', () => {
		expect([sessionIdOf('abc'), sessionIdOf('')]).toEqual([
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
			'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
		]);
	});

	it(`hash like node:crypto for any string (property, seed ${SEED})`, () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary' }), (text) => {
				expect(sessionIdOf(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
			}),
			{ seed: SEED, numRuns: 500 }
		);
	});

	it('well-formed means exactly what generateSessionToken makes', () => {
		expect(
			[
				'',
				'a'.repeat(31),
				'a'.repeat(33),
				'A'.repeat(32),
				'1'.repeat(32),
				`${'a'.repeat(31)}=`
			].map(isWellFormedToken)
		).toEqual([false, false, false, false, false, false]);
	});
});
