import { error, fail, redirect } from '@sveltejs/kit';
import { describeOfferWindow } from '$lib/server/bookings/offer-window';
import { requireUser } from '$lib/server/kit/guards';
import { ACCESS_NEEDS, readAnswerForm } from '$lib/server/bookings/answers';
import { bookingFormFor, confirmBooking } from '$lib/server/bookings/booking-form';
import { readForm } from '$lib/server/kit/read-form';

export const load = async (event) => {
	const { user } = requireUser(event);
	const form = await bookingFormFor(event.params.slug, user);
	if (!form) error(404, 'Event not found');
	// Arriving here with a booking (the browser's Back after booking) says so where it is, so
	// nothing on this page posts to an address it does not belong to.
	return {
		existing: form.view.booking,
		offerWindow: describeOfferWindow(),
		event: {
			id: form.event.id,
			slug: form.event.slug,
			title: form.event.title,
			category: form.event.category,
			guestsAllowed: form.event.guestsAllowed,
			questions: form.event.bookingQuestions
		},
		ownQuestions: form.questions.map((q) => ({
			id: q.id,
			type: q.type,
			wording: q.wording,
			hint: q.hint,
			options: q.options,
			required: q.required,
			sensitive: q.sensitive
		})),
		firstSession: form.sessions[0].startsAt,
		sessionCount: form.sessions.length,
		availability: form.availability,
		decision: form.view.decision,
		accessNeeds: Object.entries(ACCESS_NEEDS)
	};
};

export const actions = {
	default: async (event) => {
		const { user } = requireUser(event);
		const { values, answers } = readAnswerForm(await readForm(event.request));
		const result = await confirmBooking(event.params.slug, user, values, answers);
		if (!result.ok) {
			return fail(result.status, {
				values,
				answers,
				errors: result.errors ?? {},
				reason: result.reason ?? null
			});
		}
		redirect(
			303,
			`/account/bookings?done=${result.status === 'confirmed' ? 'booked' : 'waitlisted'}`
		);
	}
};
