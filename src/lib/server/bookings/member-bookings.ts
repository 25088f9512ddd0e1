// A member's own bookings, for their bookings page and their personal calendar feed.
import { and, asc, desc, eq, gt, inArray, ne } from 'drizzle-orm';
import { db, table } from '../db/index.ts';
import { sessionsOfEvents } from '../events/sessions.ts';
import { generateSecret } from '../auth/secrets.ts';
import type { EventCategory } from '../../event-categories.ts';
import { answerText } from '../booking-questions/answer-views.ts';

export type MemberBooking = {
	uid: string;
	status: 'confirmed' | 'waitlisted' | 'offered' | 'cancelled';
	guests: number;
	waitlistPosition: number | null;
	offerExpiresAt: Date | null;
	createdAt: Date;
	/** When the member first arrived at the door, if they have. */
	checkedInAt: Date | null;
	/** The member's answers to the organisers' own questions, under the wording they saw. */
	answers: { question: string; text: string }[];
	event: {
		id: number;
		slug: string;
		title: string;
		category: EventCategory;
		status: string;
		startsAt: Date;
		endsAt: Date;
		venueName: string | null;
	};
};

export async function listMemberBookings(userId: number, now = new Date()) {
	const rows = await db
		.select({ booking: table.bookings, event: table.events })
		.from(table.bookings)
		.innerJoin(table.events, eq(table.bookings.eventId, table.events.id))
		.where(eq(table.bookings.userId, userId))
		.orderBy(asc(table.events.startsAt), desc(table.bookings.createdAt));
	const waiting = rows
		.filter((r) => r.booking.status === 'waitlisted')
		.map((r) => r.booking.eventId);
	// Each member's place in their queue, counting only people still waiting ahead of them.
	const queues = waiting.length
		? await db
				.select({ eventId: table.bookings.eventId, position: table.bookings.waitlistPosition })
				.from(table.bookings)
				.where(
					and(inArray(table.bookings.eventId, waiting), eq(table.bookings.status, 'waitlisted'))
				)
		: [];
	const toBooking = ({ booking, event }: (typeof rows)[number]): MemberBooking => ({
		uid: booking.uid,
		status: booking.status,
		guests: booking.guests,
		waitlistPosition:
			booking.status === 'waitlisted'
				? queues.filter(
						(q) =>
							q.eventId === booking.eventId && (q.position ?? 0) <= (booking.waitlistPosition ?? 0)
					).length
				: null,
		offerExpiresAt: booking.status === 'offered' ? booking.offerExpiresAt : null,
		createdAt: booking.createdAt,
		checkedInAt: booking.checkedInAt,
		answers: (booking.answers?.questions ?? []).map((given) => ({
			question: given.question,
			text: answerText(given.answer)
		})),
		event: {
			id: event.id,
			slug: event.slug,
			title: event.title,
			category: event.category,
			status: event.status,
			startsAt: event.startsAt,
			endsAt: event.endsAt,
			venueName: event.venueName
		}
	});
	const all = rows.map(toBooking);
	const upcoming = all.filter((b) => b.event.endsAt > now && b.status !== 'cancelled');
	const past = all.filter((b) => !upcoming.includes(b)).reverse();
	return { upcoming, past };
}

/** The member's feed token, made on first use; regenerating it stops the old address working. */
export async function calendarFeedToken(userId: number, options: { regenerate?: boolean } = {}) {
	const [user] = await db
		.select({ token: table.users.calendarFeedToken })
		.from(table.users)
		.where(eq(table.users.id, userId));
	if (user?.token && !options.regenerate) return user.token;
	const token = generateSecret(32);
	await db.update(table.users).set({ calendarFeedToken: token }).where(eq(table.users.id, userId));
	return token;
}

/** Confirmed bookings for a feed token, with sessions; null for an unknown token. */
export async function feedBookings(token: string, now = new Date()) {
	if (token.length < 20) return null;
	const [user] = await db
		.select({ id: table.users.id, name: table.users.name, email: table.users.email })
		.from(table.users)
		.where(eq(table.users.calendarFeedToken, token));
	if (!user) return null;
	const since = new Date(now.getTime() - 31 * 24 * 3_600_000);
	const rows = await db
		.select({ booking: table.bookings, event: table.events })
		.from(table.bookings)
		.innerJoin(table.events, eq(table.bookings.eventId, table.events.id))
		.where(
			and(
				eq(table.bookings.userId, user.id),
				eq(table.bookings.status, 'confirmed'),
				ne(table.events.status, 'draft'),
				gt(table.events.endsAt, since)
			)
		);
	const sessions = await sessionsOfEvents(rows.map((r) => r.event.id));
	return {
		user,
		bookings: rows.map((r) => ({
			...r,
			sessions: sessions.get(r.event.id) ?? []
		}))
	};
}
