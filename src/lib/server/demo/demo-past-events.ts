// Demo history for the staff desk: past events of each common kind with who booked, and who
// came, checked in at the door.
import type { Database } from '../db/client.ts';
import * as table from '../db/schema/index.ts';
import { newBookingUid } from '../bookings/booking-uid.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** `came`: the share of those booked who were checked in at the door. */
const past = [
	{ title: 'Branch AGM and social', category: 'celebration' as const, weeksAgo: 3, came: 0.8 },
	{ title: 'Save our libraries rally', category: 'day-of-action' as const, weeksAgo: 5, came: 0.6 },
	{
		title: 'Organising at work: a day for new reps',
		category: 'course' as const,
		weeksAgo: 7,
		came: 0.9
	}
];

/** Three past events, one of each common kind, with bookings and door check-ins. */
export async function seedPastEvents(
	tx: Pick<Database, 'insert'>,
	organiserId: number,
	memberIds: number[],
	now: Date
) {
	for (const [n, spec] of past.entries()) {
		const startsAt = new Date(now.getTime() - spec.weeksAgo * 7 * DAY);
		const endsAt = new Date(startsAt.getTime() + 3 * HOUR);
		const [event] = await tx
			.insert(table.events)
			.values({
				slug: `past-${spec.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
				title: spec.title,
				category: spec.category,
				summary: 'A past branch event.',
				description: 'Held earlier this year.',
				venueName: 'Bank House, the branch office',
				capacity: 40,
				status: 'published',
				startsAt,
				endsAt,
				createdBy: organiserId,
				createdAt: new Date(startsAt.getTime() - 30 * DAY),
				updatedAt: new Date(startsAt.getTime() - 30 * DAY)
			})
			.returning({ id: table.events.id });
		await tx.insert(table.eventSessions).values({ eventId: event.id, startsAt, endsAt });
		await tx
			.insert(table.eventOrganisers)
			.values({ eventId: event.id, userId: organiserId, addedAt: now });
		const booked = memberIds.slice(n).concat(memberIds.slice(0, n));
		const cameCount = Math.round(booked.length * spec.came);
		await tx.insert(table.bookings).values(
			booked.map((userId, i) => ({
				eventId: event.id,
				userId,
				status: 'confirmed' as const,
				answers: {},
				uid: newBookingUid(),
				checkedInAt: i < cameCount ? new Date(startsAt.getTime() + (10 + i) * 60_000) : null,
				createdAt: new Date(startsAt.getTime() - (20 - i) * DAY),
				statusChangedAt: new Date(startsAt.getTime() - (20 - i) * DAY)
			}))
		);
	}
	return past.length;
}
