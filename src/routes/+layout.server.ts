import { config } from '$lib/server/config';

export const load = ({ locals }) => ({
	branchName: config.branchName,
	viewer: locals.viewer
		? {
				name: locals.viewer.user.name,
				isStaff: locals.viewer.user.roles.length > 0,
				roles: locals.viewer.user.roles,
				isAdmin: locals.viewer.user.roles.includes('admin')
			}
		: null
});
