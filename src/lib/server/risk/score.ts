/**
 * The risk score: a pure function of per-LAO components, so that the rule can be read, tested
 * and explained without a database.
 *
 * The rule (the /risk page says the same in words):
 * 1. Each component is a share in [0, 1] where higher means "look closer" (not_done_share,
 *    zero_budget_share, disbursement_gap, missing_reports, failing_documents). A component the
 *    LAO has no data for (denominator 0) is null: MISSING, not zero.
 * 2. PEERS are the LAOs of the same LAO type among those shown (same scope and filters). Within
 *    the peers that have the component, a LAO's percentile is (r − 1) / (m − 1), where r is its
 *    rank from the lowest value (1-based, ties get the mean of their ranks) and m how many peers
 *    have the component. So the lowest value is 0, the highest 1, all-equal values 0.5; a
 *    component only one peer has gets 0.5 (nothing to compare with).
 * 3. score = mean of the available percentiles × 100, in [0, 100]. Missing components are left
 *    out of the mean, never counted as 0.
 * 4. A LAO is NOT RANKED ("insufficient data") when it has fewer than `minComponents` available
 *    components or its peer group has fewer than `minPeers` LAOs; its percentiles are still shown.
 *
 * Raising one component of one LAO can only raise (or keep) its rank among the peers on that
 * component, and no other percentile of that LAO moves, so its score never goes down (the
 * property test in score.test.ts holds this).
 */
export const COMPONENTS = [
	'not_done_share',
	'zero_budget_share',
	'disbursement_gap',
	'missing_reports',
	'failing_documents'
] as const;
export type Component = (typeof COMPONENTS)[number];

export const MIN_COMPONENTS = 2;
export const MIN_PEERS = 5;

export interface ScoreInput {
	/** Any stable key (a DLA code). */
	key: string;
	/** The peer group (a LAO type). */
	peerGroup: string;
	/** Each component's value in [0, 1], or null when the LAO has no data for it. */
	values: Record<Component, number | null>;
}

export type NotRankedReason = 'few_components' | 'small_peer_group';

export interface ScoreResult {
	key: string;
	peerGroup: string;
	peerSize: number;
	/** Percentile in [0, 1] per component, null where the value is missing. */
	percentiles: Record<Component, number | null>;
	available: number;
	/** Mean available percentile × 100; null when no component is available. */
	score: number | null;
	/** Whether the score is ranked; when not, why. */
	ranked: boolean;
	reason: NotRankedReason | null;
}

export interface ScoreOptions {
	minComponents?: number;
	minPeers?: number;
}

/** Percentile of each value among `values`: (mean rank − 1) / (n − 1); n = 1 gives 0.5. */
export function percentiles(values: readonly number[]): number[] {
	const n = values.length;
	if (n === 1) return [0.5];
	const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
	const out = new Array<number>(n);
	let start = 0;
	while (start < n) {
		let end = start;
		while (end + 1 < n && order[end + 1]![0] === order[start]![0]) end++;
		// Ranks start+1 … end+1 are tied: each gets their mean.
		const meanRank = (start + end) / 2 + 1;
		for (let k = start; k <= end; k++) out[order[k]![1]] = (meanRank - 1) / (n - 1);
		start = end + 1;
	}
	return out;
}

const isValue = (v: number | null): v is number => v !== null && Number.isFinite(v);

/** Scores every LAO against its peers (see the rule above). Order of the output = input. */
export function scoreAll(inputs: readonly ScoreInput[], options: ScoreOptions = {}): ScoreResult[] {
	const minComponents = options.minComponents ?? MIN_COMPONENTS;
	const minPeers = options.minPeers ?? MIN_PEERS;
	const groups = new Map<string, number[]>();
	inputs.forEach((input, i) => {
		const list = groups.get(input.peerGroup);
		if (list) list.push(i);
		else groups.set(input.peerGroup, [i]);
	});
	const results: ScoreResult[] = inputs.map((input) => ({
		key: input.key,
		peerGroup: input.peerGroup,
		peerSize: groups.get(input.peerGroup)?.length ?? 0,
		percentiles: Object.fromEntries(COMPONENTS.map((c) => [c, null])) as Record<
			Component,
			number | null
		>,
		available: 0,
		score: null,
		ranked: false,
		reason: null
	}));
	for (const members of groups.values()) {
		for (const component of COMPONENTS) {
			const having = members.filter((i) => isValue(inputs[i]!.values[component]));
			if (having.length === 0) continue;
			const ranks = percentiles(having.map((i) => inputs[i]!.values[component] as number));
			having.forEach((i, k) => (results[i]!.percentiles[component] = ranks[k]!));
		}
	}
	for (const result of results) {
		const available = COMPONENTS.map((c) => result.percentiles[c]).filter(isValue);
		result.available = available.length;
		result.score = available.length
			? (available.reduce((a, b) => a + b, 0) / available.length) * 100
			: null;
		result.reason =
			result.available < minComponents
				? 'few_components'
				: result.peerSize < minPeers
					? 'small_peer_group'
					: null;
		result.ranked = result.reason === null;
	}
	return results;
}

/**
 * Competition ranks (1, 2, 2, 4) by score, highest first, over the ranked results only; the
 * others get null. Scores equal to 1e-9 count as ties (floating-point means).
 */
export function rankByScore(results: readonly ScoreResult[]): (number | null)[] {
	const order = results
		.map((r, i) => [r.ranked ? r.score : null, i] as const)
		.filter((e): e is readonly [number, number] => e[0] !== null)
		.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
	const ranks = new Array<number | null>(results.length).fill(null);
	let rank = 0;
	order.forEach(([score, i], position) => {
		const previous = order[position - 1];
		if (!previous || previous[0] - score >= 1e-9) rank = position + 1;
		ranks[i] = rank;
	});
	return ranks;
}
