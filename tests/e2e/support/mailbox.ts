import { expect, type APIRequestContext } from '@playwright/test';

export type DevMail = {
	id: number;
	to: string;
	template: string;
	/** Names what the message is about: `booking-confirmed/<booking uid>/seq-0`. */
	idempotencyKey: string;
	subject: string;
	text: string;
	html: string;
	calendar: { method: string; ics: string } | null;
};

/** What a message is about: a booking (its uid), an event (its id) or a grant application. */
export type MailAbout = { booking: string } | { event: number } | { application: string };

/**
 * Whether a message's idempotency key names the booking, event or application:
 * `event-changed/<booking uid>/…`, `organiser-message/<event id>/…`, `grant/<reference>/…`.
 */
function isAbout(mail: DevMail, about: MailAbout) {
	const parts = mail.idempotencyKey.split('/');
	if ('booking' in about) return parts.includes(about.booking);
	if ('application' in about) return parts[0] === 'grant' && parts[1] === about.application;
	return parts[1] === String(about.event);
}

/**
 * Waits for a message of a kind to reach an address through the outbox and worker; with
 * `about`, the one about that booking, event or application, so a test never takes another's message.
 */
export async function waitForMail(
	request: APIRequestContext,
	to: string,
	template: string,
	about?: MailAbout
) {
	let found: DevMail | undefined;
	await expect(async () => {
		found = (await mailTo(request, to)).find(
			(m) => m.template === template && (!about || isAbout(m, about))
		);
		expect(found, `a ${template} email to ${to}`).toBeTruthy();
	}).toPass({ timeout: 10_000 });
	return found!;
}

/** Every message delivered to an address so far, newest first. */
export async function mailTo(request: APIRequestContext, to: string): Promise<DevMail[]> {
	return (await request.get(`/dev/mail.json?to=${encodeURIComponent(to)}`)).json();
}

export const verificationCodeIn = (mail: DevMail) => /\b(\d{8})\b/.exec(mail.text)![1];
export const resetLinkIn = (mail: DevMail) => /(\/reset-password\?token=\S+)/.exec(mail.text)![1];
