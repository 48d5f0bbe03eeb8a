/** Test-only: call the formatter functions a builder puts in its option. */
export type Formatter = (p: unknown) => string;

export function tooltipFormatter(option: { tooltip?: unknown }): Formatter {
	return (option.tooltip as { formatter: Formatter }).formatter;
}

export function axisFormatter(axis: unknown): (v: number) => string {
	return (axis as { axisLabel: { formatter: (v: number) => string } }).axisLabel.formatter;
}
