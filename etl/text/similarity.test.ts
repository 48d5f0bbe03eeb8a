import { describe, expect, it } from 'vitest';
import {
	diceCoefficient,
	MATCH_THRESHOLD,
	nameSimilarity,
	uniqueBestMatches
} from './similarity.ts';

describe('diceCoefficient', () => {
	it('is 1 for equal strings, 0 for nothing shared, and counts repeated bigrams once each', () => {
		expect(diceCoefficient('abc', 'abc')).toBe(1);
		expect(diceCoefficient('ab', 'cd')).toBe(0);
		expect(diceCoefficient('', 'a')).toBe(0);
		// aa aa aa vs aa: one shared of 3 + 1
		expect(diceCoefficient('aaaa', 'aa')).toBe(0.5);
		expect(diceCoefficient('night', 'nacht')).toBe(0.25);
	});
});

describe('nameSimilarity (on nameKey, leading kind word dropped)', () => {
	it('sees through quotes, spaces and a repeated label word', () => {
		expect(
			nameSimilarity('กิจกรรมวิเคราะห์ผลการจัดซื้อจัดจ้างประจำปี', 'กิจกรรม “วิเคราะห์ผลการจัดซื้อจัดจ้างประจำปี”')
		).toBe(1);
		expect(
			nameSimilarity('มาตรการออกคำสั่งมอบหมายของ องค์การ', 'โครงการ มาตรการออกคำสั่งมอบหมายขององค์การ')
		).toBe(1);
	});

	it('scores the seed pairs on either side of the threshold', () => {
		// plan lines 135 / 986–987: เจตนากรณี / เจตนารมณ์, ผู้อำนวยการ / ผู้บริหารองค์การ — same measure.
		const p2 =
			'มาตรการแสดงเจตนากรณีในการนำหลักคุณธรรมมาใช้ในการบริหารงานของผู้อำนวยการบริหารส่วนจังหวัดสมุทรสงครามด้วยการจัดทำแผนปฏิบัติการป้องกันการทุจริตเพื่อยกระดับคุณธรรมและความโปร่งใส';
		const p3 =
			'มาตรการแสดงเจตนารมณ์ในการนำหลักคุณธรรมมาใช้ในการบริหารงานของผู้บริหารองค์การบริหารส่วนจังหวัดสมุทรสงครามด้วยการจัดทำแผนปฏิบัติการป้องกันการทุจริต เพื่อยกระดับคุณธรรมและความโปร่งใส';
		expect(nameSimilarity(p2, p3)).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
		// lines 176 / 2067: OCR "ผูกอบรม" and a name cut short — 0.825, left for a reader.
		expect(
			nameSimilarity(
				'โครงการฝึกอบรม ประชุม สัมมนาฯ ของประธานสภาฯ รองประธานสภาฯ และสมาชิกสภาองค์การบริหารส่วนจังหวัด',
				'โครงการ ผูกอบรม ประชุม สัมมนาฯ ของประธานสภา รองประธานสภา และสมาชิกสภาองค์การ'
			)
		).toBeCloseTo(0.825, 3);
		// Two projects sharing their first words are not the same project.
		expect(
			nameSimilarity(
				'โครงการเสริมสร้างความโปร่งใสในการบริหารงบประมาณ',
				'โครงการเสริมสร้างความโปร่งใสในการใช้ทรัพย์สินของทางราชการ'
			)
		).toBeLessThan(MATCH_THRESHOLD);
	});
});

describe('uniqueBestMatches', () => {
	it('pairs mutual best matches and leaves ties and weak candidates alone', () => {
		const left = ['โครงการอบรมวินัย', 'มาตรการ NO Gift Policy', 'กิจกรรมเดียวกัน', 'โครงการอื่นทั้งหมด'];
		const right = ['มาตรการ No Gift Policy', 'โครงการอบรมวินัย', 'กิจกรรมเดียวกัน', 'กิจกรรม “เดียวกัน”'];
		expect(uniqueBestMatches(left, right).map((m) => [m.left, m.right, m.score])).toEqual([
			[0, 1, 1],
			[1, 0, 1]
		]);
	});

	it('honours the allowed() filter', () => {
		expect(uniqueBestMatches(['โครงการก'], ['โครงการก'], 0.85, () => false)).toEqual([]);
	});
});

describe('uniqueBestMatches at scale', () => {
	it('scores each column once: 20,000 copies of one name against three pages stay linear', () => {
		// Each copy pointed at the same page and rescanned its 20,000-row column: 4·10⁸ reads,
		// tens of seconds (tests/fuzz/regressions.test.ts); now about 20 ms.
		const left = new Array<string>(20_000).fill('โครงการอบรมคุณธรรมจริยธรรม');
		const right = ['โครงการอบรมคุณธรรมจริยธรรม', 'มาตรการจัดการเรื่องร้องเรียน', 'กิจกรรมประชาคม'];
		const start = performance.now();
		const matches = uniqueBestMatches(left, right);
		const ms = performance.now() - start;
		// Every copy ties with every other for page 0, so none is matched.
		expect([matches, ms < 2000]).toEqual([[], true]);
		const one = uniqueBestMatches([...left.slice(0, 1), 'กิจกรรมประชาคม'], right);
		expect(one.map((m) => [m.left, m.right])).toEqual([
			[0, 0],
			[1, 2]
		]);
	});
});
