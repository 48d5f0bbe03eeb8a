/**
 * Canary tokens and what may see them. A token is `CANARY-P15-qwerty` (published in release 1) or
 * `UNPUB-P15-qwerty` (ingested after it): the province (00: a document with no province) and six
 * random letters, so that it is found in any body, whatever the digits or the case it is shown in.
 */
import { randomInt } from 'node:crypto';

export type Phase = 'published' | 'unpublished';

export interface Canary {
	token: string;
	phase: Phase;
	province: string;
}

const PREFIX: Record<Phase, string> = { published: 'CANARY', unpublished: 'UNPUB' };

const letters = (n: number) =>
	Array.from({ length: n }, () => String.fromCharCode(97 + randomInt(26))).join('');

export function newCanary(phase: Phase, province: string): Canary {
	return { token: `${PREFIX[phase]}-P${province}-${letters(6)}`, phase, province };
}

/** What a principal's data pages may read: every province, some, or none (releases only). */
export type Scope =
	{ kind: 'national' } | { kind: 'provinces'; codes: string[] } | { kind: 'none' };

/**
 * The oracle: item names are never public (a release is aggregates by province × type × มิติ ×
 * year), so a viewer without a data scope sees no token at all, published or not; a province
 * scope sees its provinces' tokens, published or not, and never a document without a province.
 */
export function maySee(scope: Scope, province: string): boolean {
	if (scope.kind === 'national') return true;
	if (scope.kind === 'none') return false;
	return scope.codes.includes(province);
}

const THAI_DIGITS = /[๐-๙]/g;

/**
 * Every token or token prefix in a text: Thai digits read as Arabic, any case. A truncated token
 * (`canary-p52`, `unpub-p15-qw`) still names its province and counts.
 */
export function findCanaries(text: string): { token: string; phase: Phase; province: string }[] {
	const plain = text.replace(THAI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0e50)).toLowerCase();
	const found = [];
	for (const m of plain.matchAll(/(canary|unpub)-p(\d{2})(?:-([a-z]{1,6}))?/g)) {
		found.push({
			token: m[0],
			phase: (m[1] === 'canary' ? 'published' : 'unpublished') as Phase,
			province: m[2]!
		});
	}
	return found;
}
