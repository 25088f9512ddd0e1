import { grantsTakingApplications } from '$lib/server/grants/rounds';
import { readBranchSettings } from '$lib/server/settings/branch-settings';

export const load = async ({ locals }) => {
	const [branch, grantsOpen] = await Promise.all([
		readBranchSettings(),
		grantsTakingApplications()
	]);
	return {
		branchName: branch.name,
		branch,
		grantsOpen,
		viewer: locals.viewer
			? {
					name: locals.viewer.user.name,
					isStaff: locals.viewer.user.roles.length > 0,
					roles: locals.viewer.user.roles,
					isAdmin: locals.viewer.user.roles.includes('admin')
				}
			: null
	};
};
