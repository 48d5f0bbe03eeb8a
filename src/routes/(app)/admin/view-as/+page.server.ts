import { fail, redirect } from '@sveltejs/kit';
import { asc } from 'drizzle-orm';
import * as auth from '$lib/server/auth';
import { schema, withScope } from '$lib/server/db';
import { requireAdmin } from '../admin-guard';
import type { Actions, PageServerLoad } from './$types';

const ROLES = ['analyst', 'province_officer', 'public'] as const;
type ViewAsRole = (typeof ROLES)[number];
const isViewAsRole = (v: string): v is ViewAsRole => (ROLES as readonly string[]).includes(v);

export const load: PageServerLoad = async ({ parent, locals }) => {
	const viewer = requireAdmin(locals);
	const { lang } = await parent();
	const provinces = await withScope(
		{ kind: 'auth' },
		(db) =>
			db
				.select({
					code: schema.provinces.code,
					nameTh: schema.provinces.nameTh,
					nameEn: schema.provinces.nameEn
				})
				.from(schema.provinces)
				.orderBy(asc(schema.provinces.code)),
		{ readOnly: true }
	);
	return { lang, provinces, viewAs: viewer.viewAs };
};

export const actions: Actions = {
	/** Look through another role's eyes; an officer view needs at least one province. */
	start: async ({ request, locals }) => {
		const viewer = requireAdmin(locals);
		const form = await request.formData();
		const role = String(form.get('role') ?? '');
		const provinces = form.getAll('provinces').map(String);
		if (!isViewAsRole(role)) return fail(400, { error: `role ${role.slice(0, 40)}?` });
		if (role === 'province_officer' && provinces.length === 0) {
			return fail(400, { error: 'choose at least one province / เลือกอย่างน้อยหนึ่งจังหวัด' });
		}
		const result = await withScope({ kind: 'auth' }, (db) =>
			auth.setViewAs(db, viewer.sessionId, {
				role,
				provinces: role === 'province_officer' ? provinces : []
			})
		);
		if (result && 'ok' in result && !result.ok) return fail(400, { error: result.error.message });
		redirect(303, role === 'public' ? '/' : '/overview');
	},
	stop: async ({ locals }) => {
		const viewer = requireAdmin(locals);
		await withScope({ kind: 'auth' }, (db) => auth.setViewAs(db, viewer.sessionId, null));
		redirect(303, '/admin/view-as');
	}
};
