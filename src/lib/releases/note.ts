/**
 * The analyst's note to readers of a release: plain text (shown as text, never as HTML), line
 * breaks kept, at most NOTE_MAX characters (code points, so a Thai letter with its tone mark is
 * two). Control characters other than tab and newline are refused rather than silently removed,
 * so that what is published is exactly what was typed.
 */
export const NOTE_MAX = 2000;

export type NoteResult =
	| { ok: true; note: string }
	| { ok: false; code: 'not_text' | 'too_long' | 'control_characters'; length: number };

/** C0 (but tab and newline), DEL and C1: invisible, and able to disguise what a note says. */
const isControl = (c: string): boolean => {
	const code = c.charCodeAt(0);
	return (code < 0x20 && c !== '\t' && c !== '\n') || (code >= 0x7f && code <= 0x9f);
};

/** `parseNote(' ฉบับแรก\r\n')` → `{ ok: true, note: 'ฉบับแรก' }`; a missing field is an empty note. */
export function parseNote(value: unknown): NoteResult {
	if (value === null || value === undefined) return { ok: true, note: '' };
	if (typeof value !== 'string') return { ok: false, code: 'not_text', length: 0 };
	const note = value.replace(/\r\n?/g, '\n').trim();
	const length = [...note].length;
	if (length > NOTE_MAX) return { ok: false, code: 'too_long', length };
	if ([...note].some(isControl)) return { ok: false, code: 'control_characters', length };
	return { ok: true, note };
}
