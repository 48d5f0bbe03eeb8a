import { nameKey } from '../../text/canonical.ts';

/**
 * Name similarity for matching Part 2 items to Part 3 pages. The two parts spell the same name
 * with small damage: "เจตนารมณ์" / "เจตนากรณี", "ฝึกอบรม" / "ผูกอบรม", a dropped "ต่อสาธารณะ"
 * (pao-samut-songkhram plan, lines 135 / 986, 176 / 2067, 129 / 940).
 */

/** Below this, two names are different projects. Chosen on the seed: see similarity.test.ts. */
export const MATCH_THRESHOLD = 0.85;

/** The label word a Part 3 page may or may not repeat ("๑. โครงการ มาตรการ…"). */
const KIND_WORD = /^(?:โครงการ|กิจกรรม|มาตรการ)+/;

/** nameKey without the leading โครงการ/กิจกรรม/มาตรการ word(s). */
export function matchKey(name: string): string {
	const k = nameKey(name);
	const stripped = k.replace(KIND_WORD, '');
	return stripped === '' ? k : stripped;
}

function bigrams(s: string): Map<string, number> {
	const chars = Array.from(s);
	const out = new Map<string, number>();
	for (let i = 0; i + 1 < chars.length; i++) {
		const g = chars[i]! + chars[i + 1]!;
		out.set(g, (out.get(g) ?? 0) + 1);
	}
	return out;
}

/** Sørensen–Dice coefficient on character bigrams (multisets): 1 = same, 0 = nothing shared. */
export function diceCoefficient(a: string, b: string): number {
	if (a === b) return 1;
	const ga = bigrams(a);
	const gb = bigrams(b);
	let na = 0;
	let nb = 0;
	for (const v of ga.values()) na += v;
	for (const v of gb.values()) nb += v;
	if (na + nb === 0) return 0;
	let shared = 0;
	for (const [g, v] of ga) shared += Math.min(v, gb.get(g) ?? 0);
	return (2 * shared) / (na + nb);
}

/** Similarity of two names as written, compared on `matchKey`. */
export function nameSimilarity(a: string, b: string): number {
	return diceCoefficient(matchKey(a), matchKey(b));
}

export interface Match {
	left: number;
	right: number;
	score: number;
}

/**
 * Pairs left[i] with right[j] only when each is the other's single best candidate and the score
 * reaches the threshold: a tie or a second-best as good as the best leaves both unmatched, for a
 * reader to decide. `allowed(i, j)` can rule pairs out (e.g. different dimensions).
 */
export function uniqueBestMatches(
	left: readonly string[],
	right: readonly string[],
	threshold = MATCH_THRESHOLD,
	allowed: (i: number, j: number) => boolean = () => true
): Match[] {
	const leftKeys = left.map(matchKey);
	const rightKeys = right.map(matchKey);
	const scores = leftKeys.map((a, i) =>
		rightKeys.map((b, j) => (allowed(i, j) ? diceCoefficient(a, b) : 0))
	);
	const bestOf = (values: number[]): number | null => {
		let best = -1;
		let at = -1;
		let tie = false;
		values.forEach((v, k) => {
			if (v > best) {
				best = v;
				at = k;
				tie = false;
			} else if (v === best) tie = true;
		});
		return at < 0 || tie || best < threshold ? null : at;
	};
	const out: Match[] = [];
	scores.forEach((row, i) => {
		const j = bestOf(row);
		if (j === null) return;
		const column = scores.map((r) => r[j] ?? 0);
		if (bestOf(column) !== i) return;
		out.push({ left: i, right: j, score: row[j] ?? 0 });
	});
	return out;
}
