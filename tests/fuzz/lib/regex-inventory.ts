/**
 * Every regular expression in etl/ and src/, found by parsing the sources rather than by grep:
 * the TypeScript compiler API walks each .ts file and each .svelte file's <script> blocks (cut
 * out by Svelte's own parser, whose template AST is also searched), and records every regex
 * literal and every `new RegExp(…)` / `RegExp(…)`.
 *
 * A constructed pattern is evaluated statically: string and template literals, `+`, `?:` (both
 * branches), numbers, and identifiers bound by `const` in the same file or imported from one.
 * What cannot be evaluated (a function parameter) takes its values from SAMPLE_VALUES; an
 * identifier with neither is reported in `unresolved`, which the test requires to be empty, so a
 * new dynamic regex cannot slip past unchecked.
 */
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseSvelte } from 'svelte/compiler';
import ts from 'typescript';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface FoundRegex {
	/** Repository-relative path. */
	file: string;
	/** 1-based line of the literal or the constructor call. */
	line: number;
	kind: 'literal' | 'constructor';
	source: string;
	flags: string;
	/** How a constructed pattern was evaluated, when it took sample values. */
	with?: string;
}

/**
 * Values for identifiers a pattern is built from that are not constants: what the code passes at
 * run time. Keyed `file#name`.
 */
export const SAMPLE_VALUES: Record<string, string[]> = {
	// markerAt(arabic, ordinal, marker, from): the running ordinal of a projects cell.
	'etl/parse/plan/split-projects.ts#ordinal': ['1', '12', '123']
};

export interface Inventory {
	regexes: FoundRegex[];
	files: number;
	unresolved: Array<{ file: string; line: number; name: string }>;
}

/** Source files: tracked .ts (not tests) and .svelte under etl/ and src/. */
export function sourceFiles(): string[] {
	const out = execFileSync('git', ['ls-files', 'etl', 'src'], { cwd: ROOT, encoding: 'utf8' });
	return out
		.split('\n')
		.filter((f) => /\.(ts|svelte)$/.test(f) && !/\.test\.ts$/.test(f) && !f.endsWith('.d.ts'));
}

interface Script {
	file: string;
	text: string;
	/** Line of the script's first character in the file (1-based). */
	firstLine: number;
	sf: ts.SourceFile;
}

const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

function scriptsOf(file: string): { scripts: Script[]; markup: FoundRegex[] } {
	const text = readFileSync(join(ROOT, file), 'utf8');
	if (!file.endsWith('.svelte')) {
		const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
		return { scripts: [{ file, text, firstLine: 1, sf }], markup: [] };
	}
	const ast = parseSvelte(text, { modern: true });
	const scripts: Script[] = [];
	for (const block of [ast.instance, ast.module]) {
		if (!block) continue;
		const { start, end } = block.content as unknown as { start: number; end: number };
		const body = text.slice(start, end);
		const sf = ts.createSourceFile(file, body, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
		scripts.push({ file, text: body, firstLine: lineAt(text, start), sf });
	}
	// The template's expressions: Svelte's parser hands them over as ESTree nodes.
	const markup: FoundRegex[] = [];
	const walk = (node: unknown): void => {
		if (!node || typeof node !== 'object') return;
		if (Array.isArray(node)) return node.forEach(walk);
		const n = node as {
			type?: string;
			start?: number;
			regex?: { pattern: string; flags: string };
			callee?: { name?: string };
		};
		if (n.type === 'Literal' && n.regex) {
			const line = lineAt(text, n.start ?? 0);
			markup.push({ file, line, kind: 'literal', source: n.regex.pattern, flags: n.regex.flags });
		}
		if (
			(n.type === 'NewExpression' || n.type === 'CallExpression') &&
			n.callee?.name === 'RegExp'
		) {
			throw new Error(
				`${file}:${lineAt(text, n.start ?? 0)}: RegExp built in markup; move it to the script`
			);
		}
		for (const [k, v] of Object.entries(node)) if (k !== 'parent') walk(v);
	};
	walk(ast.fragment);
	return { scripts, markup };
}

class Evaluator {
	readonly unresolved: Inventory['unresolved'] = [];
	private readonly cache = new Map<string, ts.SourceFile>();

	constructor(private readonly script: Script) {}

	private fileOf(path: string): ts.SourceFile | null {
		let sf = this.cache.get(path);
		if (!sf) {
			let text: string;
			try {
				text = readFileSync(join(ROOT, path), 'utf8');
			} catch {
				return null;
			}
			sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
			this.cache.set(path, sf);
		}
		return sf;
	}

	/** Every string the expression can be; null when some part cannot be known. */
	values(node: ts.Expression, sf: ts.SourceFile, file: string): string[] | null {
		if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
		if (ts.isNumericLiteral(node)) return [String(Number(node.text))];
		if (ts.isParenthesizedExpression(node)) return this.values(node.expression, sf, file);
		if (ts.isTemplateExpression(node)) {
			let acc = [node.head.text];
			for (const span of node.templateSpans) {
				const v = this.values(span.expression, sf, file);
				if (!v) return null;
				acc = acc.flatMap((a) => v.map((x) => a + x + span.literal.text));
			}
			return acc;
		}
		if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
			const l = this.values(node.left, sf, file);
			const r = this.values(node.right, sf, file);
			return l && r ? l.flatMap((a) => r.map((b) => a + b)) : null;
		}
		if (ts.isConditionalExpression(node)) {
			const a = this.values(node.whenTrue, sf, file);
			const b = this.values(node.whenFalse, sf, file);
			return a && b ? [...new Set([...a, ...b])] : null;
		}
		if (ts.isIdentifier(node)) return this.identifier(node.text, node, sf, file);
		return null;
	}

	private identifier(name: string, at: ts.Node, sf: ts.SourceFile, file: string): string[] | null {
		const sample = SAMPLE_VALUES[`${file}#${name}`];
		if (sample) return sample;
		let found: string[] | null = null;
		const visit = (n: ts.Node): void => {
			if (found) return;
			if (
				ts.isVariableDeclaration(n) &&
				ts.isIdentifier(n.name) &&
				n.name.text === name &&
				n.initializer &&
				(n.parent.flags & ts.NodeFlags.Const) !== 0
			) {
				found = this.values(n.initializer, sf, file);
				return;
			}
			if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier)) {
				const named = n.importClause?.namedBindings;
				if (named && ts.isNamedImports(named)) {
					for (const el of named.elements) {
						if (el.name.text !== name) continue;
						const target = join(dirname(file), n.moduleSpecifier.text);
						const other = this.fileOf(target);
						if (other) found = this.identifier(el.propertyName?.text ?? name, other, other, target);
					}
				}
			}
			ts.forEachChild(n, visit);
		};
		visit(sf);
		if (!found) {
			const line = sf.getLineAndCharacterOfPosition(at.getStart(sf)).line + 1;
			this.unresolved.push({ file, line, name });
		}
		return found;
	}
}

function collect(script: Script, out: FoundRegex[], unresolved: Inventory['unresolved']): void {
	const { sf, file } = script;
	const evaluator = new Evaluator(script);
	const lineOf = (n: ts.Node) =>
		script.firstLine + sf.getLineAndCharacterOfPosition(n.getStart(sf)).line;
	const visit = (n: ts.Node): void => {
		if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
			const text = n.getText(sf);
			const slash = text.lastIndexOf('/');
			out.push({
				file,
				line: lineOf(n),
				kind: 'literal',
				source: text.slice(1, slash),
				flags: text.slice(slash + 1)
			});
		}
		if (
			(ts.isNewExpression(n) || ts.isCallExpression(n)) &&
			ts.isIdentifier(n.expression) &&
			n.expression.text === 'RegExp'
		) {
			const [pattern, flags] = n.arguments ?? [];
			const sources = pattern ? evaluator.values(pattern, sf, file) : [''];
			const flagValues = flags ? evaluator.values(flags, sf, file) : [''];
			const line = lineOf(n);
			if (!sources || !flagValues) {
				if (!evaluator.unresolved.some((u) => u.file === file)) {
					unresolved.push({ file, line, name: pattern?.getText(sf) ?? '?' });
				}
			} else {
				const sampled = Object.keys(SAMPLE_VALUES).filter((k) => k.startsWith(`${file}#`));
				for (const source of sources) {
					for (const f of flagValues) {
						const found: FoundRegex = { file, line, kind: 'constructor', source, flags: f };
						if (sampled.length > 0) found.with = sampled.map((k) => k.split('#')[1]).join(', ');
						out.push(found);
					}
				}
			}
		}
		ts.forEachChild(n, visit);
	};
	visit(sf);
	for (const u of evaluator.unresolved) unresolved.push({ ...u, file: relative('.', u.file) });
}

export function inventory(): Inventory {
	const regexes: FoundRegex[] = [];
	const unresolved: Inventory['unresolved'] = [];
	const files = sourceFiles();
	for (const file of files) {
		const { scripts, markup } = scriptsOf(file);
		for (const s of scripts) collect(s, regexes, unresolved);
		regexes.push(...markup);
	}
	return { regexes, files: files.length, unresolved };
}

/** One entry per distinct pattern (source + flags), with every place it is written. */
export function distinct(regexes: readonly FoundRegex[]) {
	const byKey = new Map<string, { source: string; flags: string; at: string[] }>();
	for (const r of regexes) {
		const key = `/${r.source}/${r.flags}`;
		const entry = byKey.get(key) ?? { source: r.source, flags: r.flags, at: [] };
		entry.at.push(`${r.file}:${r.line}`);
		byKey.set(key, entry);
	}
	return [...byKey.values()];
}
