import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { laos } from '../../db/schema/index.ts';
import { PROVINCES } from '../../db/seed/provinces.ts';
import { BANGKOK, type RegistryRecord } from '../registry/records.ts';
import { Registry } from '../registry/resolve.ts';
import { chunks } from './batch.ts';
import { finishRun, startRun } from './runs.ts';

/**
 * Upserts the register (plus Bangkok, which the DLA register leaves out, on real imports) in one transaction, as a
 * 'registry' run of the ledger. Re-importing updates records in place; LAOs absent from the new
 * file are kept (documents may still point at them).
 */
export async function importRegistry(
	db: Database,
	records: readonly RegistryRecord[],
	options: { source: string; isSynthetic?: boolean }
): Promise<{ runId: number; count: number }> {
	const isSynthetic = options.isSynthetic ?? false;
	const runId = await startRun(db, {
		kind: 'registry',
		source: options.source,
		isSynthetic,
		parserVersion: 'registry/1'
	});
	// Bangkok is real: it joins real imports only, never a synthetic (demo) one.
	const all =
		isSynthetic || records.some((r) => r.dlaCode === BANGKOK.dlaCode)
			? records
			: [...records, BANGKOK];
	try {
		await db.transaction(async (tx) => {
			for (const batch of chunks(all.map((r) => ({ ...r, isSynthetic, loadRunId: runId })))) {
				await tx
					.insert(laos)
					.values(batch)
					.onConflictDoUpdate({
						target: laos.dlaCode,
						set: {
							type: sql`excluded.type`,
							nameTh: sql`excluded.name_th`,
							provinceCode: sql`excluded.province_code`,
							districtTh: sql`excluded.district_th`,
							lat: sql`excluded.lat`,
							lon: sql`excluded.lon`,
							areaKm2: sql`excluded.area_km2`,
							isSynthetic: sql`excluded.is_synthetic`,
							loadRunId: sql`excluded.load_run_id`,
							updatedAt: sql`now()`
						}
					});
			}
		});
	} catch (e) {
		await finishRun(db, runId, {}, 'failed', (e as Error).message);
		throw e;
	}
	await finishRun(db, runId, { seen: all.length, loaded: all.length }, 'completed');
	return { runId, count: all.length };
}

/** The register as stored, for resolving documents during an ingest. */
export async function registryFromDb(db: Database): Promise<Registry> {
	const rows = await db
		.select({
			dlaCode: laos.dlaCode,
			nameTh: laos.nameTh,
			type: laos.type,
			provinceCode: laos.provinceCode,
			districtTh: laos.districtTh,
			lat: laos.lat,
			lon: laos.lon,
			areaKm2: laos.areaKm2
		})
		.from(laos);
	const records: RegistryRecord[] = rows.length > 0 ? rows : [BANGKOK];
	return new Registry(records, PROVINCES);
}
