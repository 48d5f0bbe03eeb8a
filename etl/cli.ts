#!/usr/bin/env -S npx tsx
/**
 * `npm run etl -- <command>`: the operator's entry point. Thai first, English second.
 * Exit codes: etl/cli/exit-codes.ts (also in the README and in every --help).
 */
import { UsageError } from './cli/args.ts';
import { EXIT, EXIT_TABLE } from './cli/exit-codes.ts';
import { runIngest, INGEST_HELP } from './cli/ingest.ts';
import { runDemoCommand, DEMO_HELP } from './demo/cli.ts';
import { runParse, PARSE_HELP } from './cli/parse.ts';
import { runRegistry, REGISTRY_HELP } from './cli/registry.ts';
import { runRelease, RELEASE_HELP } from './cli/release.ts';

const exitTable = EXIT_TABLE.map(
	([code, th, en]) => `  ${String(code).padEnd(3)} ${th} / ${en}`
).join('\n');

const MAIN_HELP = `สุจริต ETL · Sujarit ETL

การใช้งาน / Usage:
  npm run etl -- ingest <โฟลเดอร์|manifest.csv|manifest.json> [--registry FILE]
  npm run etl -- parse <ไฟล์> --json [--registry FILE]
  npm run etl -- registry import <DLA CSV หรือ JSON>
  npm run etl -- demo --laos N [--years 2566-2570] [--seed S] [--out DIR] [--no-ingest]
  npm run etl -- release publish [--note TEXT] [--if-none]
  npm run etl -- <คำสั่ง> --help

คำสั่ง / Commands:
  ingest     นำเข้าเอกสารลงฐานข้อมูล / ingest documents into the database
  parse      อ่านและตรวจเอกสารหนึ่งฉบับ ไม่แตะฐานข้อมูล / parse + validate one document, no database
  registry   นำเข้าทะเบียน อปท. ของกรมส่งเสริมการปกครองท้องถิ่น / import the DLA register of LAOs
  demo       สร้างและนำเข้าเอกสารสาธิต (ข้อมูลสังเคราะห์) / write and ingest synthetic demo documents
  release    เผยแพร่ตัวเลขรวมฉบับใหม่ให้สาธารณะ / publish a release of the aggregates to the public

ฐานข้อมูล / Database: DATABASE_URL (PostgreSQL) หรือ/or PGlite ใน/in SUJARIT_DATA_DIR (ค่าเริ่มต้น/default .data/pglite)

รหัสออก / Exit codes:
${exitTable}
`;

async function main(argv: string[]): Promise<number> {
	const [command, ...rest] = argv;
	switch (command) {
		case 'ingest':
			return runIngest(rest);
		case 'parse':
			return runParse(rest);
		case 'registry':
			return runRegistry(rest);
		case 'demo':
			return runDemoCommand(rest);
		case 'release':
			return runRelease(rest);
		case undefined:
		case '--help':
		case '-h':
		case 'help':
			process.stdout.write(MAIN_HELP);
			return command === undefined ? EXIT.usage : EXIT.ok;
		default:
			process.stderr.write(`คำสั่งไม่รู้จัก / unknown command: ${command}\n\n${MAIN_HELP}`);
			return EXIT.usage;
	}
}

export { INGEST_HELP, PARSE_HELP, REGISTRY_HELP, DEMO_HELP, RELEASE_HELP, MAIN_HELP };

main(process.argv.slice(2)).then(
	(code) => {
		process.exitCode = code;
	},
	(e: unknown) => {
		if (e instanceof UsageError) {
			process.stderr.write(`ใช้คำสั่งไม่ถูกต้อง / usage error: ${e.message}\n(--help)\n`);
			process.exitCode = EXIT.usage;
			return;
		}
		process.stderr.write(`ข้อผิดพลาดภายใน / internal error: ${(e as Error).stack ?? String(e)}\n`);
		process.exitCode = EXIT.internal;
	}
);
