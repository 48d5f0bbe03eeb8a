/** UI strings of the lao views, Thai first; merged into MESSAGES (../messages.ts). */
export const LAO_MESSAGES = {
	lao_page_code: { th: 'รหัส อปท. (สถ.)', en: 'DLA code' },
	lao_page_type: { th: 'ประเภท', en: 'Type' },
	lao_page_district: { th: 'อำเภอ', en: 'District' },
	lao_page_coordinates: { th: 'พิกัด', en: 'Coordinates' },
	lao_page_type_provincial_admin_org: { th: 'องค์การบริหารส่วนจังหวัด', en: 'Provincial admin. org.' },
	lao_page_type_city_municipality: { th: 'เทศบาลนคร', en: 'City municipality' },
	lao_page_type_town_municipality: { th: 'เทศบาลเมือง', en: 'Town municipality' },
	lao_page_type_subdistrict_municipality: { th: 'เทศบาลตำบล', en: 'Subdistrict municipality' },
	lao_page_type_subdistrict_admin_org: { th: 'องค์การบริหารส่วนตำบล', en: 'Subdistrict admin. org.' },
	lao_page_type_special_admin_area: { th: 'เขตปกครองพิเศษ', en: 'Special administrative area' },
	lao_page_type_bangkok: { th: 'กรุงเทพมหานคร', en: 'Bangkok' },
	lao_page_documents: { th: 'เอกสารของ อปท. นี้', en: 'Documents of this LAO' },
	lao_page_no_documents: { th: 'ยังไม่มีเอกสารของ อปท. นี้', en: 'No documents of this LAO yet' },
	lao_page_open: { th: 'เปิด', en: 'open' },
	lao_page_years_title: { th: 'สรุปรายปีงบประมาณ', en: 'By fiscal year' },
	lao_page_years_intro: {
		th: 'เฉพาะเอกสารที่ผ่านการตรวจ (รวมที่มีข้อสังเกต)',
		en: 'Accepted documents only (warnings included)'
	},
	lao_page_fy: { th: 'ปีงบประมาณ', en: 'Fiscal year' },
	lao_page_stage_plan: { th: 'แผนหลายปี', en: 'Multi-year plan' },
	lao_page_stage_annual: { th: 'แผนประจำปี', en: 'Annual plan' },
	lao_page_stage_report: { th: 'รายงานผล', en: 'Report' },
	lao_page_items: { th: 'รายการ', en: 'items' },
	lao_page_baht: { th: 'บาท', en: 'baht' },
	lao_page_planned: { th: 'งบตามแผนหลายปี', en: 'Planned (multi-year)' },
	lao_page_annual_budget: { th: 'งบแผนประจำปี', en: 'Annual budget' },
	lao_page_disbursed: { th: 'เบิกจ่าย', en: 'Disbursed' },
	lao_page_done: { th: 'แล้วเสร็จ', en: 'Done' },
	lao_page_not_done: { th: 'ทำไม่ได้', en: 'Not done' },
	lao_page_under_way: { th: 'รอ/ระหว่างทำ', en: 'Pending / under way' },
	lao_page_no_report: { th: 'ไม่มีรายงาน', en: 'no report' },
	lao_page_no_annual: { th: 'ไม่มีแผนประจำปี', en: 'no annual plan' },
	lao_page_no_plan: { th: 'ไม่มีแผนหลายปี', en: 'no multi-year plan' },
	lao_page_follow_title: { th: 'ติดตามรายโครงการ', en: 'Follow-through, project by project' },
	lao_page_follow_intro: {
		th: 'โครงการ/กิจกรรม/มาตรการแต่ละรายการ ตามจากแผนหลายปี ไปยังแผนประจำปี และรายงานผลของปีนั้น โดยเทียบชื่อ (ทนต่อคำสะกดผิดเล็กน้อย) ตัวเลขทุกตัวคลิกไปยังบรรทัดต้นทางได้',
		en: 'Each project, activity or measure followed from the multi-year plan into the annual plan and that year’s report, matched by name (small spelling damage tolerated). Every number links to the line it came from.'
	},
	lao_page_follow_empty: {
		th: 'ไม่มีรายการจากเอกสารที่ผ่านการตรวจ',
		en: 'No items from accepted documents'
	},
	lao_page_col_name: { th: 'โครงการ/กิจกรรม/มาตรการ', en: 'Project / activity / measure' },
	lao_page_not_in_plan: { th: 'ไม่อยู่ในแผนหลายปี', en: 'not in the multi-year plan' },
	lao_page_not_in_annual: { th: 'ไม่พบในแผนประจำปี', en: 'not in the annual plan' },
	lao_page_not_reported: { th: 'ไม่มีในรายงาน', en: 'not reported' },
	lao_page_never_planned: { th: 'ไม่เคยอยู่ในแผน', en: 'never planned' },
	lao_page_similarity: { th: 'ความคล้ายของชื่อ', en: 'name similarity' },
	lao_page_written_as: { th: 'เขียนว่า', en: 'written as' },
	lao_page_unassigned: {
		th: 'ระบุแยกรายการไม่ได้',
		en: 'not assignable to this item alone'
	},
	lao_page_matched: { th: 'จับคู่ได้', en: 'matched' },
	lao_page_bad_code: {
		th: 'รหัส อปท. ไม่ถูกต้อง: ต้องเป็นตัวเลข 7 หลัก เช่น 4520106',
		en: 'Malformed LAO code: seven digits expected, e.g. 4520106'
	},
	lao_page_not_found: {
		th: 'ไม่พบ อปท. รหัสนี้ในทะเบียน หรืออยู่นอกขอบเขตที่คุณเข้าถึงได้',
		en: 'No LAO with this code in the register, or outside what you may see'
	},
	lao_page_back_home: { th: '← ภาพรวม', en: '← Overview' }
} as const satisfies Record<string, { th: string; en: string }>;
