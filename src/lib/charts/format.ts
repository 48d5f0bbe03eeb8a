import type { Digits } from '../format/number.ts';

/** Every builder takes these: Thai first, an English switch, Thai or Arabic digits. */
export interface ChartOptions {
	locale: 'th' | 'en';
	/** Default 'arabic': the E-PlanNACC exports mix both; Thai digits are a reader's choice. */
	digits?: Digits;
}

export type Localized = { th: string; en: string };

const THAI_ZERO = 0x0e50;

/** `withDigits('2568', 'thai')` → '๒๕๖๘'. */
export function withDigits(s: string, digits: Digits = 'arabic'): string {
	return digits === 'thai'
		? s.replace(/[0-9]/g, (d) => String.fromCharCode(THAI_ZERO + Number(d)))
		: s;
}

/** What `toLocaleString('en-US')` gives (up to 3 fraction digits), made once. */
const PLAIN = new Intl.NumberFormat('en-US');

/** Formatters by fraction digits, made once (toLocaleString with options builds one per call). */
const FIXED = new Map<number, Intl.NumberFormat>();
function fixed(fractionDigits: number): Intl.NumberFormat {
	let f = FIXED.get(fractionDigits);
	if (!f) {
		f = new Intl.NumberFormat('en-US', {
			minimumFractionDigits: fractionDigits,
			maximumFractionDigits: fractionDigits
		});
		FIXED.set(fractionDigits, f);
	}
	return f;
}

/** `formatNumber(1234.5, 'arabic', 1)` → '1,234.5'. */
export function formatNumber(n: number, digits: Digits = 'arabic', fractionDigits = 0): string {
	return withDigits(fixed(fractionDigits).format(n), digits);
}

/** `formatPercent(50)` → '50.0%'. */
export function formatPercent(pct: number, digits: Digits = 'arabic'): string {
	return `${formatNumber(pct, digits, 1)}%`;
}

/** `percent(3, 4)` → 75; `percent(1, 3)` → 33.3; null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
	if (!(whole > 0)) return null;
	return Math.round((part / whole) * 1000) / 10;
}

/** Axis labels for amounts: `compactBaht(2_500_000, 'th')` → '2.5 ล้าน', 'en' → '2.5M'. */
export function compactBaht(v: number, locale: 'th' | 'en', digits: Digits = 'arabic'): string {
	const abs = Math.abs(v);
	const [div, th, en] =
		abs >= 1e6 ? [1e6, ' ล้าน', 'M'] : abs >= 1e3 ? [1e3, ' พัน', 'k'] : [1, '', ''];
	const n = Math.round((v / div) * 10) / 10;
	return withDigits(`${PLAIN.format(n)}${locale === 'th' ? th : en}`, digits);
}

/** Tooltips are HTML: names from documents and the register are escaped. */
export function escapeHtml(s: string): string {
	return s.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c
	);
}

/**
 * ECharts' aria module on every chart: it labels the chart's DOM node for screen readers. Its
 * generated description knows no Thai, so the builders write their own.
 */
export function ariaOption(description: string): {
	enabled: true;
	label: { enabled: true; description: string };
} {
	return { enabled: true, label: { enabled: true, description } };
}

/** The Thai font the app ships (@fontsource/noto-sans-thai), so canvas text renders Thai. */
export const FONT_FAMILY = "'Noto Sans Thai', system-ui, sans-serif";
