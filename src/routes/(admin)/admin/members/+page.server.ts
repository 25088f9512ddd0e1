import { fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guards';
import { config } from '$lib/server/config';
import {
	importMembershipListFile,
	readMembershipListSummary
} from '$lib/server/members/membership-list';
import {
	formatFileSize,
	readMembershipListUpload,
	membershipListUploadLimit
} from '$lib/server/members/membership-list-upload';
import { formatLongDate, formatTime } from '$lib/london-time';

/** Problems listed on the page; a wholly wrong file can have one per line. */
const PROBLEMS_SHOWN = 500;

export const load = async (event) => {
	requireRole(event, 'admin');
	const summary = await readMembershipListSummary();
	return {
		size: summary.size,
		lastImport: summary.lastImport && {
			when: `${formatLongDate(summary.lastImport.at)} at ${formatTime(summary.lastImport.at)}`,
			by: summary.lastImport.by,
			counts: summary.lastImport.counts
		},
		uploadLimit: formatFileSize(membershipListUploadLimit(config.bodySizeLimit))
	};
};

export const actions = {
	import: async (event) => {
		const { user } = requireRole(event, 'admin');
		const upload = await readMembershipListUpload(event.request, 'register', config.bodySizeLimit);
		if (!upload.ok) {
			return fail(upload.status, {
				errors: { register: upload.error },
				problems: [] as string[],
				problemCount: 0
			});
		}
		const result = await importMembershipListFile(upload.bytes, user.id);
		if (!result.ok) {
			const count = result.problems.length;
			const lineProblems = result.problems[0].startsWith('Line ') || count > 1;
			return fail(400, {
				errors: {
					register: lineProblems
						? `Nothing has been imported: the file has ${count === 1 ? 'a problem' : `${count.toLocaleString('en-GB')} problems`}. Fix ${count === 1 ? 'it' : 'them'} and import the whole file again.`
						: result.problems[0]
				},
				problems: lineProblems ? result.problems.slice(0, PROBLEMS_SHOWN) : [],
				problemCount: lineProblems ? count : 0
			});
		}
		return { imported: result.counts };
	}
};
