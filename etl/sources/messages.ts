import type { SourceFailure, SourceSkip } from './types.ts';

/**
 * The sources' issue catalogue: every message a source can produce, with its stable `code`, an
 * English and a Thai template, and whether retrying may help. Several messages may share a code
 * (`too_large` for a file and for a download); the code is the contract, the text is not.
 * `{name}` is replaced by the parameter of that name.
 */
export const SOURCE_MESSAGES = {
	// Skipped: seen, deliberately not read.
	unsupported_type: {
		code: 'unsupported_type',
		en: 'unsupported file type {ext}: convert to text first',
		th: 'ไม่รองรับไฟล์ชนิด {ext}: แปลงเป็นไฟล์ข้อความก่อน'
	},
	name_not_utf8: {
		code: 'name_not_utf8',
		en: 'the name is not UTF-8 (a TIS-620 name from a Thai Windows zip?): rename it to read it',
		th: 'ชื่อไม่ใช่ UTF-8 (อาจเป็นชื่อ TIS-620 จากไฟล์ zip ของ Windows ภาษาไทย): เปลี่ยนชื่อก่อนจึงจะอ่านได้'
	},
	hidden: { code: 'hidden', en: 'hidden file or folder', th: 'ไฟล์หรือโฟลเดอร์ที่ซ่อนไว้' },
	outside_root: {
		code: 'outside_root',
		en: 'symbolic link points outside the source folder',
		th: 'ลิงก์สัญลักษณ์ชี้ออกนอกโฟลเดอร์ต้นทาง'
	},
	symlink_loop: {
		code: 'symlink_loop',
		en: 'symbolic link loops back on itself',
		th: 'ลิงก์สัญลักษณ์วนกลับมาที่เดิม'
	},
	broken_link: {
		code: 'broken_link',
		en: 'symbolic link points to nothing',
		th: 'ลิงก์สัญลักษณ์ชี้ไปยังสิ่งที่ไม่มีอยู่'
	},
	not_regular_file: {
		code: 'not_regular_file',
		en: 'not a regular file ({what})',
		th: 'ไม่ใช่ไฟล์ปกติ ({what})'
	},
	too_large_file: {
		code: 'too_large',
		en: 'file is {size}, over the {limit} cap',
		th: 'ไฟล์มีขนาด {size} เกินขีดจำกัด {limit}'
	},
	too_deep: {
		code: 'too_deep',
		en: 'nested more than {limit} folders deep',
		th: 'อยู่ลึกเกิน {limit} ชั้นของโฟลเดอร์'
	},
	duplicate_file: { code: 'duplicate', en: 'same file as {other}', th: 'เป็นไฟล์เดียวกับ {other}' },
	duplicate_folder: {
		code: 'duplicate',
		en: 'same folder as {other}',
		th: 'เป็นโฟลเดอร์เดียวกับ {other}'
	},
	duplicate_url: {
		code: 'duplicate',
		en: 'the manifest already lists this URL on line {other}',
		th: 'บัญชีรายการมี URL นี้แล้วที่บรรทัด {other}'
	},

	// Failed: should have been a document.
	read_failed: { code: 'read_failed', en: 'cannot read: {detail}', th: 'อ่านไม่ได้: {detail}' },
	changed_while_reading: {
		code: 'read_failed',
		retryable: true,
		en: 'the file changed between listing and reading',
		th: 'ไฟล์เปลี่ยนไประหว่างการสำรวจโฟลเดอร์กับการอ่าน'
	},
	manifest_row: {
		code: 'manifest_row',
		en: 'manifest line {line}: {detail}',
		th: 'บัญชีรายการบรรทัด {line}: {detailTh}'
	},
	invalid_url: { code: 'invalid_url', en: 'not a URL: {url}', th: 'ไม่ใช่ URL: {url}' },
	scheme_refused: {
		code: 'scheme_refused',
		en: 'refused {url}: only http and https are fetched',
		th: 'ปฏิเสธ {url}: ดาวน์โหลดได้เฉพาะ http และ https'
	},
	redirect_scheme_refused: {
		code: 'scheme_refused',
		en: 'refused the redirect from {url} to {target}: only http and https are fetched',
		th: 'ปฏิเสธการเปลี่ยนเส้นทางจาก {url} ไปยัง {target}: ดาวน์โหลดได้เฉพาะ http และ https'
	},
	credentials_refused: {
		code: 'credentials_refused',
		en: 'refused {url}: a URL with a user name or password is not fetched',
		th: 'ปฏิเสธ {url}: ไม่ดาวน์โหลด URL ที่มีชื่อผู้ใช้หรือรหัสผ่าน'
	},
	port_refused: {
		code: 'port_refused',
		en: 'refused {url}: port {port} belongs to another protocol',
		th: 'ปฏิเสธ {url}: พอร์ต {port} เป็นของโปรโตคอลอื่น'
	},
	address_refused: {
		code: 'address_refused',
		en: 'refused {url}: {address} is a {range} address',
		th: 'ปฏิเสธ {url}: {address} เป็นที่อยู่{rangeTh} ซึ่งไม่อนุญาตให้เชื่อมต่อ'
	},
	timeout: {
		code: 'timeout',
		retryable: true,
		en: 'no complete answer from {url} within {ms} ms',
		th: 'ไม่ได้รับคำตอบครบถ้วนจาก {url} ภายใน {ms} มิลลิวินาที'
	},
	connection_failed: {
		code: 'connection_failed',
		retryable: true,
		en: 'cannot connect to {url}: {detail}',
		th: 'เชื่อมต่อ {url} ไม่สำเร็จ: {detail}'
	},
	connection_lost: {
		code: 'connection_failed',
		retryable: true,
		en: 'the connection to {url} broke off mid-body: {detail}',
		th: 'การเชื่อมต่อกับ {url} ขาดระหว่างรับเนื้อหา: {detail}'
	},
	http_status: {
		code: 'http_status',
		en: '{url} answered HTTP {status}',
		th: '{url} ตอบกลับด้วยรหัส HTTP {status}'
	},
	too_large_body: {
		code: 'too_large',
		en: 'the body from {url} exceeds the {limit} cap',
		th: 'เนื้อหาจาก {url} ใหญ่เกินขีดจำกัด {limit}'
	},
	too_many_redirects: {
		code: 'too_many_redirects',
		en: '{url} redirected more than {limit} times',
		th: '{url} เปลี่ยนเส้นทางเกิน {limit} ครั้ง'
	},
	decode_failed: {
		code: 'decode_failed',
		en: 'cannot decode the body from {url}: {detail}',
		th: 'ถอดรหัสเนื้อหาจาก {url} ไม่ได้: {detail}'
	},

	// Thrown (EtlSourceError): the source as a whole cannot be read.
	not_found: { code: 'not_found', en: 'no such file or folder', th: 'ไม่พบไฟล์หรือโฟลเดอร์นี้' },
	manifest_invalid: {
		code: 'manifest_invalid',
		en: 'not a usable manifest: {detail}',
		th: 'ใช้เป็นบัญชีรายการเอกสารไม่ได้: {detailTh}'
	},
	source_unsupported: {
		code: 'source_unsupported',
		en: 'not a folder, a document or a manifest ({what})',
		th: 'ไม่ใช่โฟลเดอร์ เอกสาร หรือบัญชีรายการเอกสาร ({what})'
	}
} as const satisfies Record<string, { code: string; en: string; th: string; retryable?: boolean }>;

export type MessageKey = keyof typeof SOURCE_MESSAGES;
type CodeOf<K extends MessageKey> = (typeof SOURCE_MESSAGES)[K]['code'];

export type SkipCode = CodeOf<
	| 'unsupported_type'
	| 'name_not_utf8'
	| 'hidden'
	| 'outside_root'
	| 'symlink_loop'
	| 'broken_link'
	| 'not_regular_file'
	| 'too_large_file'
	| 'too_deep'
	| 'duplicate_file'
	| 'duplicate_folder'
	| 'duplicate_url'
>;
export type FailureCode = CodeOf<
	| 'read_failed'
	| 'changed_while_reading'
	| 'manifest_row'
	| 'invalid_url'
	| 'scheme_refused'
	| 'credentials_refused'
	| 'port_refused'
	| 'address_refused'
	| 'timeout'
	| 'connection_failed'
	| 'connection_lost'
	| 'http_status'
	| 'too_large_body'
	| 'too_many_redirects'
	| 'decode_failed'
>;
export type ThrownCode = CodeOf<'not_found' | 'manifest_invalid' | 'source_unsupported'>;

export type Params = Record<string, string | number>;

function fill(template: string, params: Params): string {
	return template.replace(/\{(\w+)\}/g, (m, name: string) =>
		name in params ? String(params[name]) : m
	);
}

export function describeCode(key: MessageKey, params: Params = {}): { en: string; th: string } {
	const m = SOURCE_MESSAGES[key];
	return { en: fill(m.en, params), th: fill(m.th, params) };
}

type SkipKey = { [K in MessageKey]: CodeOf<K> extends SkipCode ? K : never }[MessageKey];
type FailureKey = { [K in MessageKey]: CodeOf<K> extends FailureCode ? K : never }[MessageKey];

export function skipped(origin: string, key: SkipKey, params: Params = {}): SourceSkip {
	const { en, th } = describeCode(key, params);
	return { type: 'skipped', origin, code: SOURCE_MESSAGES[key].code, reason: en, reasonTh: th };
}

/** `retryable` defaults to the catalogue's (timeouts and resets); HTTP status decides for itself. */
export function failed(
	origin: string,
	key: FailureKey,
	params: Params = {},
	retryable?: boolean
): SourceFailure {
	const m: { code: FailureCode; retryable?: boolean } = SOURCE_MESSAGES[key];
	const { en, th } = describeCode(key, params);
	return {
		type: 'failed',
		origin,
		code: m.code,
		message: en,
		messageTh: th,
		retryable: retryable ?? m.retryable ?? false
	};
}

/** `formatBytes(20 * 1024 * 1024)` → "20 MiB"; `formatBytes(1500)` → "1,500 bytes". */
export function formatBytes(n: number): string {
	const MiB = 1024 * 1024;
	if (n >= MiB && n % MiB === 0) return `${n / MiB} MiB`;
	if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
	return `${n.toLocaleString('en-US')} bytes`;
}

export const RANGE_TH: Record<string, string> = {
	private: 'ในเครือข่ายภายใน',
	loopback: 'ลูปแบ็ก (เครื่องนี้เอง)',
	link_local: 'ลิงก์โลคัล',
	cgnat: 'CGNAT',
	multicast: 'มัลติแคสต์',
	unspecified: 'ที่ไม่ระบุ',
	broadcast: 'บรอดแคสต์',
	documentation: 'สำหรับตัวอย่างในเอกสาร',
	reserved: 'ที่สงวนไว้',
	invalid: 'ที่ไม่ถูกต้อง'
};
