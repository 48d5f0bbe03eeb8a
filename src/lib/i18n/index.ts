import { MESSAGES, type MessageKey } from './messages.ts';

export type Lang = 'th' | 'en';
export const LANGS: readonly Lang[] = ['th', 'en'];

export function isLang(v: unknown): v is Lang {
	return v === 'th' || v === 'en';
}

/** Digits numbers are written with: ๑๘๕,๐๐๐.๐๐ or 185,000.00 (see $lib/format/number). */
export function isDigits(v: unknown): v is 'thai' | 'arabic' {
	return v === 'thai' || v === 'arabic';
}

/** `t('nav_documents', 'th')` → 'เอกสาร'. */
export function t(key: MessageKey, lang: Lang): string {
	return MESSAGES[key][lang];
}

/** A message key built from data (`verdict_${v}`), falling back to the raw value. */
export function tDyn(key: string, lang: Lang, fallback: string): string {
	const m = (MESSAGES as Record<string, { th: string; en: string } | undefined>)[key];
	return m ? m[lang] : fallback;
}
