import type { Localized } from './format.ts';

/** Chart strings, Thai first (the app's own catalogue is src/lib/i18n/messages.ts). */
export const CHART_LABELS = {
	no_data: { th: 'ไม่มีข้อมูล', en: 'no data' },
	completion_rate: { th: 'อัตราความสำเร็จ', en: 'Completion rate' },
	done_of_reported: {
		th: 'แล้วเสร็จ {done} จาก {reported} รายการที่รายงาน',
		en: '{done} done of {reported} reported'
	},
	no_reports: { th: 'ยังไม่มีรายงาน', en: 'nothing reported' },
	planned: { th: 'งบประมาณตามแผน', en: 'Planned' },
	disbursed: { th: 'เบิกจ่าย', en: 'Disbursed' },
	baht: { th: 'บาท', en: 'baht' },
	fiscal_year_be: { th: 'ปีงบประมาณ (พ.ศ.)', en: 'Fiscal year (BE)' },
	status_share: { th: 'สัดส่วนตามสถานะ', en: 'Share by status' },
	province_map: { th: 'แผนที่จังหวัด', en: 'Province map' },
	provinces_with_data: { th: '{n} จังหวัดมีข้อมูล', en: '{n} provinces with data' },
	laos: { th: 'อปท.', en: 'LAOs' },
	planned_items: { th: 'รายการตามแผน', en: 'Items planned' },
	reported_items: { th: 'รายการที่รายงาน', en: 'Items reported' }
} satisfies Record<string, Localized>;

/** The four report statuses, in the order ONACC's report lists them. */
export const STATUSES = ['pending', 'in_progress', 'done', 'not_done'] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<Status, Localized> = {
	pending: { th: 'รอรายงาน', en: 'Pending' },
	in_progress: { th: 'อยู่ระหว่างดำเนินการ', en: 'In progress' },
	done: { th: 'ดำเนินการแล้วเสร็จ', en: 'Done' },
	not_done: { th: 'ไม่สามารถดำเนินการได้', en: 'Could not be done' }
};

/** Grey for waiting, amber for under way, green for done, red for failed. */
export const STATUS_COLORS: Record<Status, string> = {
	pending: '#b0b7bf',
	in_progress: '#f0ad3c',
	done: '#2e9d5b',
	not_done: '#d64541'
};

/** `fill('{n} จังหวัด', { n: '3' })` → '3 จังหวัด'. */
export function fill(template: string, values: Record<string, string>): string {
	return template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
}
