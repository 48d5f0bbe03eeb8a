/**
 * Where to go after signing in: only a path on this site ("/lists?province=15"), never another
 * origin ("//evil.example", "https://…", "/\\evil"), never back to /login; anything else → fallback.
 */
export function safeNext(next: string | null, fallback = '/overview'): string {
	if (!next || next.length > 2000) return fallback;
	if (!next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return fallback;
	// Control characters (CR/LF header splitting, NUL): refused outright.
	if ([...next].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return fallback;
	let url: URL;
	try {
		url = new URL(next, 'http://sujarit.invalid');
	} catch {
		return fallback;
	}
	if (url.origin !== 'http://sujarit.invalid') return fallback;
	if (url.pathname === '/login' || url.pathname === '/logout') return fallback;
	return `${url.pathname}${url.search}${url.hash}`;
}
