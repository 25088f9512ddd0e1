import { fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guards';
import { listAccounts, ROLE_NAMES, setUserRoles } from '$lib/server/auth/roles';
import { resetTwoFactor } from '$lib/server/auth/two-factor';
import { formId, formText } from '$lib/server/forms';
import { readForm } from '$lib/server/kit/read-form';

const PAGE_SIZE = 50;
const SIGNED_OUT_SELF = `/login?redirectTo=${encodeURIComponent('/admin/users')}`;

export const load = async (event) => {
	const { user } = requireRole(event, 'admin');
	const search = (event.url.searchParams.get('q') ?? '').trim().slice(0, 100);
	const staffOnly = event.url.searchParams.get('show') === 'staff';
	const { accounts, total } = await listAccounts({ search, staffOnly, limit: PAGE_SIZE });
	return { accounts, total, search, staffOnly, pageSize: PAGE_SIZE, viewerId: user.id };
};

function describeRoles(roles: (keyof typeof ROLE_NAMES)[]) {
	return roles.length ? roles.map((role) => ROLE_NAMES[role].toLowerCase()).join(', ') : 'none';
}

export const actions = {
	roles: async (event) => {
		const { user } = requireRole(event, 'admin');
		const form = await readForm(event.request);
		const userId = formId(form, 'userId');
		const roles = form.getAll('roles').filter((value) => typeof value === 'string');
		if (!userId) return fail(400, { errors: { search: 'Choose a person from the table' } });
		// Changing your own roles signs you out: say so, and change them only on a second press.
		const changing = [...user.roles].sort().join() !== [...new Set(roles)].sort().join();
		const refused = user.roles.includes('admin') && !roles.includes('admin');
		if (userId === user.id && changing && !refused && formText(form, 'confirm') !== 'yes')
			return { confirmSelf: { userId, roles } };
		const result = await setUserRoles({ actorUserId: user.id, userId, roles });
		if (!result.ok) {
			return fail(result.status, {
				userId,
				values: { roles },
				errors: { [`roles-${userId}`]: result.error }
			});
		}
		if (result.changed && userId === user.id) redirect(303, SIGNED_OUT_SELF);
		return {
			notice: result.changed
				? `${result.name}’s roles are now: ${describeRoles(result.roles)}. They have been signed out, so their next sign-in uses the new roles.`
				: `Nothing changed: ${result.name} already had those roles.`
		};
	},
	resetTwoFactor: async (event) => {
		const { user } = requireRole(event, 'admin');
		const form = await readForm(event.request);
		const userId = formId(form, 'userId');
		if (!userId) return fail(400, { errors: { search: 'Choose a person from the table' } });
		const result = await resetTwoFactor({ actorUserId: user.id, userId });
		if (!result.ok) {
			return fail(result.status, { userId, errors: { [`two-factor-${userId}`]: result.error } });
		}
		if (userId === user.id) redirect(303, SIGNED_OUT_SELF);
		return {
			notice: `Two-factor is reset for ${result.name}. They have been signed out, and their next sign-in asks them to set it up again with their new phone.`
		};
	}
};
