import { error } from '@sveltejs/kit';
import { verifyCertificate } from '$lib/server/door/certificates';

export const load = async ({ params, setHeaders }) => {
	const certificate = await verifyCertificate(params.code);
	if (!certificate) error(404, 'There is no certificate with this address');
	setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
	return { certificate };
};
