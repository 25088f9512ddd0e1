import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/kit/guards';
import { loadCertificate } from '$lib/server/door/certificates';
import { certificateQrSvg } from '$lib/server/door/certificate-qr';

export const load = async (event) => {
	const { user } = requireUser(event);
	const document = await loadCertificate(event.params.uid, { userId: user.id });
	if (!document)
		error(404, 'A certificate is ready once the course has ended and you attended enough of it');
	return { document, qr: await certificateQrSvg(document.verifyUrl), back: '/account/bookings' };
};
