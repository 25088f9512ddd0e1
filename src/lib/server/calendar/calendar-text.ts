// Text an organiser, a member or an admin wrote, made safe for a calendar file. ical-generator
// escapes the event properties it writes (SUMMARY, LOCATION, DESCRIPTION, CN=…) but writes the
// calendar's own NAME, X-WR-CALNAME and PRODID exactly as given, and no property drops control
// characters. Every builder in this folder passes people's text through here first.

// C0 controls other than tab and line feed, DEL and the C1 controls: RFC 5545 allows none of
// them in a value, and some calendars treat them as line ends.
const CONTROL_CHARACTERS = /(?![\t\n])\p{Cc}/gu;

/** People's text for a property ical-generator escapes itself: line ends as \n, no controls. */
export function plainCalendarText(value: string) {
	return value.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(CONTROL_CHARACTERS, '');
}

/**
 * A person's name for a CN="…" parameter. Parameter values have no backslash escapes and only
 * RFC 6868's ^-escapes, which common parsers (ical.js among them) miscount when the name also
 * holds a colon: so line ends become spaces, and quotes, carets and backslashes look-alikes.
 */
export function calendarParameterText(value: string) {
	return plainCalendarText(value)
		.replace(/\n/g, ' ')
		.replace(/"/g, '\u201d')
		.replace(/\^/g, '\u02c6')
		.replace(/\\/g, '\u29f5')
		.trim();
}

/** A TEXT value (RFC 5545 3.3.11) for a property ical-generator writes as given. */
export function escapeCalendarText(value: string) {
	return plainCalendarText(value)
		.replace(/[\\;,]/g, (character) => `\\${character}`)
		.replace(/\n/g, '\\n');
}

/** The calendar's own name, for NAME and X-WR-CALNAME. */
export function calendarName(name: string) {
	return escapeCalendarText(name);
}

/** PRODID names the branch; its "//" separators must not come from the branch's name. */
export function calendarProductId(branchName: string) {
	const company = escapeCalendarText(branchName).replace(/\/\//g, '/').trim();
	return { company: company || 'Branchdesk', product: 'Branchdesk', language: 'EN' };
}
