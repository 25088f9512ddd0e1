// The server's limit on request bodies (adapter-node's BODY_SIZE_LIMIT): a body over it is
// refused only when the form is read, with an error that may come wrapped in others.

/** Whether this error, or one it wraps, is that refusal. */
export function isPayloadTooLarge(cause: unknown): boolean {
	if (!cause || typeof cause !== 'object') return false;
	if ((cause as { status?: unknown }).status === 413) return true;
	return isPayloadTooLarge((cause as { cause?: unknown }).cause);
}

/**
 * Reads an upload form. adapter-node refuses a body over BODY_SIZE_LIMIT only when the form is
 * read, so a refusal is told apart here: too large (by the error or the size declared), or cut
 * short. `declared` is the size the browser said it was sending, when it said.
 */
export async function readUploadForm(
	request: Request,
	bodySizeLimit: number
): Promise<
	{ ok: true; form: FormData } | { ok: false; tooLarge: boolean; declared: number | null }
> {
	const declared = Number(request.headers.get('content-length')) || null;
	try {
		return { ok: true, form: await request.formData() };
	} catch (error) {
		const tooLarge = isPayloadTooLarge(error) || (declared !== null && declared > bodySizeLimit);
		return { ok: false, tooLarge, declared };
	}
}
