/**
 * Adversarial inputs for one regular expression, built from the regex itself (what `recheck`
 * would search for, done by construction): for each unbounded or wide quantifier, a prefix that
 * leads the match to it, then a long run of what the quantifier (and whatever can also match
 * there) accepts, then a suffix that makes the whole match fail, so that a backtracking engine
 * tries every way of splitting the run. Plus, for the whole pattern, runs of each character it
 * names. The AST comes from @eslint-community/regexpp (installed with ESLint).
 */
import { RegExpParser, visitRegExpAST } from '@eslint-community/regexpp';
import type { AST } from '@eslint-community/regexpp';

export interface Attack {
	/** What the attack aims at, for the report: "q1 [\s]* pump ' '". */
	name: string;
	prefix: string;
	pump: string;
	suffix: string;
}

/** Characters that end most matches: punctuation, a control, a newline, a Thai letter. */
const SUFFIXES = ['', '!', '\u0000', '\n', 'ก'];

const chr = (cp: number) => String.fromCodePoint(cp);

/** A few characters the set matches (or, negated, does not match), for pumping. */
function setSamples(node: AST.CharacterSet | AST.CharacterClassRange | AST.Character): string[] {
	if (node.type === 'Character') return [chr(node.value)];
	if (node.type === 'CharacterClassRange') {
		const { min, max } = node;
		return [...new Set([min.value, max.value, Math.floor((min.value + max.value) / 2)])].map(chr);
	}
	const negate = 'negate' in node && node.negate;
	switch (node.kind) {
		case 'any':
			return ['a', 'ก', ' ', '1'];
		case 'digit':
			return negate ? ['a', ' ', 'ก'] : ['1', '0'];
		case 'space':
			return negate ? ['a', '1', 'ก'] : [' ', '\t', '\u00a0'];
		case 'word':
			return negate ? [' ', 'ก', '.'] : ['a', '1', '_'];
		default:
			return ['a', 'ก', '1', ' '];
	}
}

const POOL = [' ', '\t', 'a', 'A', '1', '๑', 'ก', '.', ',', '-', '/', '"', '(', ')', '\u200b', 'x'];

/** Characters an element can match at its first position (approximate, never empty). */
function firstChars(node: AST.Node): string[] {
	const out = new Set<string>();
	const add = (n: AST.Node) => {
		switch (n.type) {
			case 'Character':
			case 'CharacterSet':
			case 'CharacterClassRange':
				for (const c of setSamples(n)) out.add(c);
				return;
			case 'CharacterClass': {
				if (n.negate) {
					// Characters of the pool the class leaves out.
					const inside = new Set<string>();
					for (const e of n.elements) {
						if (
							e.type === 'Character' ||
							e.type === 'CharacterSet' ||
							e.type === 'CharacterClassRange'
						)
							for (const c of setSamples(e)) inside.add(c);
					}
					for (const c of POOL) if (!inside.has(c)) out.add(c);
					return;
				}
				for (const e of n.elements) add(e);
				return;
			}
			case 'Group':
			case 'CapturingGroup':
			case 'Pattern':
				for (const a of n.alternatives) {
					const first = a.elements[0];
					if (first) add(first);
				}
				return;
			case 'Quantifier':
				add(n.element);
				return;
			default:
				return;
		}
	};
	add(node);
	return out.size > 0 ? [...out] : ['a'];
}

/** One short string the node matches (minimum repetitions, first alternative, no lookaround). */
function sample(node: AST.Node): string {
	switch (node.type) {
		case 'Character':
		case 'CharacterSet':
		case 'CharacterClassRange':
			return setSamples(node)[0] ?? '';
		case 'CharacterClass':
			return firstChars(node)[0] ?? '';
		case 'Alternative':
			return node.elements.map(sample).join('');
		case 'Group':
		case 'CapturingGroup':
		case 'Pattern':
			return node.alternatives[0] ? sample(node.alternatives[0]) : '';
		case 'Quantifier':
			return sample(node.element).repeat(Math.min(node.min, 3));
		default:
			return '';
	}
}

/** What the pattern must have matched before reaching `node`: samples of the elements before it. */
function prefixOf(node: AST.Node): string {
	let text = '';
	let child: AST.Node = node;
	let parent: AST.Node | null = node.parent;
	while (parent) {
		if (parent.type === 'Alternative') {
			const i = parent.elements.indexOf(child as AST.Element);
			text = parent.elements.slice(0, i).map(sample).join('') + text;
		}
		if (parent.type === 'Assertion') return text; // inside a lookaround: no fixed prefix
		child = parent;
		parent = parent.parent;
	}
	return text;
}

export function parsePattern(source: string, flags: string): AST.Pattern {
	const parser = new RegExpParser({ ecmaVersion: 2025 });
	return parser.parsePattern(source, 0, source.length, {
		unicode: flags.includes('u'),
		unicodeSets: flags.includes('v')
	});
}

/** The attacks on one regex: per quantifier, and runs of each character the pattern names. */
export function attacksOn(source: string, flags: string): Attack[] {
	const pattern = parsePattern(source, flags);
	const attacks: Attack[] = [];
	const seen = new Set<string>();
	const push = (a: Attack) => {
		const key = `${a.prefix}\u0001${a.pump}\u0001${a.suffix}`;
		if (seen.has(key)) return;
		seen.add(key);
		attacks.push(a);
	};
	let q = 0;
	visitRegExpAST(pattern, {
		onQuantifierEnter(node) {
			if (node.max < 2) return;
			q++;
			const prefix = prefixOf(node);
			const chars = firstChars(node.element).slice(0, 5);
			const pumps = [...chars];
			const whole = sample(node.element);
			if (whole.length > 1) pumps.push(whole);
			if (chars.length >= 2) pumps.push(chars[0]! + chars[1]!);
			for (const pump of pumps) {
				for (const suffix of SUFFIXES) {
					push({ name: `q${q} ${node.raw} pump ${JSON.stringify(pump)}`, prefix, pump, suffix });
				}
			}
		}
	});
	// Runs of every character the pattern names, alone and round-robin.
	const all = new Set<string>();
	visitRegExpAST(pattern, {
		onCharacterEnter(node) {
			all.add(chr(node.value));
		},
		onCharacterSetEnter(node) {
			for (const c of setSamples(node)) all.add(c);
		}
	});
	const list = [...all].slice(0, 24);
	for (const c of list) {
		for (const suffix of ['!', '\u0000'])
			push({ name: `run ${JSON.stringify(c)}`, prefix: '', pump: c, suffix });
	}
	if (list.length > 1) push({ name: 'round-robin', prefix: '', pump: list.join(''), suffix: '!' });
	return attacks;
}

/** The attack at about `length` characters: the pump repeated to fill it. */
export function attackText(a: Attack, length: number): string {
	const times = Math.max(
		1,
		Math.ceil((length - a.prefix.length - a.suffix.length) / a.pump.length)
	);
	return a.prefix + a.pump.repeat(times) + a.suffix;
}
