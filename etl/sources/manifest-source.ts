import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { EtlSourceError } from './errors.ts';
import { fetchDocument, type FetchOptions } from './fetch.ts';
import {
	decodeManifest,
	readManifest,
	type ManifestFormat,
	type ManifestItem
} from './manifest.ts';
import { formatBytes } from './messages.ts';
import { DEFAULT_MAX_BYTES, type DocumentHint, type Source, type SourceEntry } from './types.ts';

/** Downloads every URL a manifest names; entries keep the manifest's order. */

export interface ManifestSourceOptions extends FetchOptions {
	/** Downloads in flight at once. Default 4. */
	concurrency?: number;
}

/** One URL as a document entry, or the failure that explains why not. */
export async function fetchEntry(
	url: string,
	hint: DocumentHint,
	line: number | undefined,
	options: FetchOptions
): Promise<SourceEntry> {
	const r = await fetchDocument(url, options);
	const at = line === undefined ? {} : { line };
	if (!r.ok) return { ...r.failure, ...at };
	const finalUrl = r.finalUrl !== new URL(url).href ? { finalUrl: r.finalUrl } : {};
	const hinted = Object.keys(hint).length > 0 ? { hint } : {};
	return {
		type: 'document',
		origin: url,
		originKind: 'url',
		bytes: r.bytes,
		...hinted,
		...finalUrl,
		...at
	};
}

/** Runs up to `n` fetches at once and yields their results in the items' order. */
async function* fetchInOrder(
	items: readonly ManifestItem[],
	options: ManifestSourceOptions
): AsyncGenerator<SourceEntry> {
	const n = Math.max(1, options.concurrency ?? 4);
	const run = (item: ManifestItem): Promise<SourceEntry> =>
		item.type === 'row'
			? fetchEntry(item.url, item.hint, item.line, options)
			: Promise.resolve(item);
	const pending: Promise<SourceEntry>[] = [];
	let next = 0;
	while (next < items.length || pending.length > 0) {
		while (next < items.length && pending.length < n) {
			const p = run(items[next++]!);
			// If the consumer stops early, a fetch still in flight must not become an unhandled rejection.
			p.catch(() => {});
			pending.push(p);
		}
		yield await pending.shift()!;
	}
}

export function manifestSource(
	path: string,
	format: ManifestFormat,
	options: ManifestSourceOptions = {}
): Source {
	const origin = basename(path);
	const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
	let items: Promise<ManifestItem[]> | null = null;
	const load = () =>
		(items ??= (async () => {
			let bytes: Uint8Array;
			try {
				const st = await stat(path);
				if (st.size > maxBytes) {
					const detail = `larger than ${formatBytes(maxBytes)}`;
					throw new EtlSourceError('manifest_invalid', origin, {
						detail,
						detailTh: `ใหญ่เกิน ${formatBytes(maxBytes)}`
					});
				}
				bytes = await readFile(path);
			} catch (e) {
				if (e instanceof EtlSourceError) throw e;
				throw new EtlSourceError('not_found', path, {}, { cause: e });
			}
			return readManifest(decodeManifest(bytes, origin), format, origin);
		})());
	return {
		/** The manifest's row count: every row yields exactly one entry. */
		countHint: async () => (await load()).length,
		async *[Symbol.asyncIterator]() {
			yield* fetchInOrder(await load(), options);
		}
	};
}
