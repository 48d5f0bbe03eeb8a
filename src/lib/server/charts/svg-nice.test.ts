import { readFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { SEED_FIGURES } from '../../charts/test-helpers.ts';
import { EMPTY_FILTERS } from '../../state/url-filters.ts';

type Module = typeof import('./svg-worker.ts');
const loaded: Module[] = [];

async function withNice(value: string | undefined): Promise<Module> {
	vi.resetModules();
	if (value === undefined) delete process.env.SUJARIT_SVG_NICE;
	else process.env.SUJARIT_SVG_NICE = value;
	const mod = await import('./svg-worker.ts');
	loaded.push(mod);
	return mod;
}

/** A thread's nice value as the kernel has it (/proc/<pid>/task/<tid>/stat, field 19). */
function niceOf(tid: number): number {
	const stat = readFileSync(`/proc/${process.pid}/task/${tid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return Number(fields[16]);
}

afterEach(() => {
	delete process.env.SUJARIT_SVG_NICE;
});
afterAll(async () => {
	await Promise.all(loaded.map((m) => m.svgThread.stop()));
});

const JOB = {
	figures: SEED_FIGURES,
	filters: EMPTY_FILTERS,
	options: { locale: 'th' as const, metric: 'completion_rate' as const },
	charts: [{ name: 'years' as const, width: 360, height: 260 }],
	style: 'still' as const
};

describe.runIf(process.platform === 'linux')(
	'the render thread’s priority',
	{ timeout: 30_000 },
	() => {
		it('takes SUJARIT_SVG_NICE for itself alone (the process keeps its own), and its name', async () => {
			const { drawCharts, svgThread, SVG_NICE } = await withNice('7');
			expect(SVG_NICE).toBe(7);
			expect((await drawCharts(JOB)).years).toContain('<svg');
			const ready = svgThread.ready;
			expect(ready?.nice).toBe(7);
			expect(ready?.tid).not.toBe(process.pid);
			expect(niceOf(ready!.tid!)).toBe(7);
			expect(niceOf(process.pid)).toBe(0);
			expect(readFileSync(`/proc/${process.pid}/task/${ready!.tid}/comm`, 'utf8')).toBe(
				'sujarit-svg\n'
			);
		});

		it('keeps the process’s priority by default', async () => {
			const { drawCharts, svgThread, SVG_NICE } = await withNice(undefined);
			expect(SVG_NICE).toBe(0);
			await drawCharts(JOB);
			expect(svgThread.ready?.nice).toBe(0);
			expect(niceOf(svgThread.ready!.tid!)).toBe(0);
		});

		it('refuses a value that is not 0–19, by name', async () => {
			for (const bad of ['-1', '20', '2.5', 'low']) {
				await expect(withNice(bad)).rejects.toThrow(
					`SUJARIT_SVG_NICE must be an integer from 0 to 19, got "${bad}"`
				);
			}
		});
	}
);
