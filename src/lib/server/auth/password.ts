import { hash, verify, type Options } from '@node-rs/argon2';
import { authError, type AuthError } from './errors.ts';

/**
 * Passwords: argon2id with the OWASP Password Storage Cheat Sheet's first configuration
 * (m = 19 MiB, t = 2, p = 1), written out rather than left to the library's defaults so that a
 * dependency update cannot weaken them. 8–256 characters counted as code points (a Thai vowel
 * mark counts as one, an emoji as one), and the whole string is hashed, never truncated: any
 * Unicode is accepted, NUL and emoji included, as its UTF-8 bytes.
 */
export const ARGON2_OPTIONS = {
	algorithm: 2, // Algorithm.Argon2id (a const enum, which isolated modules cannot import)
	memoryCost: 19_456,
	timeCost: 2,
	parallelism: 1
} as const satisfies Options;

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

/**
 * `{ ok: true }`, or `{ ok: false }` with the error's fields alongside (code, message — Thai then
 * English — th, en), as the interface has it.
 */
export function checkPasswordPolicy(
	password: string
): { ok: true } | ({ ok: false } & AuthError<'password_too_short' | 'password_too_long'>) {
	const length = codePoints(password);
	if (length < PASSWORD_MIN) {
		return { ok: false, ...authError('password_too_short', `${length} < ${PASSWORD_MIN}`) };
	}
	if (length > PASSWORD_MAX) {
		return { ok: false, ...authError('password_too_long', `${length} > ${PASSWORD_MAX}`) };
	}
	return { ok: true };
}

/** A PHC string: `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`. */
export function hashPassword(password: string): Promise<string> {
	return hash(password, ARGON2_OPTIONS);
}

/**
 * Compares in constant time (inside argon2). A malformed stored hash is a broken invariant and
 * throws; a wrong password is `false`.
 */
export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	return verify(passwordHash, password);
}

/** Code points, not UTF-16 units: '😀' is 1, 'ก่' is 2 (a consonant and a tone mark). */
export function codePoints(text: string): number {
	let n = 0;
	for (const _ of text) n++;
	return n;
}
