/**
 * What a URL may ask for before any name is resolved or any socket opened, apart from its
 * address (host-guard.ts): no credentials, no port that speaks another protocol. Pure.
 */

/**
 * The Fetch Standard's "bad ports" (https://fetch.spec.whatwg.org/#port-blocking): ports of
 * protocols a crafted HTTP request could talk to (SMTP, IRC, SIP, NFS…). Checked against Node
 * 20.20's own fetch (undici), which refuses exactly these among ports 0–1099 and the listed ones
 * with their neighbours. Port 0 is added: nothing serves on it, and connect() would still
 * open a socket to learn that.
 */
export const BAD_PORTS: ReadonlySet<number> = new Set([
	0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102,
	103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465,
	512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993,
	995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668,
	6669, 6679, 6697, 10080
]);

/** The port a URL names explicitly and that is refused, or null (default ports are fine). */
export function badPort(url: URL): number | null {
	if (url.port === '') return null;
	const port = Number(url.port);
	return BAD_PORTS.has(port) ? port : null;
}

export const hasCredentials = (url: URL): boolean => url.username !== '' || url.password !== '';

/**
 * The URL with its password replaced by `***`, so that a refused row does not carry a secret into
 * run_events, the CLI output or the dashboard. Text that is not a URL is returned as it is.
 */
export function withoutPassword(text: string): string {
	if (!URL.canParse(text)) return text;
	const url = new URL(text);
	if (url.password === '') return text;
	url.password = '***';
	return url.href;
}
