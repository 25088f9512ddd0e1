// The plain "what changed" line attendees of a published event read when its time or place
// moves; null means their calendars need no update.
import type { Event, EventSession } from '../db/schema/index.ts';
import { formatSessionTime } from '../../london-time.ts';
import type { EventDraft } from './event-form.ts';

const sameTimes = (a: { startsAt: Date; endsAt: Date }[], b: { startsAt: Date; endsAt: Date }[]) =>
	a.length === b.length &&
	a.every(
		(s, i) =>
			s.startsAt.getTime() === b[i].startsAt.getTime() &&
			s.endsAt.getTime() === b[i].endsAt.getTime()
	);

const placeOf = (e: Pick<Event, 'venueName' | 'venueAddress' | 'venuePostcode' | 'onlineUrl'>) =>
	[e.venueName, e.venueAddress, e.venuePostcode, e.onlineUrl].filter(Boolean).join(', ');

/** The plain "what changed" line attendees read, or null when calendars need no update. */
export function describeChange(
	before: { event: Event; sessions: Pick<EventSession, 'startsAt' | 'endsAt'>[] },
	after: EventDraft
): string | null {
	const lines: string[] = [];
	if (!sameTimes(before.sessions, after.sessions)) {
		const [was, now] = [before.sessions[0], after.sessions[0]];
		lines.push(
			after.sessions.length > 1
				? 'The session times have changed.'
				: `It now takes place ${formatSessionTime(now.startsAt, now.endsAt)} (it was ${formatSessionTime(was.startsAt, was.endsAt)}).`
		);
	}
	const [wasAt, nowAt] = [placeOf(before.event), placeOf(after)];
	if (wasAt !== nowAt) lines.push(`It is now at ${nowAt} (it was at ${wasAt}).`);
	return lines.length ? lines.join(' ') : null;
}
