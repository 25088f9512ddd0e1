import { fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/kit/guards';
import { cancelBooking } from '$lib/server/bookings/cancel';
import { calendarFeedToken, listMemberBookings } from '$lib/server/bookings/member-bookings';
import { bookPlace } from '$lib/server/bookings/book';
import { declineOffer } from '$lib/server/bookings/offers';
import { describeOfferWindow } from '$lib/server/bookings/offer-window';
import { config } from '$lib/server/config';
import { certificateStatuses } from '$lib/server/door/certificate-status';
import { ticketToken } from '$lib/server/door/tickets';
import { formText } from '$lib/server/forms';
import { readForm } from '$lib/server/kit/read-form';

export const load = async (event) => {
	const { user } = requireUser(event);
	const token = await calendarFeedToken(user.id);
	const feedUrl = `${config.origin}/calendar/${token}.ics`;
	const bookings = await listMemberBookings(user.id);
	const tickets = Object.fromEntries(
		bookings.upcoming
			.filter((b) => b.status === 'confirmed')
			.map((b) => [b.uid, ticketToken(b.uid, b.event.id)])
	);
	const uids = [...bookings.upcoming, ...bookings.past].map((b) => b.uid);
	return {
		...bookings,
		tickets,
		certificates: Object.fromEntries(await certificateStatuses(uids)),
		feedUrl,
		webcalUrl: feedUrl.replace(/^https?:/, 'webcal:'),
		confirmCancel: event.url.searchParams.get('cancel'),
		notice: event.url.searchParams.get('done'),
		offerWindow: describeOfferWindow()
	};
};

const done = (what: string) => redirect(303, `/account/bookings?done=${what}`);

export const actions = {
	cancel: async (event) => {
		const { user } = requireUser(event);
		const uid = formText(await readForm(event.request), 'booking');
		const result = await cancelBooking({ bookingUid: uid, userId: user.id });
		if (!result.ok) return fail(400, { booking: uid, error: result.reason });
		done(result.was === 'waitlisted' ? 'left' : 'cancelled');
	},
	accept: async (event) => {
		const { user } = requireUser(event);
		const uid = formText(await readForm(event.request), 'booking');
		const result = await bookPlace({ offer: uid, userId: user.id });
		if (!result.ok) return fail(409, { booking: uid, error: result.reason });
		done('accepted');
	},
	decline: async (event) => {
		const { user } = requireUser(event);
		const uid = formText(await readForm(event.request), 'booking');
		const result = await declineOffer(uid, user.id);
		if (!result.ok) return fail(409, { booking: uid, error: result.reason });
		done('declined');
	},
	regenerateFeed: async (event) => {
		const { user } = requireUser(event);
		await calendarFeedToken(user.id, { regenerate: true });
		done('feed');
	}
};
