/**
 * OCR and typing variants of the words that give these documents their structure.
 *
 * มิติ (dimension) is written มิตี and มติ in the samples: the annual plan of เทศบาลเมืองพิชัย
 * heads its third table page "มติ" (line 113) and its cover "มติที่ ๑"; the Samut Songkhram plan
 * alternates มิติ/มิตี/มติ across Part 2 page headers (lines 105–178). But มติ is also a real
 * word ("resolution": มติคณะรัฐมนตรี, มติที่ประชุม), so it is only read as มิติ where the document's
 * structure puts a dimension word: a whole header cell, "ภารกิจตาม…", "…ที่ <n>" or "… <n> <name>".
 */

const VARIANT = '(?:มิติ|มิตี|มิดิ|มีติ|มติ)';

// Compiled once: these run on every line of every document.
const HEADER_CELL = new RegExp(`^${VARIANT}$`);
const MISSION_CELL = new RegExp(`^ภารกิจตาม${VARIANT}$`);
const HEADING = new RegExp(`^[-•*\\s]*${VARIANT}\\s*(?:ที่\\s*)?([1-4])(?![0-9.])`);
const BEFORE_NUMBER = new RegExp(`${VARIANT}(?=\\s*ที่\\s*[1-4๑-๔])`, 'g');
const MISSION_ANYWHERE = new RegExp(`ภารกิจตาม${VARIANT}`, 'g');
const HAS_VARIANT = /มิติ|มิตี|มิดิ|มีติ|มติ/;

/** True when a table header cell is the dimension column ("มิติ", "มิตี", "มติ"). */
export function isDimensionHeaderCell(cell: string): boolean {
	return HEADER_CELL.test(cell.trim());
}

/** True when a header cell is "ภารกิจตามมิติ" in any variant. */
export function isMissionHeaderCell(cell: string): boolean {
	return MISSION_CELL.test(cell.replace(/\s+/g, ''));
}

/**
 * Reads a dimension heading: "มิติที่ ๒ การบริหาร…", "มติที่ 3", "มติ 1 การสร้าง…" → 2 / 3 / 1.
 * "มติคณะรัฐมนตรี" and "มติที่ประชุม" → null (the real word, no number follows).
 */
export function dimensionHeading(text: string): 1 | 2 | 3 | 4 | null {
	if (!HAS_VARIANT.test(text)) return null;
	const t = text.trim().replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
	const m = HEADING.exec(t);
	if (!m) return null;
	return Number(m[1]) as 1 | 2 | 3 | 4;
}

/** Rewrites dimension-word variants to มิติ only where structure says it is that word. */
export function canonicalDimensionWord(text: string): string {
	if (!HAS_VARIANT.test(text)) return text;
	return text
		.replace(BEFORE_NUMBER, 'มิติ')
		.replace(MISSION_ANYWHERE, 'ภารกิจตามมิติ')
		.replace(HEADER_CELL, 'มิติ');
}
