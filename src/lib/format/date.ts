import { withDigits } from '../charts/format.ts';
import type { Digits } from './number.ts';

/**
 * An instant as a reader in Thailand reads it, whatever the server's or browser's time zone:
 * Bangkok time, Buddhist era in Thai, the Gregorian year in English.
 * `formatDateTime('2025-01-15T03:00:00.000Z', 'th')` → '15 มกราคม 2568 เวลา 10:00';
 * 'en' → '15 January 2025 at 10:00'.
 */
export function formatDateTime(iso: string, lang: 'th' | 'en', digits: Digits = 'arabic'): string {
	const s = new Intl.DateTimeFormat(lang === 'th' ? 'th-TH-u-nu-latn' : 'en-GB', {
		dateStyle: 'long',
		timeStyle: 'short',
		timeZone: 'Asia/Bangkok'
	}).format(new Date(iso));
	return withDigits(s, digits);
}
