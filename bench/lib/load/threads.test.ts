import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { sampleThreads } from './threads.ts';

/**
 * A process whose main thread spins, and whose worker, named as the app's render thread, spins
 * too after naming itself: each for `ms`, then it exits.
 */
const SPINNER = (ms: number) => `
const { Worker } = require('node:worker_threads');
const spin = (ms) => { const end = Date.now() + ms; while (Date.now() < end); };
new Worker(\`
	require('node:fs').writeFileSync('/proc/thread-self/comm', 'sujarit-svg');
	const end = Date.now() + ${ms}; while (Date.now() < end);
\`, { eval: true });
setTimeout(() => spin(${ms}), 200);
`;

describe.runIf(process.platform === 'linux')('the load bench’s thread sampler', () => {
	it('tells the main thread from the render thread, second by second', async () => {
		const child = spawn(process.execPath, ['-e', SPINNER(2_500)], { stdio: 'ignore' });
		try {
			await new Promise((r) => setTimeout(r, 300));
			const stop = sampleThreads(child.pid!);
			await new Promise((r) => setTimeout(r, 2_150));
			const seconds = stop();
			expect(seconds.map((s) => s.second)).toEqual([0, 1]);
			// Two spinning threads: each near 1,000 ms a second on a quiet machine of ≥ 2 cores, and
			// well above 100 on a busy one (the whole test suite running beside).
			for (const s of seconds) {
				expect(s.main).toBeGreaterThan(100);
				expect(s.render).toBeGreaterThan(100);
				expect(s.main + s.render + s.otherThreads).toBeLessThanOrEqual(2_100);
			}
		} finally {
			child.kill();
			await once(child, 'exit');
		}
	});

	it('gives nothing for a process that is not there', () => {
		expect(sampleThreads(2 ** 22 + 12_345)()).toEqual([]);
	});
});
