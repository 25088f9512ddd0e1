// The guard for door-link pages: the link must be usable and this browser must have entered its
// PIN. A volunteer gets the door of that one event and nothing else; no session is made.
import { error, type Cookies } from '@sveltejs/kit';
import { config } from '../config.ts';
import { doorPassMatches, findUsableDoorLink } from '../door/door-links.ts';

const secure = config.origin.startsWith('https:');

export const doorPassCookie = (linkId: number) => `door-pass-${linkId}`;

export function setDoorPass(
	cookies: Cookies,
	token: string,
	linkId: number,
	pass: string,
	expires: Date
) {
	cookies.set(doorPassCookie(linkId), pass, {
		httpOnly: true,
		sameSite: 'strict',
		secure,
		path: `/door/${token}`,
		expires
	});
}

/** The link (404 when it is unknown, revoked or over) and whether the PIN was entered here. */
export async function doorLinkOr404(event: {
	params: Partial<Record<string, string>>;
	cookies: Cookies;
}) {
	const token = event.params.token ?? '';
	const found = await findUsableDoorLink(token);
	if (!found) error(404, 'This door link does not work: it has ended or been revoked');
	const pass = event.cookies.get(doorPassCookie(found.link.id)) ?? '';
	return { ...found, token, unlocked: doorPassMatches(found.link, pass) };
}

export async function unlockedDoorLinkOr403(event: {
	params: Partial<Record<string, string>>;
	cookies: Cookies;
}) {
	const found = await doorLinkOr404(event);
	if (!found.unlocked) error(403, 'Enter the door link’s PIN first');
	return found;
}
