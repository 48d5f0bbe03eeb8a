import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { DemoDocument } from './generate.ts';

/** A province folder the demo writes: "52-lampang". */
const PROVINCE_FOLDER = /^\d{2}-[a-z0-9-]+$/;

export class DemoOutError extends Error {
	readonly code = 'demo_out_not_ours';
}

/**
 * The province folders of an earlier demo in `out` ([] when `out` is missing or empty). Throws
 * DemoOutError when `out` holds anything else: such a folder is refused, never emptied.
 */
export async function checkOutFolder(out: string): Promise<string[]> {
	let entries: Array<{ name: string; isDirectory(): boolean }> = [];
	try {
		entries = await readdir(out, { withFileTypes: true });
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
	}
	const foreign = entries.filter((e) => !(e.isDirectory() && PROVINCE_FOLDER.test(e.name)));
	if (foreign.length > 0) {
		const names = foreign.slice(0, 3).map((e) => e.name);
		throw new DemoOutError(
			`${out} holds files the demo did not write (${names.join(', ')}); choose another --out`
		);
	}
	return entries.map((e) => e.name);
}

/**
 * Writes the documents under `out`, one folder per province. An earlier demo there is removed
 * first, so that a smaller demo leaves no stale file for the ingest to pick up.
 */
export async function writeDemoFiles(out: string, documents: readonly DemoDocument[]) {
	for (const name of await checkOutFolder(out)) await rm(join(out, name), { recursive: true });
	const folders = new Set(documents.map((d) => dirname(d.path)));
	for (const f of folders) await mkdir(join(out, f), { recursive: true });
	const BATCH = 64;
	for (let i = 0; i < documents.length; i += BATCH) {
		await Promise.all(
			documents.slice(i, i + BATCH).map((d) => writeFile(join(out, d.path), d.text, 'utf8'))
		);
	}
	return { files: documents.length, folders: folders.size };
}
