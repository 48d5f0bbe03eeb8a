import { listDocuments } from '$lib/server/documents';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

const VERDICTS = ['accepted', 'accepted_with_warnings', 'quarantined'];
const KINDS = ['multi_year_plan', 'annual_plan', 'progress_report'];

export const load: PageServerLoad = async ({ url, parent }) => {
	const { lang } = await parent();
	const verdict = url.searchParams.get('verdict');
	const kind = url.searchParams.get('kind');
	const province = url.searchParams.get('province');
	const filter = {
		verdict: verdict && VERDICTS.includes(verdict) ? verdict : null,
		kind: kind && KINDS.includes(kind) ? kind : null,
		province: province && /^\d{2}$/.test(province) ? province : null
	};
	const { documents, total } = await listDocuments(await getDb(), filter);
	return { lang, documents, total, filter };
};
