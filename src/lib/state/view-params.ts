/** Parameters of the overview beside the view's filters: the map's metric and its LAO layer. */
export const METRIC_PARAM = 'metric';
export const POINTS_PARAM = 'laos';

/** A copy of `params` with `name` set to `value`, or removed when `value` is null. */
export function withParam(
	params: URLSearchParams,
	name: string,
	value: string | null
): URLSearchParams {
	const out = new URLSearchParams(params);
	if (value === null) out.delete(name);
	else out.set(name, value);
	return out;
}

/**
 * What the overview's server load declares it depends on (`depends`): it reads the view from the
 * URL untracked, so that a change of view re-runs it only when the page asks (`invalidate`),
 * i.e. while DuckDB-WASM is not there to compute the figures in the browser.
 */
export const FIGURES_DEPENDENCY = 'sujarit:overview-figures';
