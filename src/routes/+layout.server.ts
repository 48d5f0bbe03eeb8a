import { isLang, type Lang } from '$lib/i18n';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ url, cookies }) => {
	const asked = url.searchParams.get('lang');
	let lang: Lang = 'th';
	if (isLang(asked)) {
		lang = asked;
		cookies.set('lang', asked, { path: '/', httpOnly: false, sameSite: 'lax', maxAge: 31536000 });
	} else {
		const saved = cookies.get('lang');
		if (isLang(saved)) lang = saved;
	}
	return { lang };
};
