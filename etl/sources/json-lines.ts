/**
 * The line (1-based) on which each element of a JSON array starts, so that a bad manifest entry
 * can be named by its line as a CSV row is. The array is the document itself (`key` null) or the
 * value of a top-level key (`{ "documents": [...] }`; the last one wins, as in JSON.parse).
 * The text must already have passed JSON.parse.
 */
export function arrayElementLines(text: string, key: string | null): number[] {
	let line = 1;
	let depth = 0;
	let rootIsObject = false;
	let lastKey: string | null = null;
	let targetDepth = -1;
	let expecting = false;
	let lines: number[] = [];
	for (let i = 0; i < text.length; i++) {
		const c = text[i] as string;
		if (c === '\n') line++;
		if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue;
		if (depth === targetDepth && expecting && c !== ']') {
			lines.push(line);
			expecting = false;
		}
		if (c === '"') {
			const start = i;
			for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++;
			if (depth === 1 && rootIsObject) lastKey = JSON.parse(text.slice(start, i + 1)) as string;
		} else if (c === '{' || c === '[') {
			if (depth === 0) rootIsObject = c === '{';
			depth++;
			const isTarget =
				c === '[' &&
				((key === null && depth === 1) || (key !== null && depth === 2 && lastKey === key));
			if (isTarget) {
				targetDepth = depth;
				expecting = true;
				lines = [];
			}
		} else if (c === '}' || c === ']') {
			if (depth === targetDepth) targetDepth = -1;
			depth--;
			if (depth === 1) lastKey = null;
		} else if (c === ',' && depth === targetDepth) {
			expecting = true;
		}
	}
	return lines;
}
