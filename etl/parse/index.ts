import { createHash } from 'node:crypto';
import { Registry } from '../registry/resolve.ts';
import { clearSimilarityCache } from '../text/similarity.ts';
import { verdictOf } from '../validate/verdict.ts';
import { parseAnnualPlan } from './annual/index.ts';
import {
	decodeDocument,
	DEFAULT_MAX_BYTES,
	tooLargeProblem,
	type SourceText
} from './common/source.ts';
import { findLaoMention } from './common/lao-mention.ts';
import type { DocumentKind, KindParse, LaoRef, ParseReport, Problem } from './common/types.ts';
import { detectKind } from './detect.ts';
import { parseMultiYearPlan } from './plan/index.ts';
import { parseProgressReport } from './report/index.ts';
import { append } from './common/append.ts';

/** Bumped whenever a parser change can change a report for the same bytes. */
export const PARSER_VERSION = 'sujarit-parse/1';

export interface ParseOptions {
	/** The national register; without it every LAO is `unresolved` (with a warning saying why). */
	registry?: Registry | null;
	maxBytes?: number;
	/** What a manifest said about the document; compared with what the text says. */
	hint?: { kind?: string; fiscalYear?: number; laoCode?: string };
	/**
	 * Called once per document when reading is done (tables, checks and problems collected, LAO
	 * resolved) and before the verdict is drawn from them: the `after_parse` point of the crash
	 * tests' fault hook (etl/fault.ts). Parsing and validating are one call here, since the
	 * parsers check each table against its declared totals as they read it; only the verdict
	 * (etl/validate/verdict.ts) comes after.
	 */
	onParsed?: () => void;
}

const PARSERS: Record<DocumentKind, (src: SourceText) => KindParse> = {
	multi_year_plan: parseMultiYearPlan,
	annual_plan: parseAnnualPlan,
	progress_report: parseProgressReport
};

export function sha256Hex(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

function emptyReport(sha256: string, problems: Problem[], lineCount: number): ParseReport {
	return {
		sha256,
		parser: PARSER_VERSION,
		kind: null,
		verdict: 'quarantined',
		lao: null,
		fiscalYears: [],
		asOf: null,
		title: null,
		lineCount,
		tables: [],
		checks: [],
		problems
	};
}

function resolveLao(
	src: SourceText,
	parsed: KindParse,
	registry: Registry | null | undefined,
	problems: Problem[]
): LaoRef | null {
	const mention = findLaoMention(src, parsed.laoLine ?? null);
	if (!mention) {
		problems.push({
			line: null,
			severity: 'warning',
			code: 'lao_not_found',
			message: 'The document does not name its LAO in a form we recognise (type prefix + name).',
			messageTh: 'ไม่พบชื่อ อปท. ในเอกสาร (ประเภท + ชื่อ)'
		});
		return null;
	}
	const lao: LaoRef = {
		nameAsWritten: mention.nameAsWritten,
		type: mention.type,
		name: mention.name,
		province: mention.province,
		district: mention.district,
		dlaCode: null,
		resolution: 'unresolved',
		line: mention.line
	};
	if (!registry) {
		problems.push({
			line: mention.line,
			severity: 'warning',
			code: 'lao_unresolved',
			message: `${mention.nameAsWritten}: no register loaded, so the LAO cannot be resolved to a DLA code.`,
			messageTh: `${mention.nameAsWritten}: ยังไม่ได้นำเข้าทะเบียน อปท. จึงระบุรหัสไม่ได้`
		});
		return lao;
	}
	const r = registry.resolve({
		type: mention.type,
		name: mention.name,
		district: mention.district,
		province: mention.province
	});
	lao.resolution = r.resolution;
	lao.dlaCode = r.dlaCode;
	if (r.resolution === 'ambiguous') {
		lao.candidates = r.candidates;
		problems.push({
			line: mention.line,
			severity: 'warning',
			code: 'lao_ambiguous',
			message: `${mention.nameAsWritten}: ${r.candidates.length} LAOs in the register match (${r.candidates.join(', ')}); the document does not say which.`,
			messageTh: `${mention.nameAsWritten}: ตรงกับ อปท. ในทะเบียน ${r.candidates.length} แห่ง (${r.candidates.join(', ')})`,
			found: r.candidates
		});
	} else if (r.resolution === 'unresolved') {
		problems.push({
			line: mention.line,
			severity: 'warning',
			code: 'lao_unresolved',
			message: `${mention.nameAsWritten}${mention.province ? ` (จังหวัด${mention.province})` : ''}: no LAO of that type and name in the register.`,
			messageTh: `${mention.nameAsWritten}: ไม่พบในทะเบียน อปท.`
		});
	}
	return lao;
}

/**
 * Parses and validates one document. Never throws for bad input: whatever is wrong with the bytes
 * ends up in `problems`, and the verdict says whether the document may be loaded.
 */
export function parseDocument(bytes: Uint8Array, options: ParseOptions = {}): ParseReport {
	return parseDocumentWithSource(bytes, options).report;
}

/**
 * The report of a document too large to read: what the CLI prints without loading the file into
 * memory (the sha256 is streamed).
 */
export function oversizeReport(sha256: string, size: number, maxBytes: number): ParseReport {
	return emptyReport(sha256, [tooLargeProblem(size, maxBytes)], 0);
}

/** As parseDocument, also handing back the decoded text (null when the bytes are not text). */
export function parseDocumentWithSource(
	bytes: Uint8Array,
	options: ParseOptions = {}
): { report: ParseReport; source: SourceText | null } {
	const sha256 = sha256Hex(bytes);
	clearSimilarityCache();
	const decoded = decodeDocument(bytes, options.maxBytes ?? DEFAULT_MAX_BYTES);
	if (!decoded.source) {
		options.onParsed?.();
		return { report: emptyReport(sha256, decoded.problems, 0), source: null };
	}
	return {
		report: parseSource(sha256, decoded.source, decoded.problems, options),
		source: decoded.source
	};
}

function parseSource(
	sha256: string,
	src: SourceText,
	decodeProblems: Problem[],
	options: ParseOptions
): ParseReport {
	const problems: Problem[] = [...decodeProblems];
	const detected = detectKind(src);
	if (!detected) {
		problems.push({
			line: null,
			severity: 'error',
			code: 'unrecognised_document',
			message:
				'No multi-year plan, annual plan or progress report table found: the text has none of their table headers.',
			messageTh: 'ไม่พบตารางของแผนปฏิบัติการ แผนประจำปี หรือรายงานผล ในเอกสารนี้',
			expected: 'a table header: ภารกิจตามมิติ / ดำเนินการไตรมาส / เบิกจ่าย + สถานะ'
		});
		options.onParsed?.();
		return emptyReport(sha256, problems, src.lines.length);
	}
	let parsed: KindParse;
	try {
		parsed = PARSERS[detected.kind](src);
	} catch (e) {
		// A parser bug must not lose the document: it is quarantined with the stack's first line.
		problems.push({
			line: null,
			severity: 'error',
			code: 'parser_failed',
			message: `The ${detected.kind} parser failed: ${(e as Error).message}`,
			messageTh: `ตัวอ่านเอกสารขัดข้อง: ${(e as Error).message}`
		});
		options.onParsed?.();
		return { ...emptyReport(sha256, problems, src.lines.length), kind: detected.kind };
	}
	append(problems, parsed.problems);
	const lao = resolveLao(src, parsed, options.registry, problems);
	if (options.hint?.kind && options.hint.kind !== detected.kind) {
		problems.push({
			line: detected.line,
			severity: 'warning',
			code: 'hint_kind_mismatch',
			message: `The manifest says ${options.hint.kind}; the text is a ${detected.kind} (${detected.reason}).`,
			messageTh: `รายการนำเข้าระบุว่าเป็น ${options.hint.kind} แต่เนื้อหาเป็น ${detected.kind}`,
			expected: options.hint.kind,
			found: detected.kind
		});
	}
	if (options.hint?.laoCode && lao?.dlaCode && options.hint.laoCode !== lao.dlaCode) {
		problems.push({
			line: lao.line,
			severity: 'warning',
			code: 'hint_lao_mismatch',
			message: `The manifest says LAO ${options.hint.laoCode}; the text names ${lao.nameAsWritten} (${lao.dlaCode}).`,
			messageTh: `รายการนำเข้าระบุ อปท. ${options.hint.laoCode} แต่เอกสารระบุ ${lao.nameAsWritten}`,
			expected: options.hint.laoCode,
			found: lao.dlaCode
		});
	}
	options.onParsed?.();
	const report: ParseReport = {
		sha256,
		parser: PARSER_VERSION,
		kind: detected.kind,
		verdict: verdictOf(parsed.checks, problems),
		lao,
		fiscalYears: [...new Set(parsed.fiscalYears)].sort((a, b) => a - b),
		asOf: parsed.asOf,
		title: parsed.title,
		lineCount: src.lines.length,
		tables: parsed.tables,
		checks: parsed.checks,
		problems
	};
	if (parsed.extras) report.extras = parsed.extras;
	return report;
}
