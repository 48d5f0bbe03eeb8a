import type { Item } from '../common/types.ts';

/** The item's kind from the name's first word: โครงการ / กิจกรรม / มาตรการ, else null. */
export function itemKindOf(name: string): Item['itemKind'] {
	const t = name.trim().replace(/^["“”'‘’]+/, '');
	if (t.startsWith('โครงการ')) return 'project';
	if (t.startsWith('กิจกรรม')) return 'activity';
	if (t.startsWith('มาตรการ')) return 'measure';
	return null;
}
