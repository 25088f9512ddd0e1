// The server's limit on request bodies (adapter-node's BODY_SIZE_LIMIT): a body over it is
// refused only when the form is read, with an error that may come wrapped in others.

/** Whether this error, or one it wraps, is that refusal. */
export function isPayloadTooLarge(cause: unknown): boolean {
	if (!cause || typeof cause !== 'object') return false;
	if ((cause as { status?: unknown }).status === 413) return true;
	return isPayloadTooLarge((cause as { cause?: unknown }).cause);
}
