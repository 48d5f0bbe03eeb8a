import { describe, expect, it } from 'vitest';
import { inPageLane, isPageRequest, pageLane } from './page-lane.ts';

const html = (path: string, accept = 'text/html,application/xhtml+xml', method = 'GET') =>
	new Request(`http://x${path}`, { method, headers: { accept } });

describe('page lane', () => {
	it('takes HTML pages only: not APIs, not __data.json, not writes, not other types', () => {
		expect(isPageRequest(html('/overview'), '/overview', false)).toBe(true);
		expect(isPageRequest(html('/api/lists/x'), '/api/lists/x', false)).toBe(false);
		expect(isPageRequest(html('/overview/__data.json'), '/overview', true)).toBe(false);
		expect(isPageRequest(html('/login', 'text/html', 'POST'), '/login', false)).toBe(false);
		expect(isPageRequest(html('/api/extracts/x', '*/*'), '/api/extracts/x', false)).toBe(false);
	});

	it('draws 6 at once, the rest in order of arrival, and hands every place back', async () => {
		const order: number[] = [];
		const gates: (() => void)[] = [];
		const jobs = Array.from({ length: 10 }, (_, i) =>
			inPageLane(
				() =>
					new Promise<number>((resolve) => {
						order.push(i);
						gates[i] = () => resolve(i);
					})
			)
		);
		await new Promise((r) => setImmediate(r));
		expect([order, pageLane()]).toEqual([[0, 1, 2, 3, 4, 5], { drawing: 6, waiting: 4 }]);
		for (let i = 0; i < 10; i++) {
			gates[i]!();
			await new Promise((r) => setImmediate(r));
		}
		expect([await Promise.all(jobs), order]).toEqual([
			[0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
			[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
		]);
		expect(pageLane()).toEqual({ drawing: 0, waiting: 0 });
	});

	it('a page that fails gives its place back', async () => {
		await expect(inPageLane(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
		expect(pageLane()).toEqual({ drawing: 0, waiting: 0 });
	});
});
