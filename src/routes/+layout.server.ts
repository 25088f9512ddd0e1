import { config } from '$lib/server/config';
import { grantsTakingApplications } from '$lib/server/grants/rounds';

export const load = async ({ locals }) => ({
	branchName: config.branchName,
	grantsOpen: await grantsTakingApplications(),
	viewer: locals.viewer
		? {
				name: locals.viewer.user.name,
				isStaff: locals.viewer.user.roles.length > 0,
				roles: locals.viewer.user.roles,
				isAdmin: locals.viewer.user.roles.includes('admin')
			}
		: null
});
