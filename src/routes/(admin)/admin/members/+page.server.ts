import { fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { config } from '$lib/server/config';
import { importRegisterFile, readRegisterSummary } from '$lib/server/members/register';
import {
	formatFileSize,
	readRegisterUpload,
	registerUploadLimit
} from '$lib/server/members/register-upload';
import { formatLongDate, formatTime } from '$lib/london-time';

/** Problems listed on the page; a wholly wrong file can have one per line. */
const PROBLEMS_SHOWN = 500;

export const load = async (event) => {
	requireRole(event, 'admin');
	const summary = await readRegisterSummary();
	return {
		size: summary.size,
		lastImport: summary.lastImport && {
			when: `${formatLongDate(summary.lastImport.at)} at ${formatTime(summary.lastImport.at)}`,
			by: summary.lastImport.by,
			counts: summary.lastImport.counts
		},
		uploadLimit: formatFileSize(registerUploadLimit(config.bodySizeLimit))
	};
};

export const actions = {
	import: async (event) => {
		const { user } = requireRole(event, 'admin');
		const upload = await readRegisterUpload(event.request, 'register', config.bodySizeLimit);
		if (!upload.ok) {
			return fail(upload.status, {
				errors: { register: upload.error },
				problems: [] as string[],
				problemCount: 0
			});
		}
		const result = await importRegisterFile(upload.bytes, user.id);
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
