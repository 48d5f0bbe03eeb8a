import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EtlSourceError, openSource, type SourceEntry } from '../../etl/sources/index.ts';
import { PLAN_TEXT, startServer, type TestServer } from './sources.server.ts';

let server: TestServer;
let base: string;
let dir: string;

beforeAll(async () => {
	server = await startServer();
	base = server.base;
	dir = await mkdtemp(join(tmpdir(), 'sujarit-open-'));
});
afterAll(async () => {
	await server.close();
	await rm(dir, { recursive: true, force: true });
});

async function collect(source: AsyncIterable<SourceEntry>): Promise<SourceEntry[]> {
	const out: SourceEntry[] = [];
	for await (const e of source) out.push(e);
	return out;
}

/** One tuple per entry: [line, type, origin, body text | code, hint]. */
function outline(entries: SourceEntry[]): unknown[] {
	return entries.map((e) => [
		e.line,
		e.type,
		e.origin,
		e.type === 'document' ? new TextDecoder().decode(e.bytes) : e.code,
		e.type === 'document' ? e.hint : undefined
	]);
}

const local = { allowPrivate: true } as const;

describe('openSource on a CSV manifest', () => {
	it('downloads each row in manifest order; bad rows and failed downloads become entries', async () => {
		const path = join(dir, 'plans.csv');
		const csv = [
			'url,lao_code,kind,fiscal_year,note',
			`"${base}/ok?ids=1,2",6530101,annual_plan,๒๕๖๘,"the ""final"" plan, signed"`,
			`${base}/r/2,,progress_report,2568,redirected twice`,
			`${base}/status/404,,,,`,
			`${base}/status/503,,,,`,
			`,6530101,annual_plan,2568,no url`,
			`${base}/gzip,,budget,,unknown kind`,
			`${base}/gzip,,,,`,
			`${base}/gzip,,,,same url again`,
			`file:///etc/passwd,,,,`
		].join('\r\n');
		await writeFile(path, csv);
		const source = openSource(path, local);
		expect(await source.countHint()).toBe(9);
		const entries = await collect(source);
		expect(outline(entries)).toEqual([
			[
				2,
				'document',
				`${base}/ok?ids=1,2`,
				PLAN_TEXT,
				{ laoCode: '6530101', kind: 'annual_plan', fiscalYear: 2568 }
			],
			[3, 'document', `${base}/r/2`, PLAN_TEXT, { kind: 'progress_report', fiscalYear: 2568 }],
			[4, 'failed', `${base}/status/404`, 'http_status', undefined],
			[5, 'failed', `${base}/status/503`, 'http_status', undefined],
			[6, 'failed', 'plans.csv:6', 'manifest_row', undefined],
			[7, 'failed', 'plans.csv:7', 'manifest_row', undefined],
			[8, 'document', `${base}/gzip`, PLAN_TEXT, undefined],
			[9, 'skipped', `${base}/gzip`, 'duplicate', undefined],
			[10, 'failed', 'file:///etc/passwd', 'scheme_refused', undefined]
		]);
		expect(
			entries.map((e) =>
				e.type === 'failed'
					? [e.retryable, e.message]
					: e.type === 'document'
						? e.finalUrl
						: e.reason
			)
		).toEqual([
			undefined,
			`${base}/r/0`,
			[false, `${base}/status/404 answered HTTP 404`],
			[true, `${base}/status/503 answered HTTP 503`],
			[false, 'manifest line 6: url is missing'],
			[
				false,
				'manifest line 7: unknown kind "budget" (expected multi_year_plan, annual_plan, progress_report)'
			],
			undefined,
			'the manifest already lists this URL on line 8',
			[false, 'refused file:///etc/passwd: only http and https are fetched']
		]);
	});

	it('keeps manifest order while downloading several at once', async () => {
		const path = join(dir, 'slow-first.csv');
		const delays = [300, 0, 200, 0, 100, 0];
		await writeFile(
			path,
			['url', ...delays.map((d, i) => `${base}/delay/${d}?row=${i}`)].join('\n')
		);
		const entries = await collect(openSource(path, { ...local, concurrency: 4 }));
		expect(
			entries.map((e) => (e.type === 'document' ? new TextDecoder().decode(e.bytes) : e.type))
		).toEqual(delays.map((d) => `delayed ${d}`));
	});

	it('has at most `concurrency` downloads in flight', async () => {
		const path = join(dir, 'even.csv');
		await writeFile(
			path,
			['url', ...[0, 1, 2, 3, 4, 5].map((i) => `${base}/delay/150?row=${i}`)].join('\n')
		);
		server.maxInFlight = 0;
		const four = await collect(openSource(path, { ...local, concurrency: 4 }));
		const fourMax = server.maxInFlight;
		server.maxInFlight = 0;
		await collect(openSource(path, { ...local, concurrency: 1 }));
		expect([four.length, fourMax, server.maxInFlight]).toEqual([6, 4, 1]);
	});

	it('throws one EtlSourceError for a file that is not a manifest', async () => {
		const path = join(dir, 'not-a-manifest.csv');
		await writeFile(path, 'ชื่อ อปท.\tปี\nเทศบาลเมืองพิชัย\t2568\n');
		const error = await collect(openSource(path, local)).then(
			() => null,
			(e: unknown) => e
		);
		expect(error).toBeInstanceOf(EtlSourceError);
		expect([(error as EtlSourceError).code, (error as EtlSourceError).message]).toEqual([
			'manifest_invalid',
			'not-a-manifest.csv: not a usable manifest: the header row has no url column (found: ชื่อ อปท.\tปี)'
		]);
	});
});

describe('openSource on a JSON manifest', () => {
	it('reads a bare array and { documents: [...] } alike', async () => {
		const bare = join(dir, 'bare.json');
		const wrapped = join(dir, 'wrapped.json');
		const docs = [
			{ url: `${base}/ok`, laoCode: '6530101', kind: 'annual_plan', fiscalYear: 2568 },
			{ url: `${base}/status/404` },
			{ url: `${base}/ok`, fiscalYear: 'soon' }
		];
		await writeFile(bare, JSON.stringify(docs, null, 2));
		await writeFile(wrapped, JSON.stringify({ source: 'test', documents: docs }, null, 1));
		const [a, b] = await Promise.all([
			collect(openSource(bare, local)),
			collect(openSource(wrapped, local))
		]);
		expect(outline(a)).toEqual([
			[
				2,
				'document',
				`${base}/ok`,
				PLAN_TEXT,
				{ laoCode: '6530101', kind: 'annual_plan', fiscalYear: 2568 }
			],
			[8, 'failed', `${base}/status/404`, 'http_status', undefined],
			[11, 'failed', 'bare.json:11', 'manifest_row', undefined]
		]);
		expect(outline(b)).toEqual([
			[
				4,
				'document',
				`${base}/ok`,
				PLAN_TEXT,
				{ laoCode: '6530101', kind: 'annual_plan', fiscalYear: 2568 }
			],
			[10, 'failed', `${base}/status/404`, 'http_status', undefined],
			[13, 'failed', 'wrapped.json:13', 'manifest_row', undefined]
		]);
	});
});

describe('openSource picks by target', () => {
	it('reads a folder, a single document, a single skipped file and a URL', async () => {
		const folder = join(dir, 'folder');
		await mkdir(join(folder, 'sub'), { recursive: true });
		await writeFile(join(folder, 'sub', 'plan.txt'), 'plan');
		await writeFile(join(folder, 'scan.pdf'), '%PDF');
		await writeFile(join(dir, '.explicit.txt'), 'named on purpose');
		const results = await Promise.all(
			[
				folder,
				join(folder, 'sub', 'plan.txt'),
				join(folder, 'scan.pdf'),
				join(dir, '.explicit.txt'),
				`${base}/ok`
			].map(async (t) => {
				const source = openSource(t, local);
				return [await source.countHint(), outline(await collect(source))];
			})
		);
		expect(results).toEqual([
			[
				2,
				[
					[undefined, 'skipped', 'scan.pdf', 'unsupported_type', undefined],
					[undefined, 'document', 'sub/plan.txt', 'plan', undefined]
				]
			],
			[1, [[undefined, 'document', 'plan.txt', 'plan', undefined]]],
			[1, [[undefined, 'skipped', 'scan.pdf', 'unsupported_type', undefined]]],
			[1, [[undefined, 'document', '.explicit.txt', 'named on purpose', undefined]]],
			[1, [[undefined, 'document', `${base}/ok`, PLAN_TEXT, undefined]]]
		]);
	});

	it('throws not_found for a path that does not exist, at first use', async () => {
		const source = openSource(join(dir, 'missing.csv'));
		await expect(source.countHint()).rejects.toMatchObject({ code: 'not_found' });
		await expect(collect(source)).rejects.toBeInstanceOf(EtlSourceError);
	});
});
