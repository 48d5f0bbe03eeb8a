/**
 * The 77 provinces. Codes are ISO 3166-2:TH, which are also the two-digit province codes of the
 * DLA register (its `provinceCode`, and digits 2–3 of a 7-digit DLA code: 4520106 → 52).
 * Thai names verified against the 76 `provincial_admin_org` records of
 * ../shared/reference/dla-local-authorities.json (Bangkok is not in the register); the test
 * db/seed/provinces.test.ts repeats that check whenever the file is present.
 * Regions follow the six-region scheme (National Geographical Committee, 1977): north 9,
 * northeast 20, central 22 (with Bangkok), east 7, west 5, south 14.
 */

export const REGIONS = ['north', 'northeast', 'central', 'east', 'west', 'south'] as const;
export type Region = (typeof REGIONS)[number];

export interface Province {
	/** Two digits: '52'. */
	code: string;
	/** 'TH-52'. */
	iso: string;
	nameTh: string;
	nameEn: string;
	region: Region;
}

type Row = [code: string, nameTh: string, nameEn: string, region: Region];

const ROWS: Row[] = [
	['10', 'กรุงเทพมหานคร', 'Bangkok', 'central'],
	['11', 'สมุทรปราการ', 'Samut Prakan', 'central'],
	['12', 'นนทบุรี', 'Nonthaburi', 'central'],
	['13', 'ปทุมธานี', 'Pathum Thani', 'central'],
	['14', 'พระนครศรีอยุธยา', 'Phra Nakhon Si Ayutthaya', 'central'],
	['15', 'อ่างทอง', 'Ang Thong', 'central'],
	['16', 'ลพบุรี', 'Lop Buri', 'central'],
	['17', 'สิงห์บุรี', 'Sing Buri', 'central'],
	['18', 'ชัยนาท', 'Chai Nat', 'central'],
	['19', 'สระบุรี', 'Saraburi', 'central'],
	['20', 'ชลบุรี', 'Chon Buri', 'east'],
	['21', 'ระยอง', 'Rayong', 'east'],
	['22', 'จันทบุรี', 'Chanthaburi', 'east'],
	['23', 'ตราด', 'Trat', 'east'],
	['24', 'ฉะเชิงเทรา', 'Chachoengsao', 'east'],
	['25', 'ปราจีนบุรี', 'Prachin Buri', 'east'],
	['26', 'นครนายก', 'Nakhon Nayok', 'central'],
	['27', 'สระแก้ว', 'Sa Kaeo', 'east'],
	['30', 'นครราชสีมา', 'Nakhon Ratchasima', 'northeast'],
	['31', 'บุรีรัมย์', 'Buri Ram', 'northeast'],
	['32', 'สุรินทร์', 'Surin', 'northeast'],
	['33', 'ศรีสะเกษ', 'Si Sa Ket', 'northeast'],
	['34', 'อุบลราชธานี', 'Ubon Ratchathani', 'northeast'],
	['35', 'ยโสธร', 'Yasothon', 'northeast'],
	['36', 'ชัยภูมิ', 'Chaiyaphum', 'northeast'],
	['37', 'อำนาจเจริญ', 'Amnat Charoen', 'northeast'],
	['38', 'บึงกาฬ', 'Bueng Kan', 'northeast'],
	['39', 'หนองบัวลำภู', 'Nong Bua Lam Phu', 'northeast'],
	['40', 'ขอนแก่น', 'Khon Kaen', 'northeast'],
	['41', 'อุดรธานี', 'Udon Thani', 'northeast'],
	['42', 'เลย', 'Loei', 'northeast'],
	['43', 'หนองคาย', 'Nong Khai', 'northeast'],
	['44', 'มหาสารคาม', 'Maha Sarakham', 'northeast'],
	['45', 'ร้อยเอ็ด', 'Roi Et', 'northeast'],
	['46', 'กาฬสินธุ์', 'Kalasin', 'northeast'],
	['47', 'สกลนคร', 'Sakon Nakhon', 'northeast'],
	['48', 'นครพนม', 'Nakhon Phanom', 'northeast'],
	['49', 'มุกดาหาร', 'Mukdahan', 'northeast'],
	['50', 'เชียงใหม่', 'Chiang Mai', 'north'],
	['51', 'ลำพูน', 'Lamphun', 'north'],
	['52', 'ลำปาง', 'Lampang', 'north'],
	['53', 'อุตรดิตถ์', 'Uttaradit', 'north'],
	['54', 'แพร่', 'Phrae', 'north'],
	['55', 'น่าน', 'Nan', 'north'],
	['56', 'พะเยา', 'Phayao', 'north'],
	['57', 'เชียงราย', 'Chiang Rai', 'north'],
	['58', 'แม่ฮ่องสอน', 'Mae Hong Son', 'north'],
	['60', 'นครสวรรค์', 'Nakhon Sawan', 'central'],
	['61', 'อุทัยธานี', 'Uthai Thani', 'central'],
	['62', 'กำแพงเพชร', 'Kamphaeng Phet', 'central'],
	['63', 'ตาก', 'Tak', 'west'],
	['64', 'สุโขทัย', 'Sukhothai', 'central'],
	['65', 'พิษณุโลก', 'Phitsanulok', 'central'],
	['66', 'พิจิตร', 'Phichit', 'central'],
	['67', 'เพชรบูรณ์', 'Phetchabun', 'central'],
	['70', 'ราชบุรี', 'Ratchaburi', 'west'],
	['71', 'กาญจนบุรี', 'Kanchanaburi', 'west'],
	['72', 'สุพรรณบุรี', 'Suphan Buri', 'central'],
	['73', 'นครปฐม', 'Nakhon Pathom', 'central'],
	['74', 'สมุทรสาคร', 'Samut Sakhon', 'central'],
	['75', 'สมุทรสงคราม', 'Samut Songkhram', 'central'],
	['76', 'เพชรบุรี', 'Phetchaburi', 'west'],
	['77', 'ประจวบคีรีขันธ์', 'Prachuap Khiri Khan', 'west'],
	['80', 'นครศรีธรรมราช', 'Nakhon Si Thammarat', 'south'],
	['81', 'กระบี่', 'Krabi', 'south'],
	['82', 'พังงา', 'Phangnga', 'south'],
	['83', 'ภูเก็ต', 'Phuket', 'south'],
	['84', 'สุราษฎร์ธานี', 'Surat Thani', 'south'],
	['85', 'ระนอง', 'Ranong', 'south'],
	['86', 'ชุมพร', 'Chumphon', 'south'],
	['90', 'สงขลา', 'Songkhla', 'south'],
	['91', 'สตูล', 'Satun', 'south'],
	['92', 'ตรัง', 'Trang', 'south'],
	['93', 'พัทลุง', 'Phatthalung', 'south'],
	['94', 'ปัตตานี', 'Pattani', 'south'],
	['95', 'ยะลา', 'Yala', 'south'],
	['96', 'นราธิวาส', 'Narathiwat', 'south']
];

export const PROVINCES: readonly Province[] = ROWS.map(([code, nameTh, nameEn, region]) => ({
	code,
	iso: `TH-${code}`,
	nameTh,
	nameEn,
	region
}));
