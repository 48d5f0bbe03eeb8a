/**
 * Passwords come from stdin only, never from argv (where `ps` and the shell history show them).
 * Piped: the first line, without its line ending, taken whole (spaces, NUL and emoji included).
 * A terminal: a prompt on stderr and the keys read without echo.
 */
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
			const first = await typed(stdin, stderr, prompt);
			if (confirm === undefined) return first;
			const again = await typed(stdin, stderr, confirm);
			if (again !== first) throw new NoPasswordError('ป้อนไม่ตรงกัน / the two entries differ');
			return first;
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

/** Keys typed on a terminal, not echoed; Enter ends, Backspace erases, Ctrl-C / Ctrl-D abort. */
function typed(stdin: NodeJS.ReadStream, stderr: NodeJS.WriteStream, prompt: string) {
	return new Promise<string>((resolve, reject) => {
		stderr.write(prompt);
		let text = '';
		const done = (error: Error | null) => {
			stdin.off('data', onData);
			stdin.setRawMode(false);
			stdin.pause();
			stderr.write('\n');
			if (error) reject(error);
			else resolve(text);
		};
		const onData = (data: Buffer) => {
			for (const ch of data.toString('utf8')) {
				if (ch === '\r' || ch === '\n') return done(null);
				if (ch === '\u0003' || ch === '\u0004') {
					return done(new NoPasswordError('ยกเลิก / cancelled'));
				}
				if (ch === '\u007f' || ch === '\b') text = [...text].slice(0, -1).join('');
				else text += ch;
			}
		};
		stdin.setRawMode(true);
		stdin.resume();
		stdin.on('data', onData);
	});
}
