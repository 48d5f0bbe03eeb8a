import { error } from '@sveltejs/kit';
import { getDocument } from '$lib/server/documents';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, parent }) => {
	const { lang } = await parent();
	if (!/^\d{1,9}$/.test(params.id)) error(404, 'No such document / ไม่พบเอกสาร');
	const document = await getDocument(await getDb(), Number(params.id));
	if (!document) error(404, 'No such document / ไม่พบเอกสาร');
	return { lang, document };
};
