import { describe, expect, it } from 'vitest';
import { withTestDatabase } from '../../db/testing.ts';
import { runDemo } from '../../etl/demo/run.ts';
import { tempDir } from './helpers.ts';

/**
 * How long the national demo would take: N = 200 × 2566–2570 on PGlite, timed and printed (the
 * figure is information, not an assertion; only the counts are asserted).
 */
describe('demo timing (N = 200 × 5 years, pglite)', () => {
	it('prints generate / write / parse+load times and documents per second', async () => {
		const handle = await withTestDatabase('pglite');
		const out = await tempDir('sujarit-demo-timing-');
		try {
			const r = await runDemo(handle.db, {
				laos: 200,
				years: [2566, 2567, 2568, 2569, 2570],
				seed: 2024,
				out: out.path,
				ingest: true
			});
			const s = r.ingest!;
			const perSecond = s.seen / (r.ms.ingest / 1000);
			const national = (7850 / 200) * (r.ms.ingest / 1000);
			console.log(
				`demo N=200×5: ${r.written} documents; generate ${Math.round(r.ms.generate)} ms, ` +
					`write ${Math.round(r.ms.write)} ms, parse+load ${(r.ms.ingest / 1000).toFixed(1)} s ` +
					`(${perSecond.toFixed(1)} documents/s; loaded ${s.loaded}, quarantined ${s.quarantined}); ` +
					`N=7,850 at this rate ≈ ${(national / 60).toFixed(0)} min`
			);
			expect([s.seen, s.loaded + s.quarantined + s.duplicate]).toEqual([r.written, r.written]);
		} finally {
			await handle.close();
			await out.remove();
		}
	}, 1_800_000);
});
