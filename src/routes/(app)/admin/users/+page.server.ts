import { fail } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import { withScope } from '$lib/server/db';
import { requireAdmin } from '../admin-guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, locals }) => {
	requireAdmin(locals);
	const { lang } = await parent();
	const users = await withScope({ kind: 'auth' }, (db) => auth.accounts.listUsers(db), {
		readOnly: true
	});
	return { lang, users };
};

const field = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
const provincesOf = (form: FormData) =>
	field(form, 'provinces')
		.split(/[\s,]+/)
		.filter(Boolean);

/** Every action: admin again, one auth-scope transaction, the operation's own error as a 400. */
async function run(
	locals: App.Locals,
	op: (db: Parameters<Parameters<typeof withScope>[1]>[0]) => Promise<auth.accounts.Outcome>
) {
	requireAdmin(locals);
	const outcome = await withScope({ kind: 'auth' }, op);
	if (!outcome.ok) return fail(400, { error: outcome.error.message, code: outcome.error.code });
	return { done: true };
}

export const actions: Actions = {
	add: async ({ request, locals }) => {
		const form = await request.formData();
		return run(locals, (db) =>
			auth.accounts.addUser(db, {
				username: field(form, 'username'),
				displayName: field(form, 'display_name'),
				role: field(form, 'role') as auth.accounts.Role,
				password: String(form.get('password') ?? ''),
				provinces: provincesOf(form)
			})
		);
	},
	disable: async ({ request, locals }) => {
		const form = await request.formData();
		return run(locals, (db) => auth.accounts.disableUser(db, field(form, 'username')));
	},
	enable: async ({ request, locals }) => {
		const form = await request.formData();
		return run(locals, (db) => auth.accounts.enableUser(db, field(form, 'username')));
	},
	provinces: async ({ request, locals }) => {
		const form = await request.formData();
		return run(locals, (db) =>
			auth.accounts.setProvinces(db, field(form, 'username'), provincesOf(form))
		);
	},
	password: async ({ request, locals }) => {
		const form = await request.formData();
		return run(locals, (db) =>
			auth.accounts.setPassword(db, field(form, 'username'), String(form.get('password') ?? ''))
		);
	},
	role: async ({ request, locals }) => {
		const form = await request.formData();
		return run(locals, (db) =>
			auth.accounts.setRole(db, field(form, 'username'), field(form, 'role') as auth.accounts.Role)
		);
	}
};
