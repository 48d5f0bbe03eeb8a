import type { Rng } from './prng.ts';

/**
 * Spelling damage between the stages of one LAO's documents. The multi-year plan, the annual plan
 * and the report of a real LAO are typed and exported separately, so the same project comes back
 * spelt a little differently (pao-samut-songkhram plan lines 135/986 เจตนากรณี/เจตนารมณ์, 176/2067
 * ฝึกอบรม/ผูกอบรม; the Phichai and Ang Thong tables quote some names and not others). The demo
 * damages a share of the names of each annual plan and report, so that following a project by
 * name (src/lib/server/lao/follow.ts) meets what it meets in real documents.
 *
 * The damage draws from its own stream (rngFor(seed, "<code>:names:<year>:<kind>")), never from
 * the LAO's: every figure of the demo stays what it was without it.
 */
export const DAMAGE_RATE = 0.15;

const KIND = /^(โครงการ|กิจกรรม|มาตรการ)(.+)$/;

/** OCR misreadings of the kind the seeds show (letters of similar shape), as [written, read]. */
const MISREADS: ReadonlyArray<readonly [string, string]> = [
	['ฝึกอบรม', 'ผูกอบรม'],
	['เจตนารมณ์', 'เจตนากรณี'],
	['การทุจริต', 'การทุจริด']
];

export type Damage = 'quoted' | 'tone_mark' | 'double_space' | 'misread';

/** One kind of damage applied to a name, or null when the name offers nothing to damage. */
export function damageName(name: string, damage: Damage, rng: Rng): string | null {
	const m = KIND.exec(name);
	switch (damage) {
		// มาตรการ “ส่งเสริม…” (Phichai annual plan line 77): quotes after the kind word.
		case 'quoted':
			return m ? `${m[1]} “${m[2]}”` : null;
		case 'tone_mark': {
			const marks = [...name.matchAll(/[\u0e48-\u0e4b]/g)].map((x) => x.index);
			if (marks.length === 0) return null;
			const at = rng.pick(marks);
			return name.slice(0, at) + name.slice(at + 1);
		}
		// A word wrap that became two spaces after the kind word.
		case 'double_space':
			return m ? `${m[1]}  ${m[2]}` : null;
		case 'misread': {
			const hit = MISREADS.find(([written]) => name.includes(written));
			return hit ? name.replace(hit[0], hit[1]) : null;
		}
	}
}

const DAMAGES: readonly Damage[] = ['quoted', 'tone_mark', 'double_space', 'misread'];

/** About DAMAGE_RATE of the names, each with one damage that applies to it. */
export function damageNames<T extends { name: string }>(rows: readonly T[], rng: Rng): T[] {
	return rows.map((row) => {
		if (!rng.chance(DAMAGE_RATE)) return row;
		for (const damage of rng.shuffle(DAMAGES)) {
			const name = damageName(row.name, damage, rng);
			if (name !== null) return { ...row, name };
		}
		return row;
	});
}
