import type { AccountSummary } from '../../src/lib/server/auth/index.ts';

/** 2025-01-31T08:15:00Z: UTC to the second, the same on every machine. */
export function isoSecond(date: Date): string {
	return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `somchai (province_officer; 15, 52)` */
export function describeAccount(account: AccountSummary): string {
	const provinces = account.provinces.length > 0 ? `; ${account.provinces.join(', ')}` : '';
	return `${account.username} (${account.role}${provinces})`;
}

/**
 * `list`: one account a line, columns padded; never a hash (AccountSummary has none). Disabled is
 * '-' or when; the display name comes last because it may hold spaces.
 */
export function formatAccountTable(accounts: readonly AccountSummary[]): string {
	const header = ['username', 'role', 'provinces', 'disabled', 'created', 'name'];
	const rows = accounts.map((a) => [
		a.username,
		a.role,
		a.provinces.length > 0 ? a.provinces.join(',') : '-',
		a.disabledAt ? isoSecond(a.disabledAt) : '-',
		isoSecond(a.createdAt),
		a.displayName
	]);
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
	const line = (cells: string[]) =>
		cells
			.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
			.join('  ')
			.trimEnd();
	return [header, ...rows].map(line).join('\n') + '\n';
}
