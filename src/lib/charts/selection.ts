/** How a crossfilter chart marks what is not selected: faded, still clickable. */
export const UNSELECTED_OPACITY = 0.3;

/**
 * The item style of a bar or point for a selection: none when nothing is selected (every item
 * full), faded when others are selected. `selectionStyle('1', ['2'])` → `{ opacity: 0.3 }`.
 */
export function selectionStyle(
	key: string,
	selected: readonly string[] | undefined
): { opacity: number } | undefined {
	if (!selected || selected.length === 0 || selected.includes(key)) return undefined;
	return { opacity: UNSELECTED_OPACITY };
}
