import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/kit/guards';
import { findApplicationByReference } from '$lib/server/grants/applications';
import { readEvidenceFile } from '$lib/server/grants/evidence';
import { evidenceResponse } from '$lib/server/grants/evidence-response';

/** The applicant's own evidence file; anyone else's answers 404. */
export const GET = async (event) => {
	const { user } = requireUser(event);
	const application = await findApplicationByReference(user.id, event.params.reference);
	const id = Number(event.params.id);
	if (!application || !Number.isInteger(id)) error(404, 'File not found');
	const file = await readEvidenceFile(id, { userId: user.id });
	if (!file) error(404, 'File not found');
	return evidenceResponse(file);
};
