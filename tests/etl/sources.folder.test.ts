import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderSource } from '../../etl/sources/folder.ts';
import type { SourceEntry } from '../../etl/sources/types.ts';

let parent: string;
let root: string;
let socketServer: Server;

/** [origin, type, code] per entry, or [origin, 'document', text] for documents. */
function outline(entries: SourceEntry[]): Array<[string, string, string]> {
	return entries.map((e) => [
		e.origin,
		e.type,
		e.type === 'document' ? new TextDecoder().decode(e.bytes) : e.code
	]);
}

async function collect(source: AsyncIterable<SourceEntry>): Promise<SourceEntry[]> {
	const out: SourceEntry[] = [];
	for await (const e of source) out.push(e);
	return out;
}

beforeAll(async () => {
	parent = await mkdtemp(join(tmpdir(), 'sujarit-folder-'));
	root = join(parent, 'root');
	const outside = join(parent, 'outside');
	await mkdir(join(root, 'nested', 'deeper'), { recursive: true });
	await mkdir(join(root, '.git'));
	await mkdir(outside);
	await writeFile(join(outside, 'secret.txt'), 'SECRET outside the root');
	const files: Record<string, string> = {
		'a.txt': 'a',
		'B.md': 'B',
		'page.HTML': '<p>page</p>',
		'plan.htm': 'htm',
		'table.tsv': 'ลำดับ\tโครงการ',
		'scan.pdf': '%PDF-1.7',
		noext: 'no extension',
		'.hidden.txt': 'hidden',
		'.git/config': '[core]',
		'nested/deeper/c.txt': 'c',
		'nested/deeper/d.docx': 'PK',
		'แผน ๒๕๖๘.txt': 'แผนปฏิบัติการ'
	};
	for (const [path, text] of Object.entries(files)) await writeFile(join(root, path), text);
	await symlink('deeper/c.txt', join(root, 'nested', 'link-to-c.txt'));
	await symlink('../outside', join(root, 'escape'));
	await symlink(join(outside, 'secret.txt'), join(root, 'escape.txt'));
	await symlink('.', join(root, 'loop'));
	await symlink('self.txt', join(root, 'self.txt'));
	await symlink('missing.txt', join(root, 'dangling.txt'));
	execFileSync('mkfifo', [join(root, 'pipe.txt')]);
	socketServer = createServer();
	await new Promise<void>((resolve) => socketServer.listen(join(root, 'sock.txt'), resolve));
	// 25 MiB, sparse: no block is written, and the walker must not read it to skip it.
	await writeFile(join(root, 'big.txt'), '');
	await truncate(join(root, 'big.txt'), 25 * 1024 * 1024);
});

afterAll(async () => {
	await new Promise<void>((resolve) => socketServer.close(() => resolve()));
	await rm(parent, { recursive: true, force: true });
});

const EXPECTED: Array<[string, string, string]> = [
	['.git', 'skipped', 'hidden'],
	['.hidden.txt', 'skipped', 'hidden'],
	['B.md', 'document', 'B'],
	['a.txt', 'document', 'a'],
	['big.txt', 'skipped', 'too_large'],
	['dangling.txt', 'skipped', 'broken_link'],
	['escape', 'skipped', 'outside_root'],
	['escape.txt', 'skipped', 'outside_root'],
	['loop', 'skipped', 'symlink_loop'],
	['nested/deeper/c.txt', 'document', 'c'],
	['nested/deeper/d.docx', 'skipped', 'unsupported_type'],
	['nested/link-to-c.txt', 'skipped', 'duplicate'],
	['noext', 'skipped', 'unsupported_type'],
	['page.HTML', 'document', '<p>page</p>'],
	['pipe.txt', 'skipped', 'not_regular_file'],
	['plan.htm', 'document', 'htm'],
	['scan.pdf', 'skipped', 'unsupported_type'],
	['self.txt', 'skipped', 'symlink_loop'],
	['sock.txt', 'skipped', 'not_regular_file'],
	['table.tsv', 'document', 'ลำดับ\tโครงการ'],
	['แผน ๒๕๖๘.txt', 'document', 'แผนปฏิบัติการ']
];

describe('folderSource', () => {
	it('walks in sorted order and yields exactly these entries', async () => {
		expect(outline(await collect(folderSource(root)))).toEqual(EXPECTED);
	});

	it('gives the same entries on a second walk, and counts them without reading', async () => {
		const source = folderSource(root);
		expect(await source.countHint()).toBe(EXPECTED.length);
		expect(outline(await collect(source))).toEqual(EXPECTED);
	});

	it('explains each skip in English and Thai', async () => {
		const entries = await collect(folderSource(root));
		const reasons = Object.fromEntries(
			entries.flatMap((e) => (e.type === 'skipped' ? [[e.origin, [e.reason, e.reasonTh]]] : []))
		);
		expect([
			reasons['scan.pdf'],
			reasons['noext'],
			reasons['big.txt'],
			reasons['pipe.txt']
		]).toEqual([
			[
				'unsupported file type .pdf: convert to text first',
				'ไม่รองรับไฟล์ชนิด .pdf: แปลงเป็นไฟล์ข้อความก่อน'
			],
			[
				'unsupported file type (no extension): convert to text first',
				'ไม่รองรับไฟล์ชนิด (no extension): แปลงเป็นไฟล์ข้อความก่อน'
			],
			['file is 25 MiB, over the 20 MiB cap', 'ไฟล์มีขนาด 25 MiB เกินขีดจำกัด 20 MiB'],
			['not a regular file (FIFO)', 'ไม่ใช่ไฟล์ปกติ (FIFO)']
		]);
		expect(reasons['nested/link-to-c.txt']).toEqual([
			'same file as nested/deeper/c.txt',
			'เป็นไฟล์เดียวกับ nested/deeper/c.txt'
		]);
	});

	it('never reads a byte from outside the root', async () => {
		const entries = await collect(folderSource(root));
		const texts = entries.flatMap((e) =>
			e.type === 'document' ? [new TextDecoder().decode(e.bytes)] : []
		);
		expect(texts.filter((t) => t.includes('SECRET'))).toEqual([]);
		expect(texts.length).toBe(7);
	});

	it('applies a small size cap: at the cap is read, one byte over is skipped', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'sujarit-cap-'));
		await writeFile(join(dir, 'at-cap.txt'), Buffer.alloc(1024, 0x61));
		await writeFile(join(dir, 'over-cap.txt'), Buffer.alloc(1025, 0x61));
		const entries = await collect(folderSource(dir, { maxBytes: 1024 }));
		expect(
			entries.map((e) => [
				e.origin,
				e.type === 'document' ? e.bytes.length : e.type === 'skipped' && e.reason
			])
		).toEqual([
			['at-cap.txt', 1024],
			['over-cap.txt', 'file is 1,025 bytes, over the 1 KiB cap']
		]);
		await rm(dir, { recursive: true });
	});

	it('stops below 32 folders (the default) and at a configured depth', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'sujarit-deep-'));
		const names = Array.from({ length: 33 }, (_, i) => `d${i + 1}`);
		await mkdir(join(dir, ...names), { recursive: true });
		await writeFile(join(dir, ...names, 'too-deep.txt'), 'x');
		await writeFile(join(dir, ...names.slice(0, 31), 'deepest.txt'), 'ok');
		const entries = await collect(folderSource(dir));
		expect(outline(entries)).toEqual([
			[names.slice(0, 33).join('/'), 'skipped', 'too_deep'],
			[`${names.slice(0, 31).join('/')}/deepest.txt`, 'document', 'ok']
		]);
		const shallow = await collect(folderSource(root, { maxDepth: 1 }));
		expect(
			shallow
				.filter((e) => e.origin.startsWith('nested/'))
				.map((e) => [e.origin, e.type === 'skipped' && e.code])
		).toEqual([
			['nested/deeper', 'too_deep'],
			['nested/link-to-c.txt', 'too_deep']
		]);
		await rm(dir, { recursive: true });
	});

	it('walks 2,000 nested folders when allowed, without overflowing the stack', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'sujarit-deeper-'));
		// A path this deep is built relative to the cwd of a child (mkdir -p would pass PATH_MAX
		// limits on the way); the recursive walker overflowed near this depth.
		execFileSync(process.execPath, [
			'-e',
			`const fs = require('node:fs'); process.chdir(${JSON.stringify(dir)});
			for (let i = 0; i < 2000; i++) { fs.mkdirSync('d'); process.chdir('d'); }
			fs.writeFileSync('x.txt', 'deep');`
		]);
		const entries = await collect(folderSource(dir, { maxDepth: 2500 }));
		expect(outline(entries)).toEqual([[`${'d/'.repeat(2000)}x.txt`, 'document', 'deep']]);
		await rm(dir, { recursive: true });
	});

	it('records a name that is not UTF-8 by its bytes, file or folder, instead of losing it', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'sujarit-names-'));
		const at = (name: Buffer) => Buffer.concat([Buffer.from(`${dir}/`), name]);
		// "café" in Latin-1, and "สุจริต" in TIS-620 as a folder holding a document.
		await writeFile(at(Buffer.from('caf\xe9.txt', 'latin1')), 'latin-1 name');
		const tis = Buffer.from([0xca, 0xd8, 0xa8, 0xc3, 0xd4, 0xb5]);
		await mkdir(at(tis));
		await writeFile(at(Buffer.concat([tis, Buffer.from('/in.txt')])), 'inside');
		await writeFile(join(dir, 'ok.txt'), 'ok');
		const entries = await collect(folderSource(dir));
		expect(outline(entries)).toEqual([
			['caf\\xe9.txt', 'skipped', 'name_not_utf8'],
			['ok.txt', 'document', 'ok'],
			['\\xcaب\\xc3Ե', 'skipped', 'name_not_utf8']
		]);
		await rm(dir, { recursive: true });
	});

	it('throws not_found for a missing root', async () => {
		await expect(collect(folderSource(join(parent, 'nope')))).rejects.toMatchObject({
			name: 'EtlSourceError',
			code: 'not_found'
		});
	});
});
