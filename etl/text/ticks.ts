/**
 * Tick marks in E-PlanNACC exports. The same export reaches us as ☑ (report of อบจ.อ่างทอง),
 * ✓ (annual plan of เทศบาลเมืองพิชัย, last page) or HTML checkbox tags (the same plan's first
 * pages: `<input checked="" type="checkbox"/>`). An empty cell means "not ticked": a tick's
 * meaning is its column position.
 */

export type TickReading = 'ticked' | 'empty' | 'unchecked_box' | 'unknown';

// ✗ ✘ × are left out on purpose: in Thai forms they can mean "no"; they read as 'unknown'.
const TICK_CHARS = /^(?:[☑✓✔✅☒√/]|x|X)$/u;

/** Reads one cell of a tick column. */
export function readTick(cell: string): TickReading {
	const t = cell.trim();
	if (t === '') return 'empty';
	if (/^<input\b[^>]*>$/i.test(t) || /^<input\b/i.test(t)) {
		if (!/type\s*=\s*["']?checkbox/i.test(t)) return 'unknown';
		return /\bchecked\b/i.test(t) ? 'ticked' : 'unchecked_box';
	}
	if (t === '☐' || t === '□' || t === '[ ]') return 'unchecked_box';
	if (t === '[x]' || t === '[X]') return 'ticked';
	if (TICK_CHARS.test(t)) return 'ticked';
	return 'unknown';
}
