import { fail, redirect } from '@sveltejs/kit';
import { formText } from '$lib/server/forms';
import { readForm } from '$lib/server/kit/read-form';
import { managedEventOr404 } from '$lib/server/kit/organiser-guard';
import {
	attendeeMessageEmail,
	AUDIENCES,
	checkMessage,
	messageRecipients,
	sendAttendeeMessage
} from '$lib/server/organiser/messages';
import type { RequestEvent } from './$types';

export const load = async (event) => {
	const { managed } = await managedEventOr404(event);
	return { event: managed, audiences: AUDIENCES };
};

async function readMessage(event: RequestEvent) {
	const form = await readForm(event.request);
	const input = {
		audience: formText(form, 'audience'),
		subject: formText(form, 'subject'),
		body: formText(form, 'body'),
		messageId: formText(form, 'messageId')
	};
	return { input, checked: checkMessage(input) };
}

export const actions = {
	preview: async (event) => {
		const { managed } = await managedEventOr404(event);
		const { input, checked } = await readMessage(event);
		if (!checked.ok) return fail(400, { input, errors: checked.errors });
		const recipients = await messageRecipients(managed.id, checked.audience);
		if (recipients.length === 0)
			return fail(400, {
				input,
				errors: {
					audience: 'Nobody is in that group yet, so there is no one to send it to'
				} as Record<string, string>
			});
		const sample = attendeeMessageEmail(managed, checked, recipients[0]);
		return {
			input: { ...input, messageId: checked.messageId },
			preview: { count: recipients.length, subject: sample.subject, html: sample.html }
		};
	},
	send: async (event) => {
		const { viewer, managed } = await managedEventOr404(event);
		const { input, checked } = await readMessage(event);
		if (!checked.ok) return fail(400, { input, errors: checked.errors });
		const sent = await sendAttendeeMessage(managed, checked, viewer.user.id);
		const outcome = sent.alreadySent ? 'already-sent' : 'sent';
		redirect(303, `/organiser/events/${managed.id}/attendees?${outcome}=${sent.count}`);
	}
};
