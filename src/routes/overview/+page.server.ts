import { getDb } from '$lib/server/db';
import * as extracts from '$lib/server/extracts';
import type { PageServerLoad } from './$types';

// The first charts are painted from server-side pre-aggregates: no DuckDB-WASM on this path.
export const load: PageServerLoad = async ({ url, parent, locals }) => {
	const { lang } = await parent();
	const db = await getDb();
	const scope = extracts.scopeFor(locals);
	const [overview, provinces] = await Promise.all([
		extracts.buildOverview(db, scope),
		extracts.buildProvinceSummary(db, scope)
	]);
	const years = overview.years.map((y) => y.fiscalYear);
	const asked = Number(url.searchParams.get('fy'));
	const fiscalYear = years.includes(asked) ? asked : null;
	return { lang, overview, provinces, fiscalYear };
};
