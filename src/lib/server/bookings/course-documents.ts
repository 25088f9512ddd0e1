// The papers a course place comes with: a letter asking the member's employer for paid release
// to attend union training, and, once earned (door/certificate-status.ts), a certificate of
// attendance. Only the member and the course's organisers (or an admin) may open them.
import { and, asc, eq } from 'drizzle-orm';
import { db, table } from '../db/index.ts';
import { findConfirmedBooking } from './confirmed-booking.ts';
import { readBranchSettings, type BranchSettings } from '../settings/branch-settings.ts';

/** What the letter and certificate say about the branch: its office and who signs. */
export type DocumentBranch = Pick<
	BranchSettings,
	'name' | 'address' | 'phone' | 'email' | 'signatoryName' | 'signatoryRole'
>;

export type CourseDocument = {
	bookingUid: string;
	member: { name: string; membershipNumber: string | null };
	employer: string | null;
	event: { id: number; title: string; summary: string; venue: string };
	sessions: { startsAt: Date; endsAt: Date }[];
	checkedInAt: Date | null;
	bookedAt: Date;
	branch: DocumentBranch;
};

/** A confirmed course booking, read for its owner (`userId`) or for an event's desk (`eventId`). */
export async function loadCourseDocument(
	bookingUid: string,
	owner: { userId: number } | { eventId: number }
): Promise<CourseDocument | null> {
	const row = await findConfirmedBooking(
		bookingUid,
		and(
			eq(table.events.category, 'course'),
			'userId' in owner
				? eq(table.bookings.userId, owner.userId)
				: eq(table.bookings.eventId, owner.eventId)
		)
	);
	if (!row) return null;
	const sessions = await db
		.select({ startsAt: table.eventSessions.startsAt, endsAt: table.eventSessions.endsAt })
		.from(table.eventSessions)
		.where(eq(table.eventSessions.eventId, row.event.id))
		.orderBy(asc(table.eventSessions.startsAt));
	const { name, address, phone, email, signatoryName, signatoryRole } = await readBranchSettings();
	return {
		bookingUid: row.booking.uid,
		member: { name: row.member.name, membershipNumber: row.member.membershipNumber },
		employer: row.booking.answers?.employer?.trim() || null,
		event: {
			id: row.event.id,
			title: row.event.title,
			summary: row.event.summary,
			venue: [row.event.venueName, row.event.venueAddress, row.event.venuePostcode]
				.filter(Boolean)
				.join(', ')
		},
		sessions,
		checkedInAt: row.booking.checkedInAt,
		bookedAt: row.booking.createdAt,
		branch: { name, address, phone, email, signatoryName, signatoryRole }
	};
}
