import { error } from '@sveltejs/kit';
import { getDocument } from '$lib/server/documents';
import * as extracts from '$lib/server/extracts';
import { readerOf } from '$lib/server/db';
import type { PageServerLoad } from './$types';

/** The document pages one scope keeps: a page carries the document's text (real ones 50–300 KB, at most 20 MiB). */
const DOCUMENT_PAGES: extracts.Bucket = { name: 'document-pages', max: 32 };

export const load: PageServerLoad = async ({ params, parent, locals }) => {
	const { lang } = await parent();
	if (!/^\d{1,9}$/.test(params.id)) error(404, 'No such document / ไม่พบเอกสาร');
	const scope = extracts.scopeFor(locals);
	// Kept per scope and data version (extracts/cache.ts): a document changes only by a run.
	const run = readerOf(scope);
	const document = await extracts.memoize(
		run,
		scope,
		`document:${Number(params.id)}`,
		() => run((db) => getDocument(db, scope, Number(params.id))),
		DOCUMENT_PAGES
	);
	if (!document) error(404, 'No such document / ไม่พบเอกสาร');
	return { lang, document };
};
