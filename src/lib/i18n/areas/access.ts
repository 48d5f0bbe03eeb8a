/** UI strings of signing in, accounts and "view as", Thai first; merged into MESSAGES. */
export const ACCESS_MESSAGES = {
	login_title: { th: 'เข้าสู่ระบบ', en: 'Sign in' },
	login_intro: {
		th: 'สำหรับเจ้าหน้าที่สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด และเจ้าหน้าที่ ป.ป.ช. ประชาชนและสื่อมวลชนดูข้อมูลที่เผยแพร่แล้วได้โดยไม่ต้องเข้าสู่ระบบ',
		en: 'For provincial local-administration officers and ONACC staff. The public and journalists can read published releases without signing in.'
	},
	login_username: { th: 'ชื่อผู้ใช้', en: 'Username' },
	login_password: { th: 'รหัสผ่าน', en: 'Password' },
	login_submit: { th: 'เข้าสู่ระบบ', en: 'Sign in' },
	login_invalid: {
		th: 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง',
		en: 'Wrong username or password'
	},
	login_throttled: {
		th: 'พยายามเข้าสู่ระบบหลายครั้งเกินไป กรุณาลองใหม่ภายหลัง',
		en: 'Too many attempts; try again later'
	},
	login_public_link: { th: 'ดูข้อมูลที่เผยแพร่แล้ว', en: 'Read the published releases' },
	logout: { th: 'ออกจากระบบ', en: 'Sign out' },
	nav_releases: { th: 'ข้อมูลเผยแพร่', en: 'Releases' },
	nav_publish: { th: 'เผยแพร่', en: 'Publish' },
	nav_admin: { th: 'ผู้ใช้', en: 'Users' },
	nav_view_as: { th: 'ดูในฐานะ', en: 'View as' },
	role_admin: { th: 'ผู้ดูแลระบบ', en: 'Administrator' },
	role_analyst: { th: 'เจ้าหน้าที่ ป.ป.ช. (ทั้งประเทศ)', en: 'ONACC analyst (national)' },
	role_province_officer: { th: 'เจ้าหน้าที่ สถ.จ. (รายจังหวัด)', en: 'Provincial officer' },
	role_public: { th: 'ประชาชนทั่วไป', en: 'The public' },
	view_as_banner: { th: 'กำลังดูในฐานะ', en: 'Viewing as' },
	view_as_stop: { th: 'กลับเป็นผู้ดูแลระบบ', en: 'Back to administrator' },
	view_as_title: { th: 'ดูในฐานะบทบาทอื่น', en: 'View as another role' },
	view_as_intro: {
		th: 'ผู้ดูแลระบบเห็นหน้าทุกหน้าเหมือนบทบาทและจังหวัดที่เลือก เพื่อตรวจสอบด้วยตาว่าข้อมูลไม่รั่วข้ามจังหวัด ระหว่างนั้นจะมีแถบแจ้งเตือนด้านบนทุกหน้า',
		en: 'See every page exactly as the chosen role and provinces would, to check by eye that nothing crosses a province line. A banner stays on every page meanwhile.'
	},
	view_as_start: { th: 'เริ่มดูในฐานะนี้', en: 'Start viewing as' },
	provinces_label: { th: 'จังหวัด', en: 'Provinces' },
	role_label: { th: 'บทบาท', en: 'Role' },
	users_title: { th: 'บัญชีผู้ใช้', en: 'User accounts' },
	users_add: { th: 'เพิ่มผู้ใช้', en: 'Add a user' },
	users_display_name: { th: 'ชื่อที่แสดง', en: 'Display name' },
	users_disabled: { th: 'ระงับแล้ว', en: 'disabled' },
	users_disable: { th: 'ระงับบัญชี', en: 'Disable' },
	users_enable: { th: 'เปิดใช้บัญชี', en: 'Enable' },
	users_set_provinces: { th: 'กำหนดจังหวัด', en: 'Set provinces' },
	users_set_password: { th: 'ตั้งรหัสผ่านใหม่', en: 'Set password' },
	users_set_role: { th: 'เปลี่ยนบทบาท', en: 'Change role' },
	users_created: { th: 'สร้างเมื่อ', en: 'Created' },
	users_done: { th: 'บันทึกแล้ว', en: 'Saved' },
	signed_in_as: { th: 'เข้าสู่ระบบในชื่อ', en: 'Signed in as' }
} as const;
