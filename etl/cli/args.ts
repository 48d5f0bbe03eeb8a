/** A tiny argv reader: positionals, `--flag`, `--key value` and `--key=value`. No dependency. */
export interface Args {
	positionals: string[];
	flags: Map<string, string | true>;
}

export class UsageError extends Error {
	readonly code = 'usage';
}

export function parseArgs(argv: readonly string[], valued: readonly string[]): Args {
	const positionals: string[] = [];
	const flags = new Map<string, string | true>();
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i]!;
		if (a === '--') {
			positionals.push(...argv.slice(i + 1));
			break;
		}
		if (a.startsWith('--')) {
			const eq = a.indexOf('=');
			const key = eq > 0 ? a.slice(2, eq) : a.slice(2);
			if (eq > 0) flags.set(key, a.slice(eq + 1));
			else if (valued.includes(key)) {
				const v = argv[i + 1];
				if (v === undefined || v.startsWith('--')) throw new UsageError(`--${key} needs a value`);
				flags.set(key, v);
				i++;
			} else flags.set(key, true);
		} else if (a === '-h') flags.set('help', true);
		else positionals.push(a);
	}
	return { positionals, flags };
}

export function flagString(args: Args, key: string): string | undefined {
	const v = args.flags.get(key);
	return typeof v === 'string' ? v : undefined;
}

export function rejectUnknown(args: Args, known: readonly string[]): void {
	for (const k of args.flags.keys()) {
		if (!known.includes(k)) throw new UsageError(`unknown option --${k}`);
	}
}
