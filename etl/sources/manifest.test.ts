import { describe, expect, it } from 'vitest';
import { EtlSourceError } from './errors.ts';
import { arrayElementLines } from './json-lines.ts';
import { decodeManifest, readManifest, type ManifestItem } from './manifest.ts';

/** [line, type, code-or-url] per item: one exact tuple list instead of loose checks. */
function outline(items: ManifestItem[]): Array<[number | undefined, string, string]> {
	return items.map((i) => [i.line, i.type, i.type === 'row' ? i.url : i.code]);
}

function thrown(fn: () => unknown): [string, string] | 'did not throw' {
	try {
		fn();
		return 'did not throw';
	} catch (e) {
		if (!(e instanceof EtlSourceError)) throw e;
		return [e.code, e.message];
	}
}

describe('readManifest (CSV)', () => {
	const csv = [
		'URL,Lao_Code,kind,fiscal_year,note',
		'"https://a.example/plan?ids=1,2",6530101,annual_plan,๒๕๖๘,"says ""final"", signed"',
		'https://b.example/r.txt,,progress_report,2568,',
		',6530101,annual_plan,2568,no url',
		'https://c.example/x,,annual_plan,two thousand,',
		'https://d.example/x,,budget,2568,',
		'https://e.example/x,,annual_plan,2025,',
		'https://f.example/x,,,,,extra',
		'https://g.exa"mple/x,,,,',
		'https://b.example/r.txt,,,,',
		'not a url,,,,'
	].join('\r\n');

	it('reads rows in order and names each bad row by its line', () => {
		const items = readManifest(csv, 'csv', 'plans.csv');
		expect(outline(items)).toEqual([
			[2, 'row', 'https://a.example/plan?ids=1,2'],
			[3, 'row', 'https://b.example/r.txt'],
			[4, 'failed', 'manifest_row'],
			[5, 'failed', 'manifest_row'],
			[6, 'failed', 'manifest_row'],
			[7, 'failed', 'manifest_row'],
			[8, 'failed', 'manifest_row'],
			[9, 'failed', 'manifest_row'],
			[10, 'skipped', 'duplicate'],
			[11, 'failed', 'manifest_row']
		]);
		expect(items.slice(0, 2)).toEqual([
			{
				type: 'row',
				line: 2,
				url: 'https://a.example/plan?ids=1,2',
				hint: { laoCode: '6530101', kind: 'annual_plan', fiscalYear: 2568 }
			},
			{
				type: 'row',
				line: 3,
				url: 'https://b.example/r.txt',
				hint: { kind: 'progress_report', fiscalYear: 2568 }
			}
		]);
	});

	it('explains every bad row in English and Thai, never retryable', () => {
		const items = readManifest(csv, 'csv', 'plans.csv').filter((i) => i.type !== 'row');
		expect(items.map((i) => [i.origin, i.type === 'failed' ? i.message : i.reason])).toEqual([
			['plans.csv:4', 'manifest line 4: url is missing'],
			['plans.csv:5', 'manifest line 5: fiscal_year "two thousand" is not a number'],
			[
				'plans.csv:6',
				'manifest line 6: unknown kind "budget" (expected multi_year_plan, annual_plan, progress_report)'
			],
			[
				'plans.csv:7',
				'manifest line 7: fiscal_year 2025 looks like a Common Era year; write the Buddhist Era year 2568'
			],
			['plans.csv:8', 'manifest line 8: the row has 6 fields, the header 5'],
			['plans.csv:9', 'manifest line 9: a quote inside an unquoted field'],
			['https://b.example/r.txt', 'the manifest already lists this URL on line 3'],
			['plans.csv:11', 'manifest line 11: url "not a url" is not an absolute URL']
		]);
		const first = items[0];
		expect(first).toEqual({
			type: 'failed',
			origin: 'plans.csv:4',
			code: 'manifest_row',
			message: 'manifest line 4: url is missing',
			messageTh: 'บัญชีรายการบรรทัด 4: ไม่มี url',
			retryable: false,
			line: 4
		});
	});

	it('records a repeated URL without its password', () => {
		const text = 'url\nhttp://u:secret@a.example/1\nhttp://u:secret@a.example/1\n';
		const items = readManifest(text, 'csv', 'm.csv');
		expect(items.map((i) => [i.line, i.type, i.type === 'row' ? i.url : i.origin])).toEqual([
			[2, 'row', 'http://u:secret@a.example/1'],
			[3, 'skipped', 'http://u:***@a.example/1']
		]);
	});

	it('counts lines inside quoted fields', () => {
		const text = 'note,url\n"two\nlines",https://a.example/1\n,\n';
		expect(outline(readManifest(text, 'csv', 'm.csv'))).toEqual([
			[2, 'row', 'https://a.example/1'],
			[4, 'failed', 'manifest_row']
		]);
	});
});

describe('readManifest (JSON)', () => {
	it('refuses a row with an escaped NUL in any field, naming the field without echoing it', () => {
		const text = `[
  { "url": "http://a.example/a\\u0000b" },
  { "url": "http://a.example/2", "laoCode": ["65\\u00001"], "kind": "annual\\u0000plan" },
  { "url": "http://a.example/3", "fiscal_year": "25\\u000068" }
]`;
		const items = readManifest(text, 'json', 'm.json');
		expect(items.map((i) => [i.line, i.type === 'failed' && i.message])).toEqual([
			[2, 'manifest line 2: url holds a NUL character'],
			[3, 'manifest line 3: lao_code, kind hold a NUL character'],
			[4, 'manifest line 4: fiscal_year holds a NUL character']
		]);
		expect(JSON.stringify(items).includes('\\u0000')).toBe(false);
	});

	it('reads a bare array and names bad elements by line', () => {
		const text = `[
  { "url": "https://a.example/1", "laoCode": "6530101", "fiscalYear": 2568 },
  {
    "url": "https://a.example/2",
    "kind": "annual_plan"
  },
  "https://not-an-object.example",
  { "kind": "annual_plan" },
  { "url": "https://a.example/3", "fiscalYear": "2568x" }
]`;
		const items = readManifest(text, 'json', 'm.json');
		expect(outline(items)).toEqual([
			[2, 'row', 'https://a.example/1'],
			[3, 'row', 'https://a.example/2'],
			[7, 'failed', 'manifest_row'],
			[8, 'failed', 'manifest_row'],
			[9, 'failed', 'manifest_row']
		]);
		expect(items[0]).toEqual({
			type: 'row',
			line: 2,
			url: 'https://a.example/1',
			hint: { laoCode: '6530101', fiscalYear: 2568 }
		});
	});

	it('reads { documents: [...] } and ignores other keys, even ones holding arrays', () => {
		const text = `{
  "source": "ONACC export", "tags": [ "a", { "documents": [1] } ],
  "documents": [
    { "url": "https://a.example/1" },
    { "url": "https://a.example/2", "kind": "progress_report", "fiscal_year": "๒๕๖๘" }
  ]
}`;
		expect(readManifest(text, 'json', 'm.json')).toEqual([
			{ type: 'row', line: 4, url: 'https://a.example/1', hint: {} },
			{
				type: 'row',
				line: 5,
				url: 'https://a.example/2',
				hint: { kind: 'progress_report', fiscalYear: 2568 }
			}
		]);
	});

	it('finds element lines through strings holding brackets, commas and escapes', () => {
		const text = '[\n"a,[b]\\"",\n{"x": "]"}, [1,\n2],\n3]';
		expect(arrayElementLines(text, null)).toEqual([2, 3, 3, 5]);
	});
});

describe('a file that is not a manifest throws one EtlSourceError', () => {
	it('with code manifest_invalid and the reason', () => {
		expect([
			thrown(() => readManifest('  \n', 'csv', 'm.csv')),
			thrown(() => readManifest('%PDF-1.7\u0000\u0001', 'csv', 'm.csv')),
			thrown(() => readManifest('ชื่อ,ปี\nก,2568', 'csv', 'm.csv')),
			thrown(() => readManifest('{"url": ', 'json', 'm.json')),
			thrown(() => readManifest('{"items": []}', 'json', 'm.json')),
			thrown(() => decodeManifest(new Uint8Array([0x75, 0x72, 0x6c, 0xff, 0xfe]), 'm.csv'))
		]).toEqual([
			['manifest_invalid', 'm.csv: not a usable manifest: the file is empty'],
			['manifest_invalid', 'm.csv: not a usable manifest: binary content, not text'],
			[
				'manifest_invalid',
				'm.csv: not a usable manifest: the header row has no url column (found: ชื่อ, ปี)'
			],
			['manifest_invalid', `m.json: not a usable manifest: not JSON (${jsonError('{"url": ')})`],
			[
				'manifest_invalid',
				'm.json: not a usable manifest: expected an array of documents or { "documents": [...] }'
			],
			['manifest_invalid', 'm.csv: not a usable manifest: not UTF-8 text']
		]);
	});
});

function jsonError(text: string): string {
	try {
		JSON.parse(text);
		return 'parsed';
	} catch (e) {
		return (e as Error).message;
	}
}
