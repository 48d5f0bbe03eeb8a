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
				stream.write(`[${n}${total ? `/${total}` : ''}] ${outcome.padEnd(12)} ${label}\n`);
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
			const text = `${bar}${n}${total ? `/${total}` : ''} ${outcome} ${label}`;
			stream.write(`\r\x1b[2K${text.slice(0, cols - 1)}`);
		},
		done() {
			stream.write('\r\x1b[2K');
		}
	};
}
