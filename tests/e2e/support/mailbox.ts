import { expect, type APIRequestContext } from '@playwright/test';

export type DevMail = {
	id: number;
	to: string;
	template: string;
	subject: string;
	text: string;
	html: string;
	calendar: { method: string; ics: string } | null;
};

/** Waits for the newest message of a kind to reach an address through the outbox and worker. */
export async function waitForMail(request: APIRequestContext, to: string, template: string) {
	let found: DevMail | undefined;
	await expect(async () => {
		const mail: DevMail[] = await (
			await request.get(`/dev/mail.json?to=${encodeURIComponent(to)}`)
		).json();
		found = mail.find((m) => m.template === template);
		expect(found, `a ${template} email to ${to}`).toBeTruthy();
	}).toPass({ timeout: 10_000 });
	return found!;
}

export const verificationCodeIn = (mail: DevMail) => /\b(\d{8})\b/.exec(mail.text)![1];
export const resetLinkIn = (mail: DevMail) => /(\/reset-password\?token=\S+)/.exec(mail.text)![1];
