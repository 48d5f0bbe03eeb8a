import { readFile } from 'node:fs/promises';
import { PROVINCES } from '../../db/seed/provinces.ts';
import { BANGKOK, type RegistryRead } from '../registry/records.ts';
import { readDlaCsv } from '../registry/read-dla-csv.ts';
import { readRegistryJson } from '../registry/read-json.ts';
import { Registry } from '../registry/resolve.ts';

/** Reads a register file, DLA CSV or JSON, told apart by content (a JSON file starts with { or [). */
export async function readRegistryFile(path: string): Promise<RegistryRead | null> {
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch (e) {
		process.stderr.write(
			`อ่านทะเบียนไม่ได้ / cannot read register ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`
		);
		return null;
	}
	const head = text.replace(/^\ufeff/, '').trimStart()[0];
	return head === '{' || head === '[' ? readRegistryJson(text) : readDlaCsv(text);
}

/** A Registry from a file, or undefined (after printing why) when the file is unusable. */
export async function registryFromFile(path: string): Promise<Registry | undefined> {
	const read = await readRegistryFile(path);
	if (!read) return undefined;
	if (read.records.length === 0) {
		process.stderr.write(`ทะเบียนว่างหรือผิดรูปแบบ / the register holds no usable record: ${path}\n`);
		for (const e of read.errors.slice(0, 5))
			process.stderr.write(`  ${e.line ?? '-'}: ${e.message}\n`);
		return undefined;
	}
	return new Registry([...read.records, BANGKOK], PROVINCES);
}
