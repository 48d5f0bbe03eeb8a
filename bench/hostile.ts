/**
 * The hardening campaigns (issue "Hardening", items 4, 5 and 7), measured:
 *   npm run campaign:hostile [-- ssrf folders exports]
 * 4 hostile URL manifests (SSRF vectors refused before any socket, redirects, caps, deadlines),
 * 5 hostile folders (through the real etl ingest, canaries outside the root),
 * 7 exports (formula injection: property figures and a real document through the list CSV).
 * Prints the figures and writes bench/results/{ssrf,folders,exports}.json. All traffic stays on
 * 127.0.0.1; the same runners back the tests in tests/hostile/ (npx vitest run --project hostile).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { runExportsCampaign } from '../tests/hostile/exports-campaign.ts';
import { runFoldersCampaign, sortEntries } from '../tests/hostile/folders-campaign.ts';
import { runSsrfCli } from '../tests/hostile/ssrf-cli.ts';
import { runSsrfCampaign } from '../tests/hostile/ssrf-campaign.ts';

const OUT = join(import.meta.dirname, 'results');
const asked = process.argv.slice(2);
const wanted = (name: string) => asked.length === 0 || asked.includes(name);

const machine = () => ({
	cpus: cpus().length,
	model: cpus()[0]?.model ?? '?',
	node: process.version,
	load: loadavg().map((l) => Math.round(l * 100) / 100),
	uid: process.getuid?.() ?? null
});

function write(name: string, data: object): void {
	mkdirSync(OUT, { recursive: true });
	const path = join(OUT, `${name}.json`);
	writeFileSync(
		path,
		`${JSON.stringify({ date: new Date().toISOString(), machine: machine(), ...data }, null, 2)}\n`
	);
	console.log(`→ ${path}\n`);
}

const pad = (s: string | number, n: number) => String(s).padEnd(n);

if (wanted('ssrf')) {
	console.log('▶ 4 · hostile URL manifests');
	const r = await runSsrfCampaign();
	const groups = new Map<string, { total: number; refused: number; sockets: number }>();
	for (const v of r.vectors) {
		const g = groups.get(v.group) ?? { total: 0, refused: 0, sockets: 0 };
		g.total++;
		if (v.code === v.expected) g.refused++;
		g.sockets += v.sockets - v.allowedSockets;
		groups.set(v.group, g);
	}
	for (const [group, g] of groups) {
		console.log(
			`  ${pad(group, 12)} ${pad(`${g.refused}/${g.total} refused`, 16)} sockets ${g.sockets}`
		);
	}
	const s = r.summary;
	console.log(
		`  vectors refused as expected ${s.asExpected}/${s.total}; sockets opened for refused targets ${s.socketsForRefusedTargets}; blocked off loopback ${s.blockedOffLoopback}`
	);
	for (const m of [...r.redirects, ...r.caps, ...r.timeouts]) {
		const sent =
			m.serverBytes === undefined
				? ''
				: ` (server wrote ${m.serverBytes.toLocaleString('en-US')} B)`;
		console.log(
			`  ${pad(m.name, 58)} ${pad(m.code, 20)} ${pad(`${m.ms} ms`, 9)} sockets ${m.sockets}${sent}`
		);
	}
	console.log(
		`  pinning: DNS ${r.pinning.dnsQueries.join(',')} → connected to ${r.pinning.connectedTo.join(',')}`
	);
	console.log('  the literal vectors as one manifest through etl ingest…');
	const cli = await runSsrfCli();
	const tcp = cli.sockets.reduce((n, p) => n + p.count, 0);
	const matched = cli.rows.filter((row) => row.code === row.expected).length;
	console.log(
		`  etl ingest: exit ${cli.exitCode}, ${matched}/${cli.rows.length} rows recorded as expected, TCP sockets ${tcp} (in ${cli.sockets.length} processes), listener ${cli.listenerConnections}, passwords stored ${cli.passwordsStored}, ${cli.ms} ms`
	);
	write('ssrf', { ...r, cli });
}

if (wanted('folders')) {
	console.log('▶ 5 · hostile folders (through etl ingest)');
	const r = await runFoldersCampaign();
	const byOutcome = new Map<string, number>();
	for (const e of r.events) byOutcome.set(e.outcome, (byOutcome.get(e.outcome) ?? 0) + 1);
	for (const [outcome, n] of [...byOutcome].sort()) console.log(`  ${pad(outcome, 28)} ${n}`);
	console.log(
		`  ${r.events.length} entries, ${r.persisted.length} rows persisted; exit ${r.exitCode}; ${r.ms} ms; as root: ${r.asRoot}`
	);
	console.log(
		`  canary outside the root in the database/output: ${r.canaries.outside.inDatabaseFolder}/${r.canaries.outside.inOutput}; hidden canary: ${r.canaries.hidden.inDatabaseFolder}/${r.canaries.hidden.inOutput}; hard-link canary read: ${r.canaries.hardLink.inDatabaseFolder}`
	);
	console.log(
		`  progress lines ${r.stderrLines} for ${r.events.length} entries; shell injection: ${r.shellInjection}`
	);
	if (r.asNobody) {
		console.log(
			`  as nobody: ${r.asNobody.events.map((e) => `${e.origin} → ${e.outcome}`).join('; ')}`
		);
	}
	console.log(
		`  walk only: ${r.walkOnly.entries.toLocaleString('en-US')} files in ${r.walkOnly.ms} ms`
	);
	// The 2,000 files of many/ as one line, and the database rows as a check: the JSON stays small.
	const isMany = (e: { origin: string }) => e.origin.startsWith('many/');
	const asStored = sortEntries(
		r.events.map((e) => (e.outcome.includes(':') ? e : { ...e, outcome: 'document' }))
	);
	const { events, persisted, ...rest } = r;
	write('folders', {
		...rest,
		outcomes: Object.fromEntries([...byOutcome].sort()),
		entries: events.filter((e) => !isMany(e)),
		many: {
			files: events.filter(isMany).length,
			outcomes: [...new Set(events.filter(isMany).map((e) => e.outcome))]
		},
		persisted: {
			rows: persisted.length,
			sameAsReported: JSON.stringify(persisted) === JSON.stringify(asStored)
		}
	});
}

if (wanted('exports')) {
	console.log('▶ 7 · exports (CSV formula injection)');
	const r = await runExportsCampaign();
	const { strings: st, numbers: nu } = r;
	console.log(
		`  strings: ${st.runs.toLocaleString('en-US')} rows (seed ${st.seed}): ${st.neutralised.toLocaleString('en-US')} cells neutralised, ${st.formulas} would run, ${st.lost} lost`
	);
	console.log(
		`  numbers: ${nu.runs.toLocaleString('en-US')} (${nu.negatives.toLocaleString('en-US')} negative): ${nu.quoted} written as text, ${nu.changed} changed`
	);
	for (const [line, , cell, runs] of r.document.cells) {
		console.log(`  line ${line}: ${pad(JSON.stringify(cell), 70)} runs: ${runs}`);
	}
	write('exports', r);
}
