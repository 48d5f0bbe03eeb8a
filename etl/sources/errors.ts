import { describeCode, type ThrownCode } from './messages.ts';

/**
 * The one thing a source throws: the source as a whole cannot be read (no such path, a manifest
 * that is neither CSV nor JSON). A bad row or a failed download is an entry, never a throw.
 */
export class EtlSourceError extends Error {
	override readonly name = 'EtlSourceError';
	readonly messageTh: string;

	constructor(
		readonly code: ThrownCode,
		readonly origin: string,
		params: Record<string, string | number> = {},
		options?: { cause?: unknown }
	) {
		const text = describeCode(code, { origin, ...params });
		super(`${origin}: ${text.en}`, options);
		this.messageTh = `${origin}: ${text.th}`;
	}
}
