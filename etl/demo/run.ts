import type { Database } from '../../db/client.ts';
import { importRegistry, registryFromDb } from '../load/registry.ts';
import { ingest, type IngestEvent, type IngestSummary } from '../pipeline.ts';
import { generateDemo, type Demo, type DemoOptions } from './generate.ts';
import { writeDemoFiles } from './write-files.ts';

export interface RunDemoOptions extends DemoOptions {
	out: string;
	/** false: write the files only (--no-ingest). */
	ingest: boolean;
	onEntry?: (e: IngestEvent) => void;
}

export interface DemoRunSummary {
	demo: Demo;
	written: number;
	folders: number;
	registryRunId: number | null;
	ingest: IngestSummary | null;
	ms: { generate: number; write: number; ingest: number };
}

/**
 * Generates the demo, writes it, registers the synthetic LAOs (is_synthetic = true) and ingests
 * the folder through the real pipeline with isSynthetic, so every fact row is labelled.
 */
export async function runDemo(
	db: Database | null,
	options: RunDemoOptions
): Promise<DemoRunSummary> {
	let t = performance.now();
	const demo = generateDemo(options);
	const ms = { generate: performance.now() - t, write: 0, ingest: 0 };
	t = performance.now();
	const { files, folders } = await writeDemoFiles(options.out, demo.documents);
	ms.write = performance.now() - t;
	if (!options.ingest || !db) {
		return { demo, written: files, folders, registryRunId: null, ingest: null, ms };
	}
	t = performance.now();
	const registryRunId = await registerDemoLaos(db, demo);
	const summary = await ingest(db, options.out, {
		registry: await registryFromDb(db),
		isSynthetic: true,
		runKind: 'demo',
		onEntry: options.onEntry
	});
	ms.ingest = performance.now() - t;
	return { demo, written: files, folders, registryRunId, ingest: summary, ms };
}

/** The demo's LAOs join the register as synthetic rows (importRegistry leaves real Bangkok alone). */
async function registerDemoLaos(db: Database, demo: Demo): Promise<number> {
	const { runId } = await importRegistry(db, demo.laos, { source: 'demo', isSynthetic: true });
	return runId;
}
