/** UI strings of the explore views, Thai first; merged into MESSAGES (../messages.ts). */
export const EXPLORE_MESSAGES = {
	overview_intro_crossfilter: {
		th: 'ตัวเลขจากเอกสารที่ผ่านการตรวจ (รวมที่มีข้อสังเกต) คลิกแท่งกราฟหรือจังหวัดเพื่อกรอง ลิงก์ในหน้านี้เก็บตัวกรองไว้ครบ',
		en: 'Figures from accepted documents (warnings included). Click a bar or a province to filter; the link keeps every filter.'
	},
	filters_label: { th: 'ตัวกรอง', en: 'Filters' },
	filters_none: { th: 'ทั้งหมด (ยังไม่ได้กรอง)', en: 'Everything (no filter)' },
	filters_clear: { th: 'ล้างทั้งหมด', en: 'Clear all' },
	filter_remove: { th: 'เอาออก', en: 'Remove' },
	filter_add_year: { th: '+ ปีงบประมาณ', en: '+ Fiscal year' },
	filter_add_type: { th: '+ ประเภท อปท.', en: '+ LAO type' },
	filter_add_dimension: { th: '+ มิติ', en: '+ Dimension' },
	filter_add_verdict: { th: '+ ผลตรวจเอกสาร', en: '+ Document verdict' },
	filter_add_province: { th: '+ จังหวัด', en: '+ Province' },
	filter_year: { th: 'ปีงบ {v}', en: 'FY {v} BE' },
	filter_dimension: { th: 'มิติ {v}', en: 'Dimension {v}' },
	lao_type_provincial_admin_org: { th: 'อบจ.', en: 'Provincial admin. org.' },
	lao_type_city_municipality: { th: 'เทศบาลนคร', en: 'City municipality' },
	lao_type_town_municipality: { th: 'เทศบาลเมือง', en: 'Town municipality' },
	lao_type_subdistrict_municipality: { th: 'เทศบาลตำบล', en: 'Subdistrict municipality' },
	lao_type_subdistrict_admin_org: { th: 'อบต.', en: 'Subdistrict admin. org.' },
	lao_type_special_admin_area: { th: 'เมืองพัทยา', en: 'Pattaya City' },
	lao_type_bangkok: { th: 'กรุงเทพมหานคร', en: 'Bangkok' },
	chart_by_type: { th: 'รายการตามประเภท อปท.', en: 'Items by LAO type' },
	chart_by_dimension: { th: 'รายการตามมิติ', en: 'Items by dimension' },
	chart_map_of: { th: 'แผนที่จังหวัด: {m}', en: 'Provinces: {m}' },
	chart_click_hint: {
		th: 'คลิกแท่งกราฟหรือจังหวัดเพื่อกรอง คลิกซ้ำเพื่อเอาออก',
		en: 'Click a bar or a province to filter; click again to remove'
	},
	map_metric: { th: 'ระบายสีตาม', en: 'Colour by' },
	metric_completion_rate: { th: 'อัตราดำเนินการแล้วเสร็จ (%)', en: 'Completion rate (%)' },
	metric_not_done: { th: 'รายการที่ไม่สามารถดำเนินการได้', en: 'Items not done' },
	metric_zero_budget_share: { th: 'สัดส่วนรายการไม่ใช้งบประมาณ (%)', en: 'Zero-budget share (%)' },
	metric_disbursed_ratio: { th: 'เบิกจ่าย ÷ งบตามแผน (%)', en: 'Disbursed ÷ planned (%)' },
	map_laos: { th: 'แสดงที่ตั้ง อปท.', en: 'Show LAOs' },
	map_laos_waiting: {
		th: 'ชั้นข้อมูล อปท. จะพร้อมเมื่อการกรองแบบโต้ตอบพร้อม',
		en: 'The LAO layer appears once interactive filtering is ready'
	},
	map_province_documents: { th: 'เอกสารของจังหวัด{name}', en: 'Documents of {name}' },
	engine_loading: {
		th: 'กำลังเตรียมการกรองแบบโต้ตอบ…',
		en: 'Preparing interactive filtering…'
	},
	engine_ready: {
		th: 'การกรองแบบโต้ตอบพร้อม ({plan} แถวแผน · {report} แถวรายงาน)',
		en: 'Interactive filtering ready ({plan} plan rows · {report} report rows)'
	},
	engine_failed: {
		th: 'เริ่มการกรองแบบโต้ตอบไม่ได้ ตัวกรองยังใช้ได้โดยโหลดหน้าใหม่จากเซิร์ฟเวอร์',
		en: 'Interactive filtering could not start; filters still work by reloading figures from the server'
	},
	bad_view: { th: 'ตัวกรองใน URL ไม่ถูกต้อง', en: 'Invalid filters in the URL' },
	unknown_province: { th: 'ไม่รู้จักรหัสจังหวัด', en: 'Unknown province code' }
} as const satisfies Record<string, { th: string; en: string }>;
