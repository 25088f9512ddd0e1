import { config } from '$lib/server/config';

export const load = ({ locals }) => ({
	branchName: config.branchName,
	viewer: locals.viewer
		? {
				name: locals.viewer.user.name,
				isStaff: locals.viewer.user.roles.length > 0,
				isAdmin: locals.viewer.user.roles.includes('admin')
			}
		: null
});
