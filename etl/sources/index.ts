import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { EtlSourceError } from './errors.ts';
import { fileSource, folderSource, type FolderOptions } from './folder.ts';
import { fetchEntry, manifestSource, type ManifestSourceOptions } from './manifest-source.ts';
import type { Source } from './types.ts';

/**
 * Where the ETL's documents come from; the only code of the ETL that touches the file system or
 * the network. `openSource` picks by what the target is:
 *   a folder → every text export below it (folder.ts);
 *   a .csv or .json file → a manifest of URLs, each downloaded (manifest.ts, fetch.ts);
 *   an http(s) URL → that one download;
 *   any other file → that one document.
 *
 *   for await (const entry of openSource('plans/', { maxBytes })) {
 *     if (entry.type === 'document') parse(entry.bytes);
 *   }
 */

export type SourceOptions = FolderOptions & ManifestSourceOptions;

export type {
	DocumentHint,
	Source,
	SourceDocument,
	SourceEntry,
	SourceFailure,
	SourceSkip
} from './types.ts';
export { EtlSourceError } from './errors.ts';
export { fetchDocument, USER_AGENT, type FetchOptions, type FetchResult } from './fetch.ts';
export { parseCsv, type CsvParse } from './csv.ts';
export { SOURCE_MESSAGES } from './messages.ts';

async function pick(target: string, options: SourceOptions): Promise<Source> {
	if (/^https?:\/\//i.test(target)) {
		return {
			countHint: async () => 1,
			async *[Symbol.asyncIterator]() {
				yield await fetchEntry(target, {}, undefined, options);
			}
		};
	}
	let st;
	try {
		st = await stat(target);
	} catch (e) {
		throw new EtlSourceError('not_found', target, {}, { cause: e });
	}
	if (st.isDirectory()) return folderSource(target, options);
	const ext = extname(target).toLowerCase();
	if (st.isFile() && (ext === '.csv' || ext === '.json')) {
		return manifestSource(target, ext === '.csv' ? 'csv' : 'json', options);
	}
	if (st.isFile()) return fileSource(target, options);
	throw new EtlSourceError('source_unsupported', target, { what: 'not a regular file' });
}

/** Thrown only when the target as a whole cannot be read (EtlSourceError), at first use. */
export function openSource(target: string, options: SourceOptions = {}): Source {
	let chosen: Promise<Source> | null = null;
	const choose = () => (chosen ??= pick(target, options));
	return {
		countHint: async () => (await choose()).countHint(),
		async *[Symbol.asyncIterator]() {
			yield* await choose();
		}
	};
}
