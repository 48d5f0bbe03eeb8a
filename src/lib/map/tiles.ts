/**
 * A tile-grid cartogram of Thailand: one square tile per province at (col, row), north at row 0,
 * east to the right. No openly licensed province polygons are available to this project, so the
 * layout was authored by hand from the provinces' relative positions (it follows no one else's
 * grid): the north fans out under Chiang Rai; the northeast (Isan) fills the right, Nong Khai and
 * Bueng Kan on the Mekong at its top, Ubon Ratchathani at its far east; the central plain runs
 * down from Nakhon Sawan to Bangkok; the east wraps round the gulf (the empty cells of rows 9–10
 * are the Gulf of Thailand); the peninsula runs down the left, Phuket/Phang Nga/Krabi on its
 * Andaman (west) side, Narathiwat at the bottom. Every tile touches another (tiles.test.ts).
 *
 * Tile (col, row) is centred on the integer point (col, row) and spans ±0.5 in both directions.
 * Codes are ISO 3166-2:TH without 'TH-' (db/seed/provinces.ts); names are repeated here because
 * browser code cannot import db/, and tiles.test.ts checks that they stay equal to the seed.
 * `short` is the official two-letter Thai abbreviation (อักษรย่อจังหวัด, e.g. ชม for
 * Chiang Mai), `shortEn` a three-letter English one.
 */

export interface ProvinceTile {
	code: string;
	col: number;
	row: number;
	/** Thai abbreviation: 'กทม' for Bangkok, otherwise two letters ('ชม'). */
	short: string;
	/** English abbreviation: 'BKK'. */
	shortEn: string;
	nameTh: string;
	nameEn: string;
}

type Row = [
	code: string,
	col: number,
	row: number,
	short: string,
	shortEn: string,
	th: string,
	en: string
];

// prettier-ignore
const ROWS: Row[] = [
	// Row 0–2: the upper north, and Nong Khai / Bueng Kan on the Mekong.
	['57', 3, 0, 'ชร', 'CRI', 'เชียงราย', 'Chiang Rai'],
	['58', 1, 1, 'มส', 'MSN', 'แม่ฮ่องสอน', 'Mae Hong Son'],
	['50', 2, 1, 'ชม', 'CMI', 'เชียงใหม่', 'Chiang Mai'],
	['56', 3, 1, 'พย', 'PYO', 'พะเยา', 'Phayao'],
	['55', 4, 1, 'นน', 'NAN', 'น่าน', 'Nan'],
	['51', 2, 2, 'ลพ', 'LPN', 'ลำพูน', 'Lamphun'],
	['52', 3, 2, 'ลป', 'LPG', 'ลำปาง', 'Lampang'],
	['54', 4, 2, 'พร', 'PRE', 'แพร่', 'Phrae'],
	['43', 7, 2, 'นค', 'NKI', 'หนองคาย', 'Nong Khai'],
	['38', 8, 2, 'บก', 'BKN', 'บึงกาฬ', 'Bueng Kan'],
	// Row 3: lower north and upper Isan.
	['63', 2, 3, 'ตก', 'TAK', 'ตาก', 'Tak'],
	['64', 3, 3, 'สท', 'STI', 'สุโขทัย', 'Sukhothai'],
	['53', 4, 3, 'อต', 'UTD', 'อุตรดิตถ์', 'Uttaradit'],
	['42', 5, 3, 'ลย', 'LEI', 'เลย', 'Loei'],
	['39', 6, 3, 'นภ', 'NBP', 'หนองบัวลำภู', 'Nong Bua Lam Phu'],
	['41', 7, 3, 'อด', 'UDN', 'อุดรธานี', 'Udon Thani'],
	['47', 8, 3, 'สน', 'SNK', 'สกลนคร', 'Sakon Nakhon'],
	['48', 9, 3, 'นพ', 'NPM', 'นครพนม', 'Nakhon Phanom'],
	// Row 4.
	['62', 2, 4, 'กพ', 'KPT', 'กำแพงเพชร', 'Kamphaeng Phet'],
	['66', 3, 4, 'พจ', 'PCT', 'พิจิตร', 'Phichit'],
	['65', 4, 4, 'พล', 'PLK', 'พิษณุโลก', 'Phitsanulok'],
	['67', 5, 4, 'พช', 'PNB', 'เพชรบูรณ์', 'Phetchabun'],
	['36', 6, 4, 'ชย', 'CPM', 'ชัยภูมิ', 'Chaiyaphum'],
	['40', 7, 4, 'ขก', 'KKN', 'ขอนแก่น', 'Khon Kaen'],
	['46', 8, 4, 'กส', 'KSN', 'กาฬสินธุ์', 'Kalasin'],
	['49', 9, 4, 'มห', 'MDH', 'มุกดาหาร', 'Mukdahan'],
	// Row 5: the upper central plain; middle Isan.
	['61', 2, 5, 'อน', 'UTI', 'อุทัยธานี', 'Uthai Thani'],
	['60', 3, 5, 'นว', 'NSN', 'นครสวรรค์', 'Nakhon Sawan'],
	['16', 4, 5, 'ลบ', 'LRI', 'ลพบุรี', 'Lop Buri'],
	['19', 5, 5, 'สบ', 'SRI', 'สระบุรี', 'Saraburi'],
	['30', 6, 5, 'นม', 'NMA', 'นครราชสีมา', 'Nakhon Ratchasima'],
	['44', 7, 5, 'มค', 'MKM', 'มหาสารคาม', 'Maha Sarakham'],
	['45', 8, 5, 'รอ', 'RET', 'ร้อยเอ็ด', 'Roi Et'],
	['35', 9, 5, 'ยส', 'YST', 'ยโสธร', 'Yasothon'],
	['37', 10, 5, 'อจ', 'ACR', 'อำนาจเจริญ', 'Amnat Charoen'],
	// Row 6: Kanchanaburi west of Suphan Buri; lower Isan along the Cambodian border.
	['71', 1, 6, 'กจ', 'KRI', 'กาญจนบุรี', 'Kanchanaburi'],
	['72', 2, 6, 'สพ', 'SPB', 'สุพรรณบุรี', 'Suphan Buri'],
	['18', 3, 6, 'ชน', 'CNT', 'ชัยนาท', 'Chai Nat'],
	['17', 4, 6, 'สห', 'SBR', 'สิงห์บุรี', 'Sing Buri'],
	['26', 5, 6, 'นย', 'NYK', 'นครนายก', 'Nakhon Nayok'],
	['25', 6, 6, 'ปจ', 'PRI', 'ปราจีนบุรี', 'Prachin Buri'],
	['31', 7, 6, 'บร', 'BRM', 'บุรีรัมย์', 'Buri Ram'],
	['32', 8, 6, 'สร', 'SRN', 'สุรินทร์', 'Surin'],
	['33', 9, 6, 'ศก', 'SSK', 'ศรีสะเกษ', 'Si Sa Ket'],
	['34', 10, 6, 'อบ', 'UBN', 'อุบลราชธานี', 'Ubon Ratchathani'],
	// Rows 7–8: Bangkok and its vicinity.
	['70', 1, 7, 'รบ', 'RBR', 'ราชบุรี', 'Ratchaburi'],
	['73', 2, 7, 'นฐ', 'NPT', 'นครปฐม', 'Nakhon Pathom'],
	['15', 3, 7, 'อท', 'ATG', 'อ่างทอง', 'Ang Thong'],
	['14', 4, 7, 'อย', 'AYA', 'พระนครศรีอยุธยา', 'Phra Nakhon Si Ayutthaya'],
	['13', 5, 7, 'ปท', 'PTE', 'ปทุมธานี', 'Pathum Thani'],
	['27', 6, 7, 'สก', 'SKW', 'สระแก้ว', 'Sa Kaeo'],
	['75', 1, 8, 'สส', 'SKM', 'สมุทรสงคราม', 'Samut Songkhram'],
	['74', 2, 8, 'สค', 'SKN', 'สมุทรสาคร', 'Samut Sakhon'],
	['12', 3, 8, 'นบ', 'NBI', 'นนทบุรี', 'Nonthaburi'],
	['10', 4, 8, 'กทม', 'BKK', 'กรุงเทพมหานคร', 'Bangkok'],
	['24', 5, 8, 'ฉช', 'CCO', 'ฉะเชิงเทรา', 'Chachoengsao'],
	// Rows 9–10: round the gulf.
	['76', 1, 9, 'พบ', 'PBI', 'เพชรบุรี', 'Phetchaburi'],
	['11', 4, 9, 'สป', 'SPK', 'สมุทรปราการ', 'Samut Prakan'],
	['20', 5, 9, 'ชบ', 'CBI', 'ชลบุรี', 'Chon Buri'],
	['77', 1, 10, 'ปข', 'PKN', 'ประจวบคีรีขันธ์', 'Prachuap Khiri Khan'],
	['21', 5, 10, 'รย', 'RYG', 'ระยอง', 'Rayong'],
	['22', 6, 10, 'จบ', 'CTI', 'จันทบุรี', 'Chanthaburi'],
	['23', 7, 10, 'ตร', 'TRT', 'ตราด', 'Trat'],
	// Rows 11–16: the peninsula, Andaman side on the left.
	['85', 0, 11, 'รน', 'RNG', 'ระนอง', 'Ranong'],
	['86', 1, 11, 'ชพ', 'CPN', 'ชุมพร', 'Chumphon'],
	['82', 0, 12, 'พง', 'PNA', 'พังงา', 'Phangnga'],
	['84', 1, 12, 'สฎ', 'SNI', 'สุราษฎร์ธานี', 'Surat Thani'],
	['83', 0, 13, 'ภก', 'PKT', 'ภูเก็ต', 'Phuket'],
	['81', 1, 13, 'กบ', 'KBI', 'กระบี่', 'Krabi'],
	['80', 2, 13, 'นศ', 'NRT', 'นครศรีธรรมราช', 'Nakhon Si Thammarat'],
	['92', 1, 14, 'ตง', 'TRG', 'ตรัง', 'Trang'],
	['93', 2, 14, 'พท', 'PLG', 'พัทลุง', 'Phatthalung'],
	['91', 1, 15, 'สต', 'STN', 'สตูล', 'Satun'],
	['90', 2, 15, 'สข', 'SKA', 'สงขลา', 'Songkhla'],
	['94', 3, 15, 'ปน', 'PTN', 'ปัตตานี', 'Pattani'],
	['95', 3, 16, 'ยล', 'YLA', 'ยะลา', 'Yala'],
	['96', 4, 16, 'นธ', 'NWT', 'นราธิวาส', 'Narathiwat']
];

export const PROVINCE_TILES: ReadonlyArray<ProvinceTile> = ROWS.map(
	([code, col, row, short, shortEn, nameTh, nameEn]) => ({
		code,
		col,
		row,
		short,
		shortEn,
		nameTh,
		nameEn
	})
);

const BY_CODE: ReadonlyMap<string, ProvinceTile> = new Map(PROVINCE_TILES.map((t) => [t.code, t]));

/** `tileByCode('10')` → Bangkok's tile; accepts 'TH-10' too; undefined for an unknown code. */
export function tileByCode(code: string): ProvinceTile | undefined {
	return BY_CODE.get(code.startsWith('TH-') ? code.slice(3) : code);
}

/** The grid's extent: columns 0…cols-1, rows 0…rows-1. */
export const GRID_SIZE: { readonly cols: number; readonly rows: number } = {
	cols: Math.max(...PROVINCE_TILES.map((t) => t.col)) + 1,
	rows: Math.max(...PROVINCE_TILES.map((t) => t.row)) + 1
};

/** The tile's label in a language: `tileLabel(tile, 'en')` → 'BKK'. */
export function tileLabel(tile: ProvinceTile, locale: 'th' | 'en'): string {
	return locale === 'th' ? tile.short : tile.shortEn;
}

/** The province's full name in a language. */
export function tileName(tile: ProvinceTile, locale: 'th' | 'en'): string {
	return locale === 'th' ? tile.nameTh : tile.nameEn;
}
