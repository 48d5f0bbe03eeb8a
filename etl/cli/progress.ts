/**
 * Progress on stderr: a bar redrawn in place on a terminal, one plain line per document otherwise
 * (CI logs, pipes), so the output is useful in both.
 */
export interface Progress {
	tick(label: string, outcome: string): void;
	done(): void;
}

export function createProgress(stream: NodeJS.WriteStream, total: number | null): Progress {
	let n = 0;
	if (!stream.isTTY) {
		return {
			tick(label, outcome) {
				n++;
				const line = printable(label);
				stream.write(`[${n}${total ? `/${total}` : ''}] ${outcome.padEnd(12)} ${line}\n`);
			},
			done() {}
		};
	}
	const width = 28;
	return {
		tick(label, outcome) {
			n++;
			const frac = total ? Math.min(1, n / total) : 0;
			const filled = Math.round(frac * width);
			const bar = total ? `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ` : '';
			const cols = stream.columns ?? 100;
			const text = `${bar}${n}${total ? `/${total}` : ''} ${outcome} ${printable(label)}`;
			stream.write(`\r\x1b[2K${text.slice(0, cols - 1)}`);
		},
		done() {
			stream.write('\r\x1b[2K');
		}
	};
}

/**
 * A label as one inert line: file names and URLs come from the input, and a newline in one could
 * forge a line of this log ("[2] loaded …"), a bidi override could make "plan\u202Etxt.exe" read
 * as "planexe.txt", an escape sequence could drive the terminal. Such characters are written as
 * \n, \u202e…; the database keeps the name as it is.
 */
export function printable(text: string): string {
	return text.replace(
		UNPRINTABLE,
		(c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
	);
}

/** C0 and C1 controls, DEL, and the bidi marks, embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
