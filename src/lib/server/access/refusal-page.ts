/**
 * The page a refused reader sees (401/403 from hooks.server.ts, before any load runs). It is
 * not rendered by SvelteKit (no load may run for a refused route), so it carries its own font
 * (static/fonts, a copy of @fontsource/noto-sans-thai's Thai 400 subset, so Thai renders where
 * no Thai system font exists) and its own strict Content-Security-Policy.
 */
export const REFUSAL_CSP =
	"default-src 'none'; style-src 'unsafe-inline'; font-src 'self'; img-src 'self'; " +
	"form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function refusalPage(status: 401 | 403, th: string, en: string): string {
	return `<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${status} · สุจริต Sujarit</title>
<style>
@font-face { font-family: 'Noto Sans Thai'; font-weight: 400; font-display: swap;
  src: url(/fonts/noto-sans-thai-thai-400-normal.woff2) format('woff2'); }
body { font-family: 'Noto Sans Thai', 'Noto Sans', system-ui, sans-serif; color: #1b2430;
  background: #f6f8fb; margin: 0; }
main { max-width: 34rem; margin: 4rem auto; background: #fff; border: 1px solid #dde3ea;
  border-radius: 10px; padding: 1.5rem 2rem; }
h1 { color: #a4262c; margin: 0 0 .5rem; } a { color: #1d4f91; }
</style>
</head>
<body><main data-testid="refusal">
<h1>${status}</h1>
<p>${escape(th)}</p>
<p lang="en">${escape(en)}</p>
<p><a href="/">หน้าแรก / Home</a> · <a href="/releases">ข้อมูลเผยแพร่ / Releases</a> · <a href="/login">เข้าสู่ระบบ / Sign in</a></p>
</main></body>
</html>`;
}
