import { error } from '@sveltejs/kit';
import { loadCertificate } from '$lib/server/door/certificates';
import { certificateQrSvg } from '$lib/server/door/certificate-qr';
import { managedEventOr404 } from '$lib/server/kit/organiser-guard';

export const load = async (event) => {
	const { managed } = await managedEventOr404(event);
	const document = await loadCertificate(event.params.uid ?? '', { eventId: managed.id });
	if (!document)
		error(404, 'A certificate is ready once the course has ended and the member attended enough');
	return {
		document,
		qr: await certificateQrSvg(document.verifyUrl),
		back: `/organiser/events/${managed.id}/attendees`
	};
};
