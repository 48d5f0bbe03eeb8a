import { error } from '@sveltejs/kit';
import { getDocument } from '$lib/server/documents';
import * as extracts from '$lib/server/extracts';
import { withScope } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, parent, locals }) => {
	const { lang } = await parent();
	if (!/^\d{1,9}$/.test(params.id)) error(404, 'No such document / ไม่พบเอกสาร');
	const scope = extracts.scopeFor(locals);
	const document = await withScope(scope, (db) => getDocument(db, scope, Number(params.id)), {
		readOnly: true
	});
	if (!document) error(404, 'No such document / ไม่พบเอกสาร');
	return { lang, document };
};
