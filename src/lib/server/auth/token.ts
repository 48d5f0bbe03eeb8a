import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/**
 * Session tokens as the Lucia guidance writes them (lucia-auth.com, "Sessions"): 20 random bytes
 * from the platform's CSPRNG (160 bits, above the 120 the guidance asks for), base32 lower-case
 * without padding. The cookie holds the token; the database holds only its SHA-256, so a leaked
 * sessions table opens no session.
 */
export const TOKEN_BYTES = 20;

/** 20 bytes → 32 base32 characters, a–z and 2–7. */
export const TOKEN_PATTERN = /^[a-z2-7]{32}$/;

export function generateSessionToken(): string {
	const bytes = new Uint8Array(TOKEN_BYTES);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** The session id: hex SHA-256 of the token's UTF-8 bytes (64 characters). */
export function sessionIdOf(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** True for a string this module could have issued; anything else is never looked up. */
export function isWellFormedToken(token: string): boolean {
	return TOKEN_PATTERN.test(token);
}
