// The body of a form post, for routes: one the server cannot read (cut off on the way, or over
// its size limit) answers with a page saying so, never a server error.
import { error } from '@sveltejs/kit';
import { isPayloadTooLarge } from '../body-limit.ts';

export async function readForm(request: Request) {
	try {
		return await request.formData();
	} catch (cause) {
		if (isPayloadTooLarge(cause)) {
			error(413, 'What you sent is larger than this form can take. Shorten it and send it again.');
		}
		error(400, 'Your form did not arrive in full. Go back, check your answers and send it again.');
	}
}
