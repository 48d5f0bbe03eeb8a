import { withDigits } from '../charts/format.ts';
import type { Digits } from './number.ts';

/**
 * An instant as a reader in Thailand reads it, whatever the server's or browser's time zone:
 * Bangkok time, Buddhist era in Thai, the Gregorian year in English.
 * `formatDateTime('2025-01-15T03:00:00.000Z', 'th')` → '15 มกราคม 2568 เวลา 10:00';
 * 'en' → '15 January 2025 at 10:00'.
 */
export function formatDateTime(iso: string, lang: 'th' | 'en', digits: Digits = 'arabic'): string {
	return withDigits(DATE_TIME[lang].format(new Date(iso)), digits);
}

/** Made once per language: building an Intl.DateTimeFormat costs far more than formatting. */
const DATE_TIME = {
	th: new Intl.DateTimeFormat('th-TH-u-nu-latn', {
		dateStyle: 'long',
		timeStyle: 'short',
		timeZone: 'Asia/Bangkok'
	}),
	en: new Intl.DateTimeFormat('en-GB', {
		dateStyle: 'long',
		timeStyle: 'short',
		timeZone: 'Asia/Bangkok'
	})
};
