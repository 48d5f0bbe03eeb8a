/**
 * SvelteKit's __data.json gives each node's data as devalue's flat array: index 0 is the root,
 * objects map keys to indices, arrays list indices, `['Date', iso]`-style tuples carry other
 * types, negative numbers stand for undefined, holes, NaN, ±Infinity and -0. This reads that
 * format back (after devalue 5, node_modules/devalue/src/parse.js) so that the page data can be
 * checked by its structure, not only searched as text; `devalue` itself is SvelteKit's, not one
 * of ours to import.
 */
const SPECIAL: Record<number, unknown> = {
	[-1]: undefined,
	[-2]: undefined,
	[-3]: NaN,
	[-4]: Infinity,
	[-5]: -Infinity,
	[-6]: -0
};

export function unflatten(values: unknown[]): unknown {
	const hydrated = new Map<number, unknown>();
	const hydrate = (index: number): unknown => {
		if (index < 0) return SPECIAL[index];
		if (hydrated.has(index)) return hydrated.get(index);
		const value = values[index];
		if (!value || typeof value !== 'object') {
			hydrated.set(index, value);
			return value;
		}
		if (Array.isArray(value)) {
			if (typeof value[0] === 'string') {
				const [type, ...rest] = value as [string, ...unknown[]];
				let out: unknown;
				if (type === 'Date') out = new Date(String(rest[0]));
				else if (type === 'BigInt') out = String(rest[0]);
				else if (type === 'RegExp') out = String(rest[0]);
				else if (type === 'Set') out = rest.map((i) => hydrate(i as number));
				else if (type === 'Map' || type === 'null') {
					const object: Record<string, unknown> = {};
					hydrated.set(index, object);
					for (let i = 0; i < rest.length; i += 2) {
						const key = type === 'null' ? rest[i] : hydrate(rest[i] as number);
						object[String(key)] = hydrate(rest[i + 1] as number);
					}
					return object;
				} else out = rest.map((i) => (typeof i === 'number' ? hydrate(i) : i));
				hydrated.set(index, out);
				return out;
			}
			const array: unknown[] = [];
			hydrated.set(index, array);
			for (const i of value as number[]) array.push(hydrate(i));
			return array;
		}
		const object: Record<string, unknown> = {};
		hydrated.set(index, object);
		for (const [key, i] of Object.entries(value as Record<string, number>)) {
			object[key] = hydrate(i);
		}
		return object;
	};
	return values.length ? hydrate(0) : undefined;
}

/** The data of every node of a __data.json payload ({ type: 'data', nodes }), unflattened. */
export function nodeData(payload: unknown): unknown[] {
	if (!payload || typeof payload !== 'object' || !('nodes' in payload)) return [];
	const nodes = (payload as { nodes: unknown[] }).nodes;
	return nodes.flatMap((node) => {
		if (!node || typeof node !== 'object' || !('data' in node)) return [];
		const data = (node as { data: unknown }).data;
		return Array.isArray(data) ? [unflatten(data)] : [];
	});
}
