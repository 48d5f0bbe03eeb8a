/**
 * Server-drawn SVG goes into the HTML once, not twice. A page's data is serialised into the HTML
 * for hydration, so an SVG returned by a load was sent in the markup AND again, escaped, in the
 * data script (the overview: ~90 KB of charts twice per page; devalue's escaping and the bytes
 * were a large part of drawing it, bench/load.ts). The load now returns a marker comment per
 * chart (`<!--sujarit-svg:planned-->`), rendered by `{@html}` where the SVG goes, and keeps the
 * SVG in `locals`; hooks.server.ts swaps each marker for its SVG as the HTML goes out.
 * On the client the marker is the chart's `svg` prop: Svelte keeps the server's nodes of an
 * `{@html}` block when hydrating (it never repairs them), and EChart.svelte drops them once the
 * live chart has drawn, as before.
 * A marker cannot come from a document: text is escaped where it is shown (`<` → `&lt;`), and in
 * the data script devalue writes `<` as `\u003C`.
 */
const MARKER = /<!--sujarit-svg:([a-z_]{1,32})-->/g;

/** Markers for `svgs`, each SVG kept in `locals` for `spliceSvgs`. */
export function deferSvgs<K extends string>(
	locals: App.Locals,
	svgs: Record<K, string>
): Record<K, string> {
	const kept = (locals.svgs ??= new Map());
	const markers = {} as Record<K, string>;
	for (const [name, svg] of Object.entries(svgs) as [K, string][]) {
		if (!/^[a-z_]{1,32}$/.test(name)) throw new Error(`bad SVG name ${name}`);
		kept.set(name, svg);
		markers[name] = `<!--sujarit-svg:${name}-->`;
	}
	return markers;
}

/** The HTML with every marker replaced by its SVG (a marker with no SVG is left as it is). */
export function spliceSvgs(html: string, svgs: ReadonlyMap<string, string> | undefined): string {
	if (!svgs || svgs.size === 0) return html;
	return html.replace(MARKER, (marker, name: string) => svgs.get(name) ?? marker);
}
