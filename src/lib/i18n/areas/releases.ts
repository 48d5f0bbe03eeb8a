/** UI strings of the public release pages and of /publish, Thai first; merged into MESSAGES. */
export const RELEASES_MESSAGES = {
	release_title: { th: 'ข้อมูลเผยแพร่ ฉบับที่ {v}', en: 'Public release {v}' },
	release_intro: {
		th: 'ตัวเลขรวมจากแผนและรายงานผลของ อปท. ที่ผ่านการตรวจ เผยแพร่โดยผู้วิเคราะห์ ฉบับนี้ไม่เปลี่ยนแปลง เอกสารที่นำเข้าภายหลังจะอยู่ในฉบับถัดไป',
		en: 'Aggregates of the LAOs’ plans and progress reports that passed their checks, published by an analyst. This release never changes; documents ingested later go into the next one.'
	},
	release_published_at: { th: 'เผยแพร่เมื่อ {date}', en: 'Published {date}' },
	release_from_documents: {
		th: 'คำนวณจากเอกสาร {n} ฉบับ',
		en: 'Computed from {n} documents'
	},
	release_note: { th: 'หมายเหตุจากผู้เผยแพร่', en: 'Note from the publisher' },
	release_all: { th: 'ข้อมูลเผยแพร่ทุกฉบับ', en: 'All releases' },
	release_latest: { th: 'ฉบับล่าสุด', en: 'latest' },
	release_older: {
		th: 'ฉบับนี้ไม่ใช่ฉบับล่าสุด: ดูฉบับที่ {v}',
		en: 'This is not the latest release: see release {v}'
	},
	release_none_title: { th: 'ยังไม่มีข้อมูลเผยแพร่', en: 'Nothing published yet' },
	release_none_body: {
		th: 'เมื่อผู้วิเคราะห์เผยแพร่ข้อมูลฉบับแรก ตัวเลขรวมจะปรากฏที่หน้านี้',
		en: 'When an analyst publishes the first release, its figures will appear on this page.'
	},
	release_not_found: { th: 'ไม่พบข้อมูลเผยแพร่ฉบับนี้', en: 'No such release' },
	release_bad_version: {
		th: 'เลขฉบับต้องเป็นจำนวนเต็มตั้งแต่ 1',
		en: 'A release version is a whole number from 1'
	},
	release_back: { th: '← ข้อมูลเผยแพร่ทุกฉบับ', en: '← All releases' },
	release_filters: { th: 'กรองข้อมูล', en: 'Filter' },
	release_any_province: { th: 'ทุกจังหวัด', en: 'All provinces' },
	release_any_type: { th: 'ทุกประเภท อปท.', en: 'All LAO types' },
	release_any_dimension: { th: 'ทุกมิติ', en: 'All dimensions' },
	release_several: { th: 'หลายค่า ({n})', en: 'Several ({n})' },
	release_filter_show: { th: 'แสดง', en: 'Show' },
	release_engine_server: {
		th: 'ตัวเลขจากเซิร์ฟเวอร์ เมื่อเปลี่ยนตัวกรอง หน้านี้จะโหลดการกรองในเบราว์เซอร์',
		en: 'Figures from the server; changing a filter loads in-browser filtering'
	},
	release_engine_ready: {
		th: 'การกรองในเบราว์เซอร์พร้อม ({rows} แถว)',
		en: 'In-browser filtering ready ({rows} rows)'
	},
	release_laos_no_dimension: {
		th: 'จำนวน อปท. นับตามแผนประจำปีและรายงานผล ไม่ขึ้นกับตัวกรองมิติ',
		en: 'LAO counts follow annual plans and reports; the dimension filter does not narrow them'
	},
	release_laos_title: {
		th: 'อปท. ที่มีแผนประจำปีและรายงานผล',
		en: 'LAOs with annual plans and reports'
	},
	release_laos_pick: {
		th: 'เลือกจังหวัดเพื่อดูรายชื่อ อปท.',
		en: 'Pick a province to list its LAOs'
	},
	release_plan_years: { th: 'แผนประจำปี (ปีงบ)', en: 'Annual plan (FY)' },
	release_report_years: { th: 'รายงานผล (ปีงบ)', en: 'Progress report (FY)' },
	release_documents_title: { th: 'เอกสารที่ใช้คำนวณ', en: 'Documents this release was computed from' },
	release_documents_counts: {
		th: 'ทั้งหมด {total} ฉบับ: แผนประจำปี {annual} · รายงานผล {reports} · แผนหลายปี {plans}',
		en: '{total} in all: {annual} annual plans · {reports} progress reports · {plans} multi-year plans'
	},
	release_documents_synthetic: {
		th: 'ในจำนวนนี้เป็นข้อมูลสาธิต {n} ฉบับ',
		en: '{n} of them are synthetic demo data'
	},
	release_documents_pick: {
		th: 'เลือกจังหวัดเพื่อดูเอกสารทั้งหมดของจังหวัดนั้น',
		en: 'Pick a province to list all of its documents'
	},
	release_showing: { th: 'แสดง {shown} จาก {total} รายการ', en: 'Showing {shown} of {total}' },
	release_col_sha: { th: 'SHA-256 (12 ตัวแรก)', en: 'SHA-256 (first 12)' },
	release_col_version: { th: 'ฉบับที่', en: 'Release' },
	release_col_published: { th: 'เผยแพร่เมื่อ', en: 'Published' },
	release_col_documents: { th: 'เอกสาร', en: 'Documents' },
	release_col_note: { th: 'หมายเหตุ', en: 'Note' },
	release_list_intro: {
		th: 'ทุกฉบับที่เคยเผยแพร่ แต่ละฉบับไม่เปลี่ยนแปลงหลังเผยแพร่',
		en: 'Every release ever published; none changes after it is published.'
	},
	release_unknown_province: { th: 'ไม่ทราบจังหวัด', en: 'Province unknown' },
	publish_title: { th: 'เผยแพร่ข้อมูลฉบับใหม่', en: 'Publish a new release' },
	publish_intro: {
		th: 'สำเนาตัวเลขรวมจากเอกสารที่ผ่านการตรวจ ณ ตอนนี้ ให้สาธารณะเห็นที่หน้าแรก ฉบับที่เผยแพร่แล้วแก้ไขหรือลบไม่ได้',
		en: 'Copies the aggregates of every accepted document as they are now for the public home page. A published release cannot be changed or removed.'
	},
	publish_latest: {
		th: 'ฉบับล่าสุด: ฉบับที่ {v} เผยแพร่เมื่อ {date}',
		en: 'Latest: release {v}, published {date}'
	},
	publish_none_yet: { th: 'ยังไม่เคยเผยแพร่', en: 'Nothing has been published yet' },
	publish_next: {
		th: 'จะเผยแพร่เป็นฉบับที่ {v} จากเอกสาร {n} ฉบับ',
		en: 'Will be published as release {v}, from {n} documents'
	},
	publish_unchanged: {
		th: 'ไม่มีตัวเลขหรือเอกสารใดเปลี่ยนจากฉบับล่าสุด (ยังเผยแพร่ได้ เช่น เพื่อหมายเหตุใหม่)',
		en: 'No figure or document differs from the latest release (you may still publish, e.g. for a new note)'
	},
	publish_added: { th: 'เอกสารที่จะเพิ่ม ({n})', en: 'Documents added ({n})' },
	publish_removed: {
		th: 'เอกสารในฉบับล่าสุดที่จะไม่อยู่ในฉบับใหม่: {n}',
		en: 'Documents of the latest release not in the new one: {n}'
	},
	publish_provinces: { th: 'จังหวัดที่ตัวเลขเปลี่ยน', en: 'Provinces whose figures change' },
	publish_before: { th: 'ฉบับล่าสุด', en: 'Latest release' },
	publish_after: { th: 'ฉบับใหม่', en: 'New release' },
	publish_total: { th: 'ทั้งประเทศ', en: 'Whole country' },
	publish_note: {
		th: 'หมายเหตุถึงผู้อ่าน (ข้อความธรรมดา ไม่เกิน {max} ตัวอักษร)',
		en: 'Note to readers (plain text, at most {max} characters)'
	},
	publish_button: { th: 'เผยแพร่ฉบับที่ {v}', en: 'Publish release {v}' },
	publish_done: { th: 'เผยแพร่ฉบับที่ {v} แล้ว', en: 'Release {v} published' },
	publish_view: { th: 'ดูหน้าสาธารณะ', en: 'See the public page' },
	publish_error_too_long: {
		th: 'หมายเหตุยาว {n} ตัวอักษร เกินกำหนด {max}',
		en: 'The note is {n} characters long; at most {max}'
	},
	publish_error_control_characters: {
		th: 'หมายเหตุมีอักขระควบคุมที่มองไม่เห็น',
		en: 'The note holds invisible control characters'
	},
	publish_error_not_text: { th: 'หมายเหตุต้องเป็นข้อความ', en: 'The note must be text' },
	publish_error_stale: {
		th: 'มีการเผยแพร่ฉบับใหม่ระหว่างนี้ โปรดตรวจตัวอย่างอีกครั้ง',
		en: 'A release was published meanwhile: check the preview again'
	},
	publish_forbidden: {
		th: 'เฉพาะผู้วิเคราะห์ระดับประเทศเผยแพร่ข้อมูลได้',
		en: 'Only national analysts may publish'
	}
} as const satisfies Record<string, { th: string; en: string }>;
