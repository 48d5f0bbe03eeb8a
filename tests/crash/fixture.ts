import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateDemo } from '../../etl/demo/generate.ts';
import { writeDemoFiles } from '../../etl/demo/write-files.ts';
import { readDlaCsv } from '../../etl/registry/read-dla-csv.ts';
import type { RegistryRecord } from '../../etl/registry/records.ts';
import { SAMPLE_CSV, SEED, SEEDS_DIR } from '../etl/helpers.ts';

/**
 * The crash campaign's documents: the three real seeds plus 20 synthetic ones from the demo
 * generator (3 LAOs × FY2567–2569, seed 7: plans, annual plans, reports, one quarantined), and
 * one register file (the DLA sample + the demo's LAOs, as JSON) that resolves all of them, so
 * that an ingest writes every kind of row: documents, tables, items, budgets, unassigned
 * amounts, checks, problems, quarantine, LAOs and the fact cube.
 *
 * Walk order (etl/sources/folder.ts sorts names): demo/… first, seeds/… last, so documents 1–20
 * are synthetic and 21–23 are the seeds (21 Ang Thong report, 22 Samut Songkhram plan, 23
 * Lampang annual plan). Document 7 (9730001_annual-plan-2567) is the quarantined one.
 */
export interface Fixture {
	/** The folder `etl ingest` reads. */
	docs: string;
	/** The register passed as `--registry`. */
	register: string;
	documents: number;
}

export const DEMO = { laos: 3, years: [2567, 2568, 2569], seed: 7 } as const;

export async function buildFixture(dir: string): Promise<Fixture> {
	const docs = join(dir, 'docs');
	const seeds = join(docs, 'seeds');
	await mkdir(seeds, { recursive: true });
	for (const name of Object.values(SEED)) await copyFile(join(SEEDS_DIR, name), join(seeds, name));
	const demo = generateDemo({ ...DEMO, years: [...DEMO.years] });
	await writeDemoFiles(join(docs, 'demo'), demo.documents);
	const sample = readDlaCsv(await readFile(SAMPLE_CSV, 'utf8'));
	const register = join(dir, 'register.json');
	await writeFile(
		register,
		JSON.stringify({ localAuthorities: [...sample.records, ...demo.laos].map(toJson) }, null, 1)
	);
	return { docs, register, documents: Object.keys(SEED).length + demo.documents.length };
}

/** A register record in the JSON digest's field names (etl/registry/read-json.ts). */
function toJson(r: RegistryRecord) {
	return {
		dlaCode: r.dlaCode,
		nameTh: r.nameTh,
		type: r.type,
		provinceCode: r.provinceCode,
		districtNameTh: r.districtTh,
		centerLat: r.lat,
		centerLon: r.lon,
		areaKm2: r.areaKm2
	};
}
