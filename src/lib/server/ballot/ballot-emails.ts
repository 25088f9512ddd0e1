// The emails a ballot sends: the entry confirmed (no calendar invitation: no place yet), the
// entry withdrawn, and after the draw a waiting-list place with its number or the reason an
// entry was left out; and the entrants told when the event is cancelled before the draw.
// Winners get the usual booking confirmation with its calendar invitation (bookings/emails.ts).
import type { Config } from '../config.ts';
import type { Event, EventSession } from '../db/schema/index.ts';
import type { OutgoingEmail } from '../email/message.ts';
import { escapeHtml, renderEmail, type Block } from '../email/templates/layout.ts';
import { eventCancelledOpening, whenAndWhere } from '../bookings/booking-email-parts.ts';
import { drawTimes } from '../../ballot-times.ts';

export type BallotEmailContext = {
	config: Pick<Config, 'origin' | 'branchName' | 'calendarDomain' | 'email'>;
	event: Event;
	sessions: EventSession[];
	member: { email: string; name: string };
	ballot: { entriesCloseAt: Date; drawAt: Date };
};

/** Replaced in SQL by the entry number, known only once the entry is written. */
export const ENTRY_NUMBER_PLACEHOLDER = '{{ballot-entry-number}}';

const eventUrl = (c: BallotEmailContext) => `${c.config.origin}/events/${c.event.slug}`;
const ballotUrl = (c: BallotEmailContext) => `${eventUrl(c)}/ballot`;
const reason = (c: BallotEmailContext) =>
	`You got this email because you entered the ballot for ${c.event.title} with ${c.config.branchName}.`;

function compose(
	c: BallotEmailContext,
	idempotencyKey: string,
	template: string,
	content: { subject: string; preview: string; heading: string; blocks: Block[] }
): OutgoingEmail {
	return {
		idempotencyKey,
		template,
		to: c.member,
		...renderEmail({ ...content, reason: reason(c) }, c.config)
	};
}

export function entryConfirmedEmail(c: BallotEmailContext, key: string): OutgoingEmail {
	const { closes, drawn } = drawTimes(c.ballot);
	return compose(c, `ballot-entered/${key}`, 'ballot-entered', {
		subject: `Ballot entry: ${c.event.title}`,
		preview: `Your entry number is ${ENTRY_NUMBER_PLACEHOLDER}. Places are drawn ${drawn}.`,
		heading: 'You have entered the ballot',
		blocks: [
			{ kind: 'paragraph', text: `Hello ${c.member.name},` },
			{
				kind: 'paragraph',
				text: `You have entered the ballot for ${c.event.title}. This is not a place yet: places are drawn ${drawn} and everyone hears by email.`
			},
			{
				kind: 'facts',
				rows: [
					['Entry number', ENTRY_NUMBER_PLACEHOLDER],
					['Entries close', closes]
				]
			},
			whenAndWhere({ ...c, bookingUid: '' }, 'without-place'),
			{
				kind: 'paragraph',
				text: `Cannot come after all? Withdraw your entry on the event page before entries close: ${eventUrl(c)}`
			},
			{ kind: 'paragraph', text: `How the draw works and how to check it: ${ballotUrl(c)}` }
		]
	});
}

export function entryWithdrawnEmail(c: BallotEmailContext, entryNumber: number): OutgoingEmail {
	return compose(c, `ballot-withdrawn/${c.event.id}/${entryNumber}`, 'ballot-withdrawn', {
		subject: `Ballot entry withdrawn: ${c.event.title}`,
		preview: `Entry ${entryNumber} is withdrawn.`,
		heading: 'Your ballot entry is withdrawn',
		blocks: [
			{ kind: 'paragraph', text: `Hello ${c.member.name},` },
			{
				kind: 'paragraph',
				text: `You withdrew entry ${entryNumber} from the ballot for ${c.event.title}. It will not be drawn. Changed your mind? You can enter again until entries close, ${drawTimes(c.ballot).closes}: ${eventUrl(c)}`
			}
		]
	});
}

type WaitingEntry = { number: number; position: number; passedOver: boolean; bookingUid: string };

function waitingListContent(c: BallotEmailContext, entry: Record<keyof WaitingEntry, string>) {
	return {
		subject: `Ballot result: ${c.event.title}`,
		preview: `You are number ${entry.position} on the waiting list.`,
		heading: `You are number ${entry.position} on the waiting list`,
		blocks: [
			{ kind: 'paragraph', text: `Hello ${c.member.name},` },
			{
				kind: 'paragraph',
				text:
					entry.passedOver === 'true'
						? `The places left when entry ${entry.number} was drawn were not enough for you and your guests, so you are at the top of the waiting list for ${c.event.title}, number ${entry.position}.`
						: `Entry ${entry.number} was not drawn for a place at ${c.event.title}. You are number ${entry.position} on the waiting list, in the order drawn.`
			},
			{
				kind: 'paragraph',
				text: 'If a place comes up we will email you an offer, and you will have a limited time to accept it.'
			},
			whenAndWhere({ ...c, bookingUid: '' }, 'without-place'),
			{ kind: 'button', text: 'See your bookings', href: `${c.config.origin}/account/bookings` },
			{ kind: 'paragraph', text: `The published draw, and how to check it: ${ballotUrl(c)}` }
		] satisfies Block[]
	};
}

// Stand-ins no template text contains, and that HTML escaping leaves alone.
const NAME = '%%ballot-member-name%%';
const NUMBER = '%%ballot-entry-number%%';
const POSITION = '%%ballot-waiting-position%%';

/**
 * The waiting-list result for a whole draw: each of the two wordings is laid out once with
 * stand-ins, then filled for every entry, so thousands of entrants cost string replacement
 * rather than thousands of layouts. Keyed by the waiting-list booking it announces, as every
 * booking's first email is.
 */
export function drawnToWaitingListEmails(c: Omit<BallotEmailContext, 'member'>) {
	const laidOut = new Map<boolean, ReturnType<typeof renderEmail>>();
	const layout = (passedOver: boolean) => {
		const member = { email: '', name: NAME };
		const content = waitingListContent(
			{ ...c, member },
			{ number: NUMBER, position: POSITION, passedOver: String(passedOver), bookingUid: '' }
		);
		return renderEmail({ ...content, reason: reason(c as BallotEmailContext) }, c.config);
	};
	return (member: BallotEmailContext['member'], entry: WaitingEntry): OutgoingEmail => {
		if (!laidOut.has(entry.passedOver)) laidOut.set(entry.passedOver, layout(entry.passedOver));
		const done = laidOut.get(entry.passedOver)!;
		const fill = (text: string, name: string) =>
			text
				.replaceAll(NAME, name)
				.replaceAll(NUMBER, String(entry.number))
				.replaceAll(POSITION, String(entry.position));
		return {
			idempotencyKey: `booking-waitlisted/${entry.bookingUid}`,
			template: 'ballot-waitlisted',
			to: member,
			subject: fill(done.subject, member.name),
			text: fill(done.text, member.name),
			html: fill(done.html, escapeHtml(member.name))
		};
	};
}

/** One entrant's waiting-list result (the draw itself uses `drawnToWaitingListEmails`). */
export function drawnToWaitingListEmail(c: BallotEmailContext, entry: WaitingEntry): OutgoingEmail {
	return drawnToWaitingListEmails(c)(c.member, entry);
}

export function leftOutOfDrawEmail(
	c: BallotEmailContext,
	entry: { number: number; why: string }
): OutgoingEmail {
	return compose(c, `ballot-ineligible/${c.event.id}/${entry.number}`, 'ballot-ineligible', {
		subject: `Ballot result: ${c.event.title}`,
		preview: 'Your entry could not be included in the draw.',
		heading: 'Your entry was not included in the draw',
		blocks: [
			{ kind: 'paragraph', text: `Hello ${c.member.name},` },
			{
				kind: 'paragraph',
				text: `Entry ${entry.number} for ${c.event.title} was left out of the draw, because at the time of the draw you could no longer book this event.`
			},
			{ kind: 'facts', rows: [['Why', entry.why]] },
			{
				kind: 'paragraph',
				text: 'If you think this is a mistake, reply to this email or contact the branch office.'
			}
		]
	});
}

export function ballotCancelledEmail(
	c: BallotEmailContext,
	entryNumber: number,
	why: string
): OutgoingEmail {
	return compose(
		c,
		`ballot-cancelled/${c.event.id}/${entryNumber}`,
		'ballot-cancelled',
		eventCancelledOpening(
			c,
			why,
			`there will be no draw and your ballot entry (number ${entryNumber}) is void`
		)
	);
}
