import { nameKey } from './canonical.ts';

/**
 * Name similarity, shared by the matchers (Part 2 items ↔ Part 3 pages in plans, narrative entries
 * ↔ table items in reports). For matching Part 2 items to Part 3 pages: The two parts spell the same name
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

interface Profile {
	grams: Map<string, number>;
	total: number;
}

// Matchers compare every name with every other (n × m); the bigram profile of each name is built
// once and kept here (profiling the report seed: 80 ms/document before, most of it in bigrams).
const profiles = new Map<string, Profile>();
const MAX_PROFILES = 20_000;

/** Forget the profiles (parseDocument does, per document, so that no state spans documents). */
export function clearSimilarityCache(): void {
	profiles.clear();
}

function profile(s: string): Profile {
	let p = profiles.get(s);
	if (p) return p;
	const grams = new Map<string, number>();
	// Thai is in the BMP, so UTF-16 code units are characters here.
	for (let i = 0; i + 1 < s.length; i++) {
		const g = s.slice(i, i + 2);
		grams.set(g, (grams.get(g) ?? 0) + 1);
	}
	p = { grams, total: Math.max(0, s.length - 1) };
	if (profiles.size >= MAX_PROFILES) profiles.clear();
	profiles.set(s, p);
	return p;
}

/** Sørensen–Dice coefficient on character bigrams (multisets): 1 = same, 0 = nothing shared. */
export function diceCoefficient(a: string, b: string): number {
	if (a === b) return 1;
	const pa = profile(a);
	const pb = profile(b);
	if (pa.total + pb.total === 0) return 0;
	const [small, large] = pa.grams.size <= pb.grams.size ? [pa, pb] : [pb, pa];
	let shared = 0;
	for (const [g, v] of small.grams) shared += Math.min(v, large.grams.get(g) ?? 0);
	return (2 * shared) / (pa.total + pb.total);
}

/**
 * The highest Dice score two strings of these lengths could reach (all bigrams of the shorter
 * shared): matchers skip pairs whose bound is under their threshold without building profiles.
 */
export function diceUpperBound(a: string, b: string): number {
	const na = Math.max(0, a.length - 1);
	const nb = Math.max(0, b.length - 1);
	return na + nb === 0 ? 0 : (2 * Math.min(na, nb)) / (na + nb);
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
		rightKeys.map((b, j) =>
			allowed(i, j) && diceUpperBound(a, b) >= threshold ? diceCoefficient(a, b) : 0
		)
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
	// Each column's best row once, not once per row that points at it: 100,000 copies of one
	// item made that n² (tests/fuzz/regressions.test.ts).
	const columnBest = new Map<number, number | null>();
	const bestRowOf = (j: number): number | null => {
		let i = columnBest.get(j);
		if (i === undefined) columnBest.set(j, (i = bestOf(scores.map((r) => r[j] ?? 0))));
		return i;
	};
	const out: Match[] = [];
	scores.forEach((row, i) => {
		const j = bestOf(row);
		if (j === null || bestRowOf(j) !== i) return;
		out.push({ left: i, right: j, score: row[j] ?? 0 });
	});
	return out;
}
