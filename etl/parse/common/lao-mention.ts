import type { LaoType } from './types.ts';
import type { SourceText } from './source.ts';

/**
 * How a document names its LAO: a type prefix glued to the name ("เทศบาลเมืองพิชัย",
 * "องค์การบริหารส่วนจังหวัดอ่างทอง"), and where it is, "อำเภอเมืองลำปาง จังหวัดลำปาง".
 */
export interface LaoMention {
	nameAsWritten: string;
	type: LaoType;
	/** The name without the type prefix, as the DLA register writes it. */
	name: string;
	line: number;
	district: string | null;
	province: string | null;
}

/** Longest prefixes first: "องค์การบริหารส่วนจังหวัด" must win over "จังหวัด" elsewhere. */
const PREFIXES: ReadonlyArray<readonly [string, LaoType]> = [
	['องค์การบริหารส่วนจังหวัด', 'provincial_admin_org'],
	['องค์การบริหารส่วนตำบล', 'subdistrict_admin_org'],
	['เทศบาลนคร', 'city_municipality'],
	['เทศบาลเมือง', 'town_municipality'],
	['เทศบาลตำบล', 'subdistrict_municipality'],
	['อบจ.', 'provincial_admin_org'],
	['อบต.', 'subdistrict_admin_org'],
	['ทน.', 'city_municipality'],
	['ทม.', 'town_municipality'],
	['ทต.', 'subdistrict_municipality']
];

// A name is Thai letters and marks; it ends at a space, punctuation or the end of the line.
// Names with a space inside are not seen in the register (7,849 names, none with a space).
// At most 60 letters (the register's longest name has 24): unbounded, every prefix in a long run
// of Thai letters re-read the rest of the run, quadratic in the line (recheck: bench/recheck.ts;
// 0.64 s on a 100,000-character line of repeated prefixes). A shorter match can never succeed
// where the whole run fails (the lookahead wants a non-letter), so the bound changes no answer
// for names up to 60 letters.
const NAME = '([\\u0e01-\\u0e4e]{1,60})';
const MENTION_RE = new RegExp(
	`(องค์การบริหารส่วนจังหวัด|องค์การบริหารส่วนตำบล|เทศบาลนคร|เทศบาลเมือง|เทศบาลตำบล|อบจ\\.|อบต\\.|ทน\\.|ทม\\.|ทต\\.)\\s?${NAME}(?=$|[\\s,.)”"'(:;/-])`,
	'g'
);

/** Words that, glued after a prefix, show the match is prose rather than a name. */
const NOT_A_NAME = /^(?:ต่างๆ|ต่าง|ทุกแห่ง|ใน|ที่|และ|หรือ|ของ|ซึ่ง)/;

export function mentionsInLine(text: string, line: number): LaoMention[] {
	const out: LaoMention[] = [];
	if (text.includes('เมืองพัทยา')) {
		out.push({
			nameAsWritten: 'เมืองพัทยา',
			type: 'special_admin_area',
			name: 'เมืองพัทยา',
			line,
			district: null,
			province: null
		});
	}
	if (text.includes('กรุงเทพมหานคร')) {
		out.push({
			nameAsWritten: 'กรุงเทพมหานคร',
			type: 'bangkok',
			name: 'กรุงเทพมหานคร',
			line,
			district: null,
			province: 'กรุงเทพมหานคร'
		});
	}
	for (const m of text.matchAll(MENTION_RE)) {
		const prefix = m[1]!;
		const name = m[2]!;
		if (NOT_A_NAME.test(name) || name.length < 2) continue;
		const type = PREFIXES.find(([p]) => p === prefix)![1];
		out.push({
			nameAsWritten: `${prefix}${name}`,
			type,
			name,
			line,
			district: null,
			province: type === 'provincial_admin_org' ? name : null
		});
	}
	return out;
}

/** "อำเภอเมืองลำปาง จังหวัดลำปาง" → { district: 'เมืองลำปาง', province: 'ลำปาง' }. */
export function locationInLine(text: string): { district: string | null; province: string | null } {
	const d = /(?:อำเภอ|อ\.)\s?([\u0e01-\u0e4e]+)/.exec(text);
	const p = /(?<!ส่วน)(?:จังหวัด|จ\.)\s?([\u0e01-\u0e4e]+)/.exec(text);
	return { district: d?.[1] ?? null, province: p?.[1] ?? null };
}

/**
 * The document's own LAO: the mention on the parser's title line when there is one, otherwise
 * the most frequent mention in the first 400 lines (cover, foreword, titles). The location is
 * read from the mention's line or the next two lines ("เทศบาลเมืองพิชัย\nอำเภอเมืองลำปาง จังหวัดลำปาง").
 */
export function findLaoMention(src: SourceText, titleLine?: number | null): LaoMention | null {
	const counts = new Map<string, { mention: LaoMention; count: number }>();
	const limit = Math.min(src.lines.length, 400);
	for (let i = 1; i <= limit; i++) {
		for (const m of mentionsInLine(src.lines[i - 1]!, i)) {
			const key = `${m.type}|${m.name}`;
			const entry = counts.get(key);
			if (entry) entry.count++;
			else counts.set(key, { mention: m, count: 1 });
		}
	}
	let chosen: LaoMention | null = null;
	if (titleLine) {
		const onTitle = mentionsInLine(src.lines[titleLine - 1] ?? '', titleLine);
		if (onTitle.length > 0) {
			chosen = onTitle.reduce((a, b) =>
				(counts.get(`${b.type}|${b.name}`)?.count ?? 0) >
				(counts.get(`${a.type}|${a.name}`)?.count ?? 0)
					? b
					: a
			);
		}
	}
	if (!chosen) {
		let best = 0;
		for (const { mention, count } of counts.values()) {
			if (count > best) {
				best = count;
				chosen = mention;
			}
		}
	}
	if (!chosen) return null;
	// Location: the first line at or after a mention of the chosen LAO that names a district or province.
	const key = `${chosen.type}|${chosen.name}`;
	for (let i = 1; i <= limit; i++) {
		const here = mentionsInLine(src.lines[i - 1]!, i).some((m) => `${m.type}|${m.name}` === key);
		if (!here) continue;
		for (let j = i; j <= Math.min(i + 2, src.lines.length); j++) {
			const loc = locationInLine(src.lines[j - 1]!.replace(chosen.nameAsWritten, ''));
			if (loc.district || loc.province) {
				return {
					...chosen,
					district: loc.district,
					province: chosen.province ?? loc.province
				};
			}
		}
	}
	return chosen;
}
