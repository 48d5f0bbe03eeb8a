/**
 * `target.push(...items)` without the spread: spread arguments live on the call stack, and a
 * document with a line repeated 100,000 times makes 100,000 problems, more than the main thread's
 * stack holds (RangeError: Maximum call stack size exceeded, tests/fuzz/regressions.test.ts).
 */
export function append<T>(target: T[], ...lists: ReadonlyArray<readonly T[]>): void {
	for (const list of lists) for (const x of list) target.push(x);
}
