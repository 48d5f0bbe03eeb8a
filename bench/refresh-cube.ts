/**
 * Migrates the database in DATABASE_URL (or the embedded one) and rebuilds fact_cube once: for a
 * database filled before fact_cube existed, such as a national demo made for bench/dashboard.ts.
 *   DATABASE_URL=… npx tsx bench/refresh-cube.ts
 */
import { openDb } from '../db/client.ts';
import { refreshFactCube } from '../etl/load/fact-cube.ts';

const handle = await openDb({ maintenance: true });
try {
	await handle.migrate();
	const t0 = performance.now();
	await refreshFactCube(handle.db);
	console.log(`fact_cube rebuilt in ${Math.round(performance.now() - t0)} ms`);
} finally {
	await handle.close();
}
