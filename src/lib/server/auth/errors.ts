/**
 * Every refusal the account code returns, with a stable code and a Thai + English message. These
 * are expected failures (a weak password, a name already taken), returned as values for the CLI
 * and the admin page to show; bugs still throw.
 */
export const AUTH_ERRORS = {
	username_invalid: {
		th: 'ชื่อผู้ใช้ต้องยาว 3–64 ตัว ขึ้นต้นด้วย a–z หรือ 0–9 และมีได้เฉพาะ a–z 0–9 . _ -',
		en: 'a username is 3–64 characters: a–z or 0–9 first, then a–z 0–9 . _ -'
	},
	username_taken: { th: 'มีชื่อผู้ใช้นี้แล้ว', en: 'that username is taken' },
	unknown_user: { th: 'ไม่พบผู้ใช้', en: 'no such user' },
	role_invalid: {
		th: 'บทบาทต้องเป็น admin, analyst หรือ province_officer',
		en: 'the role must be admin, analyst or province_officer'
	},
	view_as_role_invalid: {
		th: 'มุมมองต้องเป็น analyst, province_officer หรือ public',
		en: 'view as must be analyst, province_officer or public'
	},
	password_too_short: {
		th: 'รหัสผ่านต้องยาวอย่างน้อย 8 ตัวอักษร',
		en: 'the password must be at least 8 characters'
	},
	password_too_long: {
		th: 'รหัสผ่านยาวได้ไม่เกิน 256 ตัวอักษร',
		en: 'the password must be at most 256 characters'
	},
	provinces_required: {
		th: 'เจ้าหน้าที่จังหวัดต้องมีอย่างน้อยหนึ่งจังหวัด',
		en: 'a province officer needs at least one province'
	},
	provinces_not_allowed: {
		th: 'บทบาทนี้ไม่ผูกกับจังหวัด',
		en: 'this role has no provinces'
	},
	unknown_province: { th: 'ไม่พบรหัสจังหวัด', en: 'unknown province code' },
	last_admin: {
		th: 'ต้องเหลือผู้ดูแลระบบที่ใช้งานได้อย่างน้อยหนึ่งคน',
		en: 'at least one enabled admin must remain'
	},
	unknown_session: { th: 'ไม่พบเซสชัน', en: 'no such session' },
	not_admin: {
		th: 'เฉพาะผู้ดูแลระบบเท่านั้นที่ดูในมุมมองของผู้อื่นได้',
		en: 'only an admin may view as another role'
	}
} as const satisfies Record<string, { th: string; en: string }>;

export type AuthErrorCode = keyof typeof AUTH_ERRORS;

/** What went wrong: a stable code, and the message in Thai then English, and each alone. */
export interface AuthError<C extends AuthErrorCode = AuthErrorCode> {
	code: C;
	/** 'ไม่พบผู้ใช้: nobody / no such user: nobody' */
	message: string;
	th: string;
	en: string;
}

/** An expected failure, as account operations and setViewAs return it. */
export interface Refusal<C extends AuthErrorCode = AuthErrorCode> {
	ok: false;
	error: AuthError<C>;
}

/** `authError('unknown_province', '99')` → en 'unknown province code: 99'. */
export function authError<C extends AuthErrorCode>(code: C, detail?: string): AuthError<C> {
	const tail = detail === undefined ? '' : `: ${detail}`;
	const th = `${AUTH_ERRORS[code].th}${tail}`;
	const en = `${AUTH_ERRORS[code].en}${tail}`;
	return { code, message: `${th} / ${en}`, th, en };
}

export function refuse<C extends AuthErrorCode>(code: C, detail?: string): Refusal<C> {
	return { ok: false, error: authError(code, detail) };
}
