import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guards';
import { readEvidenceFile } from '$lib/server/grants/evidence';
import { evidenceResponse } from '$lib/server/grants/evidence-response';

/** Any application's evidence, for a welfare officer with two-factor done. */
export const GET = async (event) => {
	requireRole(event, 'welfare');
	const id = Number(event.params.evidenceId);
	const file = Number.isInteger(id) ? await readEvidenceFile(id, 'welfare') : null;
	if (!file) error(404, 'File not found');
	return evidenceResponse(file);
};
