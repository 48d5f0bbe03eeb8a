import { describe, expect, it } from 'vitest';
import { deferSvgs, spliceSvgs } from './svg-splice.ts';

describe('SVG in the HTML once', () => {
	it('gives markers for the data and puts each SVG back in the HTML', () => {
		const locals = {} as App.Locals;
		const markers = deferSvgs(locals, { planned: '<svg>a</svg>', map: '<svg>b</svg>' });
		expect(markers).toEqual({
			planned: '<!--sujarit-svg:planned-->',
			map: '<!--sujarit-svg:map-->'
		});
		const html = `<div>${markers.planned}</div><p>${markers.map}</p>`;
		expect(spliceSvgs(html, locals.svgs)).toBe('<div><svg>a</svg></div><p><svg>b</svg></p>');
	});

	it('leaves escaped text, data-script strings and unknown markers alone', () => {
		const locals = {} as App.Locals;
		deferSvgs(locals, { planned: '<svg/>' });
		const html =
			'&lt;!--sujarit-svg:planned--&gt; "\\u003C!--sujarit-svg:planned-->" <!--sujarit-svg:other-->';
		expect(spliceSvgs(html, locals.svgs)).toBe(html);
		expect(spliceSvgs('<!--sujarit-svg:planned-->', undefined)).toBe('<!--sujarit-svg:planned-->');
	});

	it('refuses a name that could not be a marker', () => {
		expect(() => deferSvgs({} as App.Locals, { 'a-->x': '<svg/>' })).toThrow('bad SVG name');
	});
});
