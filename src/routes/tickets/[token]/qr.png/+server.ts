// The QR image of a ticket, for the confirmation email (mail apps show a linked picture but not
// an inline data: one). The address is the signed ticket itself; a cancelled booking has none.
import { error } from '@sveltejs/kit';
import { findTicketBooking, ticketQrPng } from '$lib/server/door/ticket-booking';

export const GET = async ({ params }) => {
	if (!(await findTicketBooking(params.token))) error(404, 'There is no ticket here');
	const png = await ticketQrPng(params.token);
	return new Response(new Uint8Array(png), {
		headers: {
			'content-type': 'image/png',
			'cache-control': 'private, max-age=300',
			'x-robots-tag': 'noindex'
		}
	});
};
