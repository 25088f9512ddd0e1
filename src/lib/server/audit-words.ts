// Every audit-log action in plain words, for the admin's audit page and its spreadsheet. Each
// phrase follows the person who acted: "gave Dee Walker the organiser role". `subject` is the
// name of what was acted on (a person, an event, an application), already looked up.
type Said = { subject: string; detail: Record<string, unknown> | null };
type Phrase = (said: Said) => string;

const text = (detail: Said['detail'], key: string) =>
	typeof detail?.[key] === 'string' || typeof detail?.[key] === 'number' ? String(detail[key]) : '';

const ROLE_WORDS: Record<string, string> = {
	organiser: 'organiser',
	welfare: 'welfare officer',
	admin: 'admin'
};
const role = (d: Said['detail']) => ROLE_WORDS[text(d, 'role')] ?? text(d, 'role');
const question = (d: Said['detail']) => (text(d, 'question') ? ` ‘${text(d, 'question')}’` : '');

export const AUDIT_PHRASES: Record<string, Phrase> = {
	// Accounts and sign-in
	'account-registered': () => 'created an account',
	'account-deleted': () => 'deleted their account',
	'admin-created': ({ subject }) => `made ${subject} an admin from the command line`,
	'first-admin-created': ({ subject }) => `set up the branch with ${subject} as its first admin`,
	'signed-out-other-devices': () => 'signed out of their other devices',
	'password-reset-no-account': () => 'asked for a password reset for an address with no account',
	login: () => 'signed in',
	logout: () => 'signed out',
	'login-failed': () => 'failed to sign in',
	'two-factor-verified': () => 'entered a two-factor code',
	'two-factor-enrolled': () => 'turned on two-factor sign-in',
	'two-factor-reset': ({ subject }) => `reset two-factor sign-in for ${subject}`,
	'password-reset-requested': () => 'asked for a password reset',
	'password-reset': () => 'reset their password',
	'password-changed': () => 'changed their password',
	'email-change-requested': () => 'asked to change their email address',
	'sign-up-with-existing-address': () => 'tried to register with an address already in use',
	'membership-verified': () => 'confirmed their membership',
	'membership-check-failed': () => 'tried to confirm their membership and it did not match',
	'role-granted': ({ subject, detail }) => `gave ${subject} the ${role(detail)} role`,
	'role-revoked': ({ subject, detail }) => `took the ${role(detail)} role from ${subject}`,
	'roles.changed': ({ subject }) => `changed the roles of ${subject}`,
	// Branch set-up
	'members-register-imported': ({ detail }) =>
		`imported the membership list (${text(detail, 'rows') || 'some'} rows)`,
	'branch-setting-changed': ({ detail }) =>
		`changed the branch setting ${text(detail, 'setting') || text(detail, 'key')}`.trim(),
	'email-retried': () => 'put a failed email back in the queue',
	// Events and bookings
	'event.created': ({ subject }) => `created ${subject} as a draft`,
	'event.published': ({ subject }) => `published ${subject}`,
	'event.updated': ({ subject }) => `changed ${subject}`,
	'event.cancelled': ({ subject }) => `cancelled ${subject}`,
	'event.allocation-set': ({ subject }) => `changed how places are given out for ${subject}`,
	'event.organiser-added': ({ subject, detail }) =>
		`added ${text(detail, 'organiser') || 'an organiser'} as an organiser of ${subject}`,
	'event.message-sent': ({ subject }) => `messaged the attendees of ${subject}`,
	'event.attendance-rule-set': ({ subject, detail }) =>
		text(detail, 'needed') && text(detail, 'needed') === text(detail, 'sessions')
			? `set ${subject} to give certificates for attending every session`
			: `set ${subject} to give certificates for attending at least ${text(detail, 'needed')} of ${text(detail, 'sessions')} sessions`,
	'event.question-added': ({ subject, detail }) =>
		`added the booking question${question(detail)} to ${subject}`,
	'event.question-changed': ({ subject, detail }) =>
		`changed the booking question${question(detail)} on ${subject}`,
	'event.question-hidden': ({ subject, detail }) =>
		`stopped asking${question(detail)} on ${subject}`,
	'event.question-shown': ({ subject, detail }) =>
		`started asking${question(detail)} again on ${subject}`,
	'booking.added-by-organiser': ({ subject }) => `booked a place for ${subject}`,
	'booking.walk-in-added': ({ subject }) => `added ${subject} at the door`,
	'booking.removed-by-organiser': ({ subject }) => `cancelled the booking of ${subject}`,
	'booking.invite-resent': ({ subject }) => `sent the invitation again to ${subject}`,
	'booking.checked-in': ({ subject }) => `checked in ${subject}`,
	'booking.check-in-undone': ({ subject }) => `undid the check-in of ${subject}`,
	'door.check-ins-sent': ({ subject }) => `sent check-ins from the door for ${subject}`,
	'door.check-ins-sent-by-door-link': ({ subject }) =>
		`sent check-ins from a door link for ${subject}`,
	'door-link.created': ({ subject }) => `made the door link ${subject}`,
	'door-link.revoked': ({ subject }) => `revoked the door link ${subject}`,
	'door-link.opened': ({ subject }) => `opened the door link ${subject} with its PIN`,
	'door-link.pin-refused': ({ subject }) => `tried a wrong PIN on the door link ${subject}`,
	'door-link.locked': ({ subject }) => `locked the door link ${subject} after too many wrong PINs`,
	'ballot.drawn': ({ subject }) => `drew the ballot for ${subject}`,
	// Grants
	'grant-round.created': ({ subject }) => `set up the grant round ${subject}`,
	'grant-round.order-set': ({ subject }) => `chose how applications are ordered in ${subject}`,
	'grant-round.order-drawn': ({ subject }) => `drew the order of applications in ${subject}`,
	'grant.approve': ({ subject, detail }) =>
		`approved application ${subject}${typeof detail?.awardPence === 'number' ? ` for £${(detail.awardPence / 100).toFixed(2)}` : ''}`,
	'grant.decline': ({ subject }) => `declined application ${subject}`,
	'grant.request-info': ({ subject }) => `asked the applicant of ${subject} for more information`,
	'grant.mark-paid': ({ subject }) => `marked application ${subject} as paid`,
	'grant.assisted-submit': ({ subject }) => `sent application ${subject} with the member`,
	'grant.bank-details-viewed': ({ subject }) => `looked at the bank details on ${subject}`
};

/** The action in words; an action with no phrase yet is shown as its code, never hidden. */
export function describeAuditAction(action: string, said: Said) {
	const phrase = AUDIT_PHRASES[action];
	return phrase ? phrase(said) : `did “${action}” to ${said.subject}`;
}
