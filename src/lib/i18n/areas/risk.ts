/** UI strings of the risk views, Thai first; merged into MESSAGES (../messages.ts). */
export const RISK_MESSAGES = {
	nav_risk: { th: 'สัญญาณความเสี่ยง', en: 'Risk signals' },
	risk_title: {
		th: 'จัดลำดับสัญญาณความเสี่ยงของ อปท.',
		en: 'Risk signals: LAOs ranked against their peers'
	},
	risk_not_proof: {
		th: 'คะแนนนี้เป็นสัญญาณให้ตรวจสอบเพิ่มเติม ไม่ใช่หลักฐานการทุจริต คะแนนสูงหมายความว่าตัวชี้วัดของ อปท. นี้สูงกว่า อปท. ประเภทเดียวกันส่วนใหญ่ ซึ่งอาจมีเหตุผลที่ชอบธรรม ต้องอ่านเอกสารต้นทางก่อนสรุปใด ๆ',
		en: 'A high score is a reason to look closer, not proof of wrongdoing. It means this LAO’s indicators are higher than most LAOs of the same type, which may have legitimate reasons: read the source documents before concluding anything.'
	},
	risk_how: {
		th: 'คะแนนคำนวณจากตัวชี้วัด ๕ ตัว แต่ละตัวเป็นสัดส่วนระหว่าง ๐ ถึง ๑ (แสดงตัวตั้ง/ตัวหาร) แล้วแปลงเป็นเปอร์เซ็นไทล์เทียบกับ “กลุ่มเทียบ” คือ อปท. ประเภทเดียวกันที่แสดงอยู่ภายใต้ตัวกรองปัจจุบัน (ค่าต่ำสุด ๐ สูงสุด ๑ ค่าเท่ากันได้อันดับเฉลี่ย) คะแนน = ค่าเฉลี่ยของเปอร์เซ็นไทล์ที่มีข้อมูล × ๑๐๐ ตัวชี้วัดที่ไม่มีข้อมูลไม่นับ (ไม่ใช่ศูนย์) อปท. ที่มีตัวชี้วัดน้อยกว่า ๒ ตัว หรือกลุ่มเทียบน้อยกว่า ๕ แห่ง จะไม่ถูกจัดลำดับ',
		en: 'The score combines five indicators, each a share between 0 and 1 (numerator/denominator shown). Each is turned into a percentile among the PEERS: LAOs of the same type shown under the current filters (lowest 0, highest 1, ties share their mean rank). Score = mean of the available percentiles × 100; an indicator without data is left out, not counted as zero. LAOs with fewer than 2 indicators or fewer than 5 peers are not ranked.'
	},
	risk_c_not_done_share: { th: 'ไม่สามารถดำเนินการได้', en: 'Not done' },
	risk_c_zero_budget_share: { th: 'รายการงบประมาณ ๐ บาท', en: 'Zero-budget items' },
	risk_c_disbursement_gap: { th: 'ส่วนต่างการเบิกจ่าย', en: 'Disbursement gap' },
	risk_c_missing_reports: { th: 'ปีที่ไม่มีรายงานผล', en: 'Missing reports' },
	risk_c_failing_documents: { th: 'เอกสารยอดรวมไม่ตรง', en: 'Failing documents' },
	risk_d_not_done_share: {
		th: 'รายการที่รายงานว่า “ไม่สามารถดำเนินการได้” / รายการที่รายงานทั้งหมด',
		en: 'report items “not done” / reported items'
	},
	risk_d_zero_budget_share: {
		th: 'รายการในแผนประจำปีที่ระบุงบประมาณ ๐ บาท (“-”, ไม่ใช้งบประมาณ) / รายการในแผนประจำปี',
		en: 'annual-plan items with an explicit 0 budget (“-”, ไม่ใช้งบประมาณ) / annual-plan items'
	},
	risk_d_disbursement_gap: {
		th: '๑ − เบิกจ่าย / งบประมาณ ของรายการในรายงานที่มีงบประมาณ (บาท)',
		en: '1 − disbursed / budget over report items with a budget (baht)'
	},
	risk_d_missing_reports: {
		th: 'ปีงบประมาณที่มีแผนประจำปีแต่ไม่มีรายงานผล / ปีงบประมาณที่มีแผนประจำปี (ยังประเมิน “รายงานล่าช้า” ไม่ได้: วันที่ “ข้อมูล ณ วันที่” คือวันที่พิมพ์ข้อมูลจาก E-PlanNACC ไม่ใช่วันที่ อปท. ส่งรายงาน)',
		en: 'fiscal years with an annual plan but no progress report / fiscal years with an annual plan (“late” cannot be judged: the “as of” date is when the data was printed from E-PlanNACC, not when the LAO submitted)'
	},
	risk_d_failing_documents: {
		th: 'เอกสารที่ยอดรวมไม่ตรงกับที่ประกาศเอง (ถูกกักกัน หรือมีการตรวจไม่ผ่าน) / เอกสารทั้งหมดของ อปท. (ไม่ขึ้นกับตัวกรองมิติและผลตรวจ)',
		en: 'documents that failed their own totals (quarantined, or a failed check) / all the LAO’s documents (not narrowed by the dimension or verdict filters)'
	},
	risk_col_rank: { th: 'อันดับ', en: 'Rank' },
	risk_col_type: { th: 'ประเภท', en: 'Type' },
	risk_col_score: { th: 'คะแนน', en: 'Score' },
	risk_col_peers: { th: 'กลุ่มเทียบ', en: 'Peers' },
	risk_insufficient: { th: 'ข้อมูลไม่พอ', en: 'insufficient data' },
	risk_reason_few_components: {
		th: 'มีตัวชี้วัดน้อยกว่า ๒ ตัว',
		en: 'fewer than 2 indicators'
	},
	risk_reason_small_peer_group: {
		th: 'กลุ่มเทียบน้อยกว่า ๕ แห่ง',
		en: 'fewer than 5 peers'
	},
	risk_percentile: { th: 'เปอร์เซ็นไทล์', en: 'percentile' },
	risk_no_data: { th: 'ไม่มีข้อมูล', en: 'no data' },
	risk_breakdown: { th: 'รายละเอียด', en: 'Breakdown' },
	risk_missing_years: { th: 'ปีที่ไม่มีรายงานผล', en: 'Years without a report' },
	risk_failing_docs: { th: 'เปิดเอกสารที่ไม่ผ่าน', en: 'Open the failing documents' },
	risk_filter_all: { th: 'ทั้งหมด', en: 'All' },
	risk_filter_type: { th: 'ประเภท อปท.', en: 'LAO type' },
	risk_filter_province: { th: 'จังหวัด', en: 'Province' },
	risk_filter_year: { th: 'ปีงบประมาณ', en: 'Fiscal year' },
	risk_filter_dims: { th: 'มิติ', en: 'Dimensions' },
	risk_filter_verdict: { th: 'ผลตรวจ', en: 'Verdict' },
	risk_rejected: {
		th: 'ค่าที่ไม่รู้จักในลิงก์ถูกละไว้:',
		en: 'Values in the link that were not understood were ignored:'
	},
	risk_none: {
		th: 'ไม่มี อปท. ที่มีข้อมูลภายใต้ตัวกรองนี้',
		en: 'No LAO has data under these filters'
	},
	risk_summary: {
		th: 'อปท. ที่มีข้อมูล {n} แห่ง จัดลำดับได้ {ranked} แห่ง',
		en: '{n} LAOs with data, {ranked} ranked'
	},
	risk_page: { th: 'หน้า {page} จาก {pages}', en: 'Page {page} of {pages}' },
	risk_prev: { th: '← ก่อนหน้า', en: '← Previous' },
	risk_next: { th: 'ถัดไป →', en: 'Next →' },
	risk_type_provincial_admin_org: { th: 'อบจ.', en: 'Provincial admin. org.' },
	risk_type_city_municipality: { th: 'เทศบาลนคร', en: 'City municipality' },
	risk_type_town_municipality: { th: 'เทศบาลเมือง', en: 'Town municipality' },
	risk_type_subdistrict_municipality: { th: 'เทศบาลตำบล', en: 'Subdistrict municipality' },
	risk_type_subdistrict_admin_org: { th: 'อบต.', en: 'Subdistrict admin. org.' },
	risk_type_special_admin_area: { th: 'เมืองพัทยา', en: 'Pattaya' },
	risk_type_bangkok: { th: 'กรุงเทพมหานคร', en: 'Bangkok' }
} as const satisfies Record<string, { th: string; en: string }>;
