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
