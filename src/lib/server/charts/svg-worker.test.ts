import { afterAll, describe, expect, it } from 'vitest';
import { SEED_FIGURES } from '../../charts/test-helpers.ts';
import { EMPTY_FILTERS } from '../../state/url-filters.ts';
import { drawCharts, drawJob, svgThread, type SvgJob } from './svg-worker.ts';

const JOB: SvgJob = {
	figures: SEED_FIGURES,
	filters: { ...EMPTY_FILTERS, fiscalYears: [2566] },
	options: { locale: 'th', metric: 'completion_rate' },
	charts: [
		{ name: 'years', width: 860, height: 260 },
		{ name: 'map', width: 448, height: 720 }
	],
	style: 'raw'
};

afterAll(() => svgThread.stop());

describe('charts drawn on the render thread', () => {
	it('are the SVGs the event loop would draw, from the seeds’ figures', async () => {
		const before = svgThread.starts;
		const [threaded, still] = await Promise.all([
			drawCharts(JOB),
			drawCharts({ ...JOB, charts: [{ name: 'years', width: 360, height: 260 }], style: 'still' })
		]);
		expect(svgThread.starts - before).toBeLessThanOrEqual(1);
		expect(threaded).toEqual(drawJob(JOB));
		expect(Object.keys(threaded)).toEqual(['years', 'map']);
		expect(threaded.years).toContain('>2566</text>');
		expect(threaded.years).toContain('viewBox="0 0 860 260"');
		expect(still.years?.startsWith('<svg width="100%" role="img"')).toBe(true);
		expect(still.years).not.toMatch(/ecmeta_|zr\d+-cls/);
	});

	it('rejects a job that cannot be drawn, and the next job still draws', async () => {
		const broken = { ...JOB, figures: { ...SEED_FIGURES, years: null } } as unknown as SvgJob;
		await expect(drawCharts(broken)).rejects.toThrow(/chart render failed: TypeError/);
		const next = await drawCharts(JOB);
		expect(next.years).toContain('>2566</text>');
	});

	it('a thread that dies rejects what it had, and the next render starts another', async () => {
		await drawCharts(JOB);
		const starts = svgThread.starts;
		const waiting = expect(drawCharts(JOB)).rejects.toThrow(/chart thread stopped/);
		await svgThread.stop();
		await waiting;
		const again = await drawCharts(JOB);
		expect(again.map).toContain('<svg');
		expect(svgThread.starts).toBe(starts + 1);
	});
});
