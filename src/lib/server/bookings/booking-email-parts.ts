// The pieces every booking email is made of: the event's when and where (with the joining link
// only for someone holding a confirmed place), the shared layout, the calendar invitation, and
// the line saying why the member got the email.
import { buildBookingInvite } from '../calendar/booking-invite.ts';
import type { Config } from '../config.ts';
import type { BookingAnswers, Event, EventSession } from '../db/schema/index.ts';
import type { OutgoingEmail } from '../email/message.ts';
import { renderEmail, type Block } from '../email/templates/layout.ts';
import { formatSessionTime } from '../../london-time.ts';

export type BookingContext = {
	config: Pick<Config, 'origin' | 'branchName' | 'calendarDomain' | 'email'>;
	event: Event;
	sessions: EventSession[];
	member: { email: string; name: string };
	bookingUid: string;
	/** What the member asked for when booking, restated in their confirmation. */
	booking?: { guests: number; answers: BookingAnswers | null };
};

/** Replaced in SQL by the member's place in the queue, which is known only once written. */
export const POSITION_PLACEHOLDER = '{{waiting-list-position}}';

export const manageUrl = (c: BookingContext) => `${c.config.origin}/account/bookings`;
export const eventUrl = (c: BookingContext) => `${c.config.origin}/events/${c.event.slug}`;

/**
 * Who an email goes to decides whether it may carry the online joining link: only someone
 * holding a confirmed place gets it; anyone else reads where it will come from.
 */
export type Audience = 'place-holder' | 'without-place';

export function whenAndWhere(c: BookingContext, audience: Audience): Block {
	const when = c.sessions
		.map(
			(s, i) =>
				`${c.sessions.length > 1 ? `Session ${i + 1}: ` : ''}${formatSessionTime(s.startsAt, s.endsAt)}`
		)
		.join('\n');
	const where = [c.event.venueName, c.event.venueAddress, c.event.venuePostcode]
		.filter(Boolean)
		.join(', ');
	const rows: [string, string][] = [['When', when]];
	if (where) rows.push(['Where', where]);
	if (c.event.onlineUrl)
		rows.push([
			'Online',
			audience === 'place-holder'
				? c.event.onlineUrl
				: 'The joining link comes with the confirmation of a place.'
		]);
	if (c.event.accessNotes) rows.push(['Access', c.event.accessNotes]);
	return { kind: 'facts', rows };
}

/**
 * How every "this event has been cancelled" email opens, whether it ends a booking or a ballot
 * entry: the title, the reason, and `consequence` (what goes with the event).
 */
export function eventCancelledOpening(
	c: Pick<BookingContext, 'event' | 'member'>,
	why: string,
	consequence: string
) {
	return {
		subject: `Event cancelled: ${c.event.title}`,
		preview: why,
		heading: 'This event has been cancelled',
		blocks: [
			{ kind: 'paragraph', text: `Hello ${c.member.name},` },
			{
				kind: 'paragraph',
				text: `We are sorry: ${c.event.title} has been cancelled, so ${consequence}.`
			},
			{ kind: 'facts', rows: [['Reason', why]] }
		] satisfies Block[]
	};
}

export function compose(
	c: BookingContext,
	idempotencyKey: string,
	template: string,
	content: Parameters<typeof renderEmail>[0]
): OutgoingEmail {
	return { idempotencyKey, template, to: c.member, ...renderEmail(content, c.config) };
}

export function invite(
	c: BookingContext,
	method: 'REQUEST' | 'CANCEL',
	session: EventSession,
	sequence: number
) {
	return buildBookingInvite({
		method,
		bookingId: c.bookingUid,
		sequence,
		event: c.event,
		session: {
			id: session.id,
			startsAt: session.startsAt,
			endsAt: session.endsAt,
			number: c.sessions.indexOf(session) + 1,
			of: c.sessions.length
		},
		organizer: { email: c.config.email.fromAddress, name: c.config.email.fromName },
		attendee: c.member,
		manageUrl: manageUrl(c),
		calendarDomain: c.config.calendarDomain,
		branchName: c.config.branchName
	});
}

export const reason = (c: BookingContext) =>
	`You got this email because you booked a place at ${c.event.title} with ${c.config.branchName}.`;

/**
 * A calendar CANCEL for each session after the first, one email each: calendars hold one item
 * per session, and the first session's CANCEL rides on the notice itself.
 */
export function laterSessionCancellations(
	c: BookingContext,
	sequence: number,
	template: string,
	keyOf: (session: EventSession) => string
): OutgoingEmail[] {
	return c.sessions.slice(1).map((session, i) => ({
		...compose(c, keyOf(session), template, {
			subject: `Calendar cancellation: ${c.event.title}, session ${i + 2} of ${c.sessions.length}`,
			preview: 'This session is removed from your calendar.',
			heading: `Session ${i + 2} of ${c.sessions.length} cancelled`,
			blocks: [
				{
					kind: 'paragraph',
					text: `This removes session ${i + 2} of ${c.event.title} from your calendar.`
				}
			],
			reason: reason(c)
		}),
		calendar: invite(c, 'CANCEL', session, sequence)
	}));
}
