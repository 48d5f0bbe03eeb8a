/**
 * Mutated documents: a real sample document (fixtures/seeds) plus a list of mutations, applied
 * first to its lines, then to its bytes. A case is plain JSON, so a failing one can be printed,
 * shrunk by fast-check and pinned as a regression test; `mutate(seedBytes, case)` is
 * deterministic (no randomness outside the case itself).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';

export const SEED_NAMES = [
	'pao-ang-thong_report-2566.txt',
	'pao-samut-songkhram_plan-2566-2570.txt',
	'town-mun-phichai-lampang_annual-plan-2568.txt'
] as const;
export type SeedName = (typeof SEED_NAMES)[number];

const SEEDS_DIR = new URL('../../../fixtures/seeds/', import.meta.url);
const seedCache = new Map<SeedName, Uint8Array>();

export function seedBytes(name: SeedName): Uint8Array {
	let bytes = seedCache.get(name);
	if (!bytes) {
		bytes = new Uint8Array(readFileSync(new URL(name, SEEDS_DIR)));
		seedCache.set(name, bytes);
	}
	return bytes;
}

/**
 * Which line a mutation hits: the k-th (modulo) line of a pool. Random lines would mostly land in
 * prose; the pools aim at the lines a parser reads: table rows (a tab) and lines with the words
 * that carry structure (totals, summaries, years, headers).
 */
export interface LinePick {
	pool: 'any' | 'row' | 'key';
	k: number;
}

export type LineOp =
	| { op: 'insert'; at: LinePick; text: { copyOf: LinePick } | { literal: string } }
	| { op: 'delete'; at: LinePick; count: number }
	| { op: 'duplicate'; at: LinePick; count: number }
	| { op: 'swap'; a: LinePick; b: LinePick }
	| { op: 'digits'; at: LinePick | 'all'; to: 'thai' | 'arabic' }
	| { op: 'year'; at: LinePick; year: number }
	| { op: 'invisible'; at: LinePick; pos: number; char: string }
	| { op: 'repeat'; at: LinePick; times: number };

export type ByteOp =
	| { op: 'eol'; style: 'crlf' | 'cr' | 'mixed'; salt: number }
	| { op: 'bom'; where: 'start' | 'double' }
	| { op: 'bytes'; at: number; seq: number[] }
	| { op: 'truncate'; at: number };

export interface MutationCase {
	seed: SeedName;
	lineOps: LineOp[];
	byteOps: ByteOp[];
}

const KEY = /รวม|สรุป|เบิกจ่าย|พ\.ศ\.|ปี|มิติ|มติ|ลำดับ|ข้อมูล ณ|โครงการ|งบประมาณ|ดำเนินการ/;

function pool(lines: readonly string[], which: LinePick['pool']): number[] | null {
	if (which === 'any') return null;
	const out: number[] = [];
	for (let i = 0; i < lines.length; i++) {
		const l = lines[i]!;
		if (which === 'row' ? l.includes('\t') : KEY.test(l)) out.push(i);
	}
	return out.length > 0 ? out : null;
}

/** The index a pick names in `lines` (for an insertion, up to lines.length). */
function indexOf(lines: readonly string[], p: LinePick, insertion = false): number {
	const candidates = pool(lines, p.pool);
	if (candidates) return candidates[p.k % candidates.length]!;
	const n = lines.length + (insertion ? 1 : 0);
	return n === 0 ? 0 : p.k % n;
}

const THAI_ZERO = 0x0e50;
const toThai = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(THAI_ZERO + +d));
const toArabic = (s: string) => s.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - THAI_ZERO));

/** Replaces the first BE-looking year ("2568", "๒๕๖๘") with `year`, in the same digits. */
function replaceYear(line: string, year: number): string {
	const m = /(?<![0-9๐-๙])([2๒][5๕][0-9๐-๙]{2})(?![0-9๐-๙])/.exec(line);
	if (!m) return line;
	const thai = /[๐-๙]/.test(m[1]!);
	const written = thai ? toThai(String(year)) : String(year);
	return line.slice(0, m.index) + written + line.slice(m.index + m[1]!.length);
}

export function applyLineOp(lines: string[], op: LineOp): string[] {
	switch (op.op) {
		case 'insert': {
			const at = indexOf(lines, op.at, true);
			const text =
				'literal' in op.text ? op.text.literal : (lines[indexOf(lines, op.text.copyOf)] ?? '');
			return [...lines.slice(0, at), text, ...lines.slice(at)];
		}
		case 'delete': {
			const at = indexOf(lines, op.at);
			return [...lines.slice(0, at), ...lines.slice(at + op.count)];
		}
		case 'duplicate': {
			const at = indexOf(lines, op.at);
			const block = lines.slice(at, at + op.count);
			return [...lines.slice(0, at + op.count), ...block, ...lines.slice(at + op.count)];
		}
		case 'swap': {
			const out = [...lines];
			const a = indexOf(lines, op.a);
			const b = indexOf(lines, op.b);
			if (a < out.length && b < out.length) [out[a], out[b]] = [out[b]!, out[a]!];
			return out;
		}
		case 'digits': {
			const convert = op.to === 'thai' ? toThai : toArabic;
			if (op.at === 'all') return lines.map(convert);
			const out = [...lines];
			const i = indexOf(lines, op.at);
			if (i < out.length) out[i] = convert(out[i]!);
			return out;
		}
		case 'year': {
			const out = [...lines];
			const i = indexOf(lines, op.at);
			if (i < out.length) out[i] = replaceYear(out[i]!, op.year);
			return out;
		}
		case 'invisible': {
			const out = [...lines];
			const i = indexOf(lines, op.at);
			const l = out[i];
			if (l === undefined) return out;
			const pos = op.pos % (l.length + 1);
			out[i] = l.slice(0, pos) + op.char + l.slice(pos);
			return out;
		}
		case 'repeat': {
			const at = indexOf(lines, op.at);
			const l = lines[at];
			if (l === undefined) return lines;
			const copies = new Array<string>(op.times).fill(l);
			return [...lines.slice(0, at), ...copies, ...lines.slice(at)];
		}
	}
}

/** A small deterministic hash, for the line breaks of a 'mixed' document. */
const mix = (salt: number, i: number) =>
	(Math.imul(salt ^ (i * 0x9e3779b1), 0x85ebca6b) >>> 13) % 3;

function concat(parts: readonly Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

function rewriteLineBreaks(bytes: Uint8Array, style: 'crlf' | 'cr' | 'mixed', salt: number) {
	const out = new Uint8Array(bytes.length * 2);
	let at = 0;
	let n = 0;
	for (const b of bytes) {
		if (b !== 0x0a) {
			out[at++] = b;
			continue;
		}
		const kind = style === 'crlf' ? 0 : style === 'cr' ? 1 : mix(salt, n);
		if (kind !== 2) out[at++] = 0x0d;
		if (kind !== 1) out[at++] = 0x0a;
		n++;
	}
	return out.slice(0, at);
}

const BOM = [0xef, 0xbb, 0xbf];

export function applyByteOp(bytes: Uint8Array, op: ByteOp): Uint8Array {
	switch (op.op) {
		case 'eol':
			return rewriteLineBreaks(bytes, op.style, op.salt);
		case 'bom':
			return concat([new Uint8Array(op.where === 'double' ? [...BOM, ...BOM] : BOM), bytes]);
		case 'bytes': {
			const at = op.at % (bytes.length + 1);
			return concat([bytes.subarray(0, at), new Uint8Array(op.seq), bytes.subarray(at)]);
		}
		case 'truncate':
			return bytes.slice(0, op.at % (bytes.length + 1));
	}
}

/** The mutated document's bytes. */
export function mutate(seed: Uint8Array, c: Pick<MutationCase, 'lineOps' | 'byteOps'>): Uint8Array {
	let lines = new TextDecoder().decode(seed).split('\n');
	for (const op of c.lineOps) lines = applyLineOp(lines, op);
	let bytes: Uint8Array = new TextEncoder().encode(lines.join('\n'));
	for (const op of c.byteOps) bytes = applyByteOp(bytes, op);
	return bytes;
}

export function mutateCase(c: MutationCase): Uint8Array {
	return mutate(seedBytes(c.seed), c);
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

/** Zero-width, bidi, BOM, soft hyphen and exotic spaces: what word processors leave in text. */
export const INVISIBLES = [
	'\u200b',
	'\u200c',
	'\u200d',
	'\u2060',
	'\ufeff',
	'\u00ad',
	'\u200e',
	'\u200f',
	'\u202a',
	'\u202b',
	'\u202c',
	'\u202d',
	'\u202e',
	'\u2066',
	'\u2067',
	'\u2068',
	'\u2069',
	'\u00a0',
	'\u3000'
];

/** Byte sequences that are not UTF-8 (and a NUL): lone continuation, overlong, surrogate, > U+10FFFF, truncated Thai. */
export const BAD_SEQUENCES = [
	[0x80],
	[0xbf],
	[0xc0, 0xaf],
	[0xc1, 0xbf],
	[0xe0, 0x80, 0x80],
	[0xe0, 0x9f, 0xbf],
	[0xe0, 0xb8],
	[0xed, 0xa0, 0x80],
	[0xed, 0xbf, 0xbf],
	[0xf0, 0x80, 0x80, 0x80],
	[0xf0, 0x8f, 0xbf, 0xbf],
	[0xf4, 0x90, 0x80, 0x80],
	[0xf5, 0x80, 0x80, 0x80],
	[0xfe],
	[0xff],
	[0x00]
];

/** Years no plan of these LAOs can have (the parsers accept 2500–2650 BE). */
export const OUT_OF_RANGE_YEARS = [0, 1, 999, 1957, 2024, 2499, 2651, 2999, 3568, 9999];

/** Lines that look like the structure: totals, item rows, titles, summary lines, headers. */
export const STRUCTURE_LINES = [
	'รวมทั้งสิ้น\t\t\t999,999.00\t1\t2\t3\t4',
	'รวม\t\t\t1,000.00\t\t\t\t',
	'๑\tโครงการทดสอบ\t๑\t๕๐,๐๐๐\t✓\t\t\t',
	'99\tมาตรการทดสอบ\t2\t1,000.00\t\t✓\t\t✓',
	'1\tโครงการทดสอบ\t5\t-\t☑\t\t\t\t',
	'แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2568 ของ เทศบาลเมืองทดสอบ',
	'รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ของ องค์การบริหารส่วนจังหวัดทดสอบ พ.ศ. 2566 รอบ 12 เดือน',
	'ลำดับ\tรายการโครงการ (ตั้งต้น)\tมิติ\tงบประมาณ (บาท)\tดำเนินการไตรมาส\t\t\t\tหมายเหตุ',
	'\t\t\t\t1\t2\t3\t4\t',
	'มิติ\tภารกิจตามมิติ\tโครงการ/กิจกรรม/มาตรการ\tปี ๒๕๖๖\tปี ๒๕๖๗\tหมายเหตุ',
	'➤ สรุปผลการขับเคลื่อนแผนฯ',
	'- เบิกจ่ายงบประมาณ 1,000.00 บาท คิดเป็นร้อยละ 12.5',
	'- ดำเนินการแล้วเสร็จ 3 โครงการ',
	'** ข้อมูล ณ วันที่ 31 กุมภาพันธ์ 2567',
	'\t\t\t\t\t\t\t\t\t\t',
	''
];

const ALPHABET = [
	...'กขคงจมยรลวสหอะาิีุู่้๊๋็์ำเแโใไ',
	...'0123456789๐๑๒๓๔๕๖๗๘๙',
	...',.-()/:"“”✓☑☐<>',
	'\t',
	' ',
	'รวม',
	'รวมทั้งสิ้น',
	'มิติ',
	'โครงการ',
	'บาท',
	'พ.ศ.',
	'<input checked="" type="checkbox"/>'
];

const pick = (pools: Array<LinePick['pool']> = ['any', 'row', 'row', 'key']) =>
	fc.record({ pool: fc.constantFrom(...pools), k: fc.nat({ max: 1_000_000 }) });

const literal = fc.oneof(
	fc.constantFrom(...STRUCTURE_LINES),
	fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }).map((a) => a.join('')),
	fc.string({ maxLength: 60, unit: 'grapheme' })
);

const lineOp: fc.Arbitrary<LineOp> = fc.oneof(
	{
		arbitrary: fc.record({
			op: fc.constant('insert' as const),
			at: pick(),
			text: fc.oneof(fc.record({ copyOf: pick() }), fc.record({ literal }))
		}),
		weight: 4
	},
	{
		arbitrary: fc.record({
			op: fc.constant('delete' as const),
			at: pick(),
			count: fc.integer({ min: 1, max: 5 })
		}),
		weight: 4
	},
	{
		arbitrary: fc.record({
			op: fc.constant('duplicate' as const),
			at: pick(),
			count: fc.integer({ min: 1, max: 3 })
		}),
		weight: 3
	},
	{ arbitrary: fc.record({ op: fc.constant('swap' as const), a: pick(), b: pick() }), weight: 3 },
	{
		arbitrary: fc.record({
			op: fc.constant('digits' as const),
			at: fc.oneof(pick(), fc.constant('all' as const)),
			to: fc.constantFrom('thai' as const, 'arabic' as const)
		}),
		weight: 3
	},
	{
		arbitrary: fc.record({
			op: fc.constant('year' as const),
			at: pick(['key', 'row']),
			year: fc.constantFrom(...OUT_OF_RANGE_YEARS)
		}),
		weight: 3
	},
	{
		arbitrary: fc.record({
			op: fc.constant('invisible' as const),
			at: pick(),
			pos: fc.nat({ max: 1000 }),
			char: fc.constantFrom(...INVISIBLES)
		}),
		weight: 3
	},
	{
		arbitrary: fc.record({
			op: fc.constant('repeat' as const),
			at: pick(),
			times: fc.constant(100_000)
		}),
		weight: 1
	}
);

const byteOp: fc.Arbitrary<ByteOp> = fc.oneof(
	fc.record({
		op: fc.constant('eol' as const),
		style: fc.constantFrom('crlf' as const, 'cr' as const, 'mixed' as const),
		salt: fc.nat()
	}),
	fc.record({
		op: fc.constant('bom' as const),
		where: fc.constantFrom('start' as const, 'double' as const)
	}),
	fc.record({
		op: fc.constant('bytes' as const),
		at: fc.nat(),
		seq: fc.constantFrom(...BAD_SEQUENCES)
	}),
	fc.record({ op: fc.constant('truncate' as const), at: fc.nat() })
);

/** A seed document and 1–6 line mutations, then 0–2 byte mutations (none in half the cases). */
export const mutationCase: fc.Arbitrary<MutationCase> = fc.record({
	seed: fc.constantFrom(...SEED_NAMES),
	lineOps: fc.array(lineOp, { minLength: 1, maxLength: 6 }),
	byteOps: fc.oneof(fc.constant<ByteOp[]>([]), fc.array(byteOp, { minLength: 1, maxLength: 2 }))
});
