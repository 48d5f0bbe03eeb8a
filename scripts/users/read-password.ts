/**
 * Passwords come from stdin only, never from argv (where `ps` and the shell history show them).
 * Piped: the first line, without its line ending, taken whole (spaces, NUL and emoji included).
 * A terminal: a prompt on stderr and the keys read without echo.
 */
import { StringDecoder } from 'node:string_decoder';

export class NoPasswordError extends Error {
	readonly code = 'no_password';
}

export interface PasswordSource {
	/** One password; `confirm` asks twice on a terminal (a typo there cannot be seen). */
	read(prompt: string, confirm?: string): Promise<string>;
}

export function stdinPasswords(
	stdin: NodeJS.ReadStream = process.stdin,
	stderr: NodeJS.WriteStream = process.stderr
): PasswordSource {
	return {
		async read(prompt, confirm) {
			if (!stdin.isTTY) return firstLine(stdin);
			// Raw mode (no echo) is on before the first prompt shows and stays on until the last entry
			// ends: keys typed ahead, or between the two prompts, are never echoed (CI once saw a
			// password on the screen when the terminal went back to cooked mode between the prompts).
			const keys = rawKeys(stdin);
			try {
				const first = await keys.line(stderr, prompt);
				if (confirm === undefined) return first;
				const again = await keys.line(stderr, confirm);
				if (again !== first) throw new NoPasswordError('ป้อนไม่ตรงกัน / the two entries differ');
				return first;
			} finally {
				keys.close();
			}
		}
	};
}

/** The first line of a piped stdin; NoPasswordError when stdin is empty. */
export async function firstLine(stream: NodeJS.ReadableStream): Promise<string> {
	const chunks: Buffer[] = [];
	let sawNewline = false;
	for await (const chunk of stream) {
		const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer);
		const end = buffer.indexOf(0x0a);
		if (end >= 0) {
			chunks.push(buffer.subarray(0, end));
			sawNewline = true;
			break;
		}
		chunks.push(buffer);
	}
	const bytes = Buffer.concat(chunks);
	if (!sawNewline && bytes.length === 0) {
		throw new NoPasswordError(
			'ไม่ได้รับรหัสผ่านทาง stdin / no password on stdin ' +
				`(printf '%s\\n' "$PASSWORD" | npm run users -- …)`
		);
	}
	const line = bytes.toString('utf8');
	return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/**
 * Keys typed on a terminal, not echoed: raw mode from the call until `close`. Each `line` writes
 * its prompt and reads up to Enter (Backspace erases, Ctrl-C / Ctrl-D abort); keys typed ahead
 * wait for the next line.
 */
function rawKeys(stdin: NodeJS.ReadStream) {
	const pending: string[] = [];
	const decoder = new StringDecoder('utf8'); // a Thai letter is 3 bytes and may span two reads
	let wake: (() => void) | null = null;
	const onData = (data: Buffer) => {
		pending.push(...decoder.write(data));
		wake?.();
	};
	const onEnd = () => onData(Buffer.from('\u0004')); // the terminal went away: as Ctrl-D
	stdin.setRawMode(true);
	stdin.on('data', onData);
	stdin.once('end', onEnd);
	stdin.resume();
	const next = async (): Promise<string> => {
		while (pending.length === 0) await new Promise<void>((resolve) => (wake = resolve));
		wake = null;
		return pending.shift()!;
	};
	return {
		async line(stderr: NodeJS.WriteStream, prompt: string): Promise<string> {
			stderr.write(prompt);
			let text = '';
			try {
				for (;;) {
					const ch = await next();
					if (ch === '\r' || ch === '\n') return text;
					if (ch === '\u0003' || ch === '\u0004') throw new NoPasswordError('ยกเลิก / cancelled');
					if (ch === '\u007f' || ch === '\b') text = [...text].slice(0, -1).join('');
					else text += ch;
				}
			} finally {
				stderr.write('\n');
			}
		},
		close() {
			stdin.off('data', onData);
			stdin.off('end', onEnd);
			stdin.setRawMode(false);
			stdin.pause();
		}
	};
}
