// What the attendee desk does to one booking: check in, add a member (at the door, a walk-in),
// remove, send the invitation again. Every change goes through the booking functions, so the
// rules and emails are the same as when a member acts.
import { and, eq, or, sql } from 'drizzle-orm';
import { auditInsert } from '../audit.ts';
import { sessionAtTheDoor } from '../../door/session-at-door.ts';
import { recordCheckIns, undoCheckIn } from '../door/check-ins.ts';
import { bookPlace } from '../bookings/book.ts';
import { placesTakenSql, waitingSql } from '../bookings/places.ts';
import { bookingEmailContext, loadEventWithSessions } from '../bookings/booking-context.ts';
import { cancelBooking } from '../bookings/cancel.ts';
import { placeConfirmedEmails } from '../bookings/confirmation-email.ts';
import { db, table } from '../db/index.ts';
import type { Event } from '../db/schema/index.ts';
import { queueEmail } from '../email/outbox.ts';
import { wakeEmailWorker } from '../email/worker.ts';
import { readAttendeeToAdd } from '../members/member-lookup-form.ts';

const b = table.bookings;
const u = table.users;

export type DeskOutcome = { ok: true; message: string } | { ok: false; reason: string };

async function findBookingOn(eventId: number, bookingUid: string) {
	const [row] = await db
		.select({ booking: b, name: u.name, email: u.email })
		.from(b)
		.innerJoin(u, eq(u.id, b.userId))
		.where(and(eq(b.eventId, eventId), eq(b.uid, bookingUid)));
	return row ?? null;
}

/** A confirmed booking on this event, with the event and its sessions; null for any other. */
async function findConfirmedOn(eventId: number, bookingUid: string) {
	const found = await findBookingOn(eventId, bookingUid);
	if (!found || found.booking.status !== 'confirmed') return null;
	const loaded = await loadEventWithSessions(eventId);
	return loaded && { ...found, loaded };
}

/**
 * One tap at the desk: checks a confirmed attendee in for the session on now (or, with `undo`,
 * takes that check-in back). Door devices record theirs through the same check-in writer.
 */
export async function setCheckedIn(
	eventId: number,
	bookingUid: string,
	here: boolean,
	actorUserId: number,
	now = new Date()
): Promise<DeskOutcome> {
	const found = await findConfirmedOn(eventId, bookingUid);
	const session = found && sessionAtTheDoor(found.loaded.sessions, now);
	if (!found || !session)
		return { ok: false, reason: 'Only people with a confirmed place can be checked in.' };
	const audit = {
		actorUserId,
		action: here ? 'booking.checked-in' : 'booking.check-in-undone',
		subjectType: 'booking',
		subjectId: bookingUid
	};
	if (!here) {
		await undoCheckIn(eventId, bookingUid, session.id, audit, now);
		return { ok: true, message: `${found.name} is no longer checked in.` };
	}
	const [result] = await recordCheckIns(
		eventId,
		[
			{
				clientId: `desk-${bookingUid}-${session.id}-${now.getTime()}`,
				bookingUid,
				sessionId: session.id,
				checkedInAt: now,
				deviceId: 'attendee desk'
			}
		],
		audit,
		now
	);
	if (result.outcome === 'refused') return { ok: false, reason: result.reason };
	return { ok: true, message: `${found.name} is checked in.` };
}

/** A published event between its start and its end: people arrive at the door and are added there. */
export function isUnderway(event: Pick<Event, 'status' | 'startsAt' | 'endsAt'>, now = new Date()) {
	const t = now.getTime();
	return (
		event.status === 'published' && event.startsAt.getTime() <= t && t < event.endsAt.getTime()
	);
}

/** The member with this email address or membership number (spaces and case aside). */
async function findMemberByKey(key: string) {
	const [member] = await db
		.select()
		.from(u)
		.where(
			or(
				eq(u.email, key.toLowerCase()),
				eq(sql`upper(${u.membershipNumber})`, key.toUpperCase().replace(/\s+/g, ''))
			)
		);
	return member && !member.deletedAt ? member : null;
}

/** A place for one more. At the door the waiting list has closed: a free place goes to whoever is there. */
async function placeIsFree(event: Event, atTheDoor: boolean) {
	if (event.capacity === null) return true;
	const [row] = await db
		.select({ taken: placesTakenSql(event.id), waiting: waitingSql(event.id) })
		.from(sql`(select 1)`);
	return Number(row.taken) + 1 <= event.capacity && (atTheDoor || Number(row.waiting) === 0);
}

/**
 * An organiser books a member in, by email or membership number, on the same terms as the
 * member booking for themselves; a full event is said so, not quietly waitlisted. While the
 * event is on, someone at the door gets a free place and is checked in at once; the booking
 * times no longer apply, but capacity and who may come still do.
 */
export async function addAttendee(
	event: Event,
	who: string,
	actorUserId: number,
	now = new Date()
): Promise<DeskOutcome> {
	const typed = readAttendeeToAdd(who);
	if (!typed.ok) return { ok: false, reason: typed.error };
	const { key } = typed;
	if (event.status === 'published' && now.getTime() >= event.endsAt.getTime())
		return { ok: false, reason: 'This event has finished, so nobody can be added to it.' };
	const atTheDoor = isUnderway(event, now);
	const member = await findMemberByKey(key);
	if (!member)
		return {
			ok: false,
			reason:
				'No account has that email address or membership number. The member needs to create an account first.'
		};
	if (!(await placeIsFree(event, atTheDoor)))
		return {
			ok: false,
			reason: atTheDoor
				? `Every place is taken, so ${member.name} was not added.`
				: `No place is free, so ${member.name} was not added. They can join the waiting list from the event page.`
		};
	const booked = await bookPlace(
		{
			eventId: event.id,
			userId: member.id,
			answers: {},
			guests: 0,
			desk: { actorUserId, atTheDoor }
		},
		now
	);
	if (!booked.ok) {
		const reason = booked.existing
			? `${member.name} already has a booking for this event.`
			: booked.full
				? `Every place is taken, so ${member.name} was not added.`
				: `${member.name} cannot be booked: ${booked.reason}`;
		return { ok: false, reason };
	}
	if (booked.booking.status !== 'confirmed')
		return {
			ok: true,
			message: `The last place went a moment ago, so ${member.name} is on the waiting list (number ${booked.waitingPosition}).`
		};
	return atTheDoor
		? {
				ok: true,
				message: `${member.name} has a place, is checked in and has been sent the confirmation.`
			}
		: { ok: true, message: `${member.name} has a place and has been sent the confirmation.` };
}

/** Removes someone: the member gets a CANCEL, and the freed place is offered to the queue. */
export async function removeAttendee(
	eventId: number,
	bookingUid: string,
	actorUserId: number,
	now = new Date()
): Promise<DeskOutcome> {
	const found = await findBookingOn(eventId, bookingUid);
	if (!found || found.booking.status === 'cancelled')
		return { ok: false, reason: 'That booking is already cancelled.' };
	const cancelled = await cancelBooking(
		{
			bookingUid,
			byOrganiser: true,
			audit: {
				actorUserId,
				action: 'booking.removed-by-organiser',
				subjectType: 'booking',
				subjectId: bookingUid
			}
		},
		now
	);
	if (!cancelled.ok) return cancelled;
	return { ok: true, message: `${found.name}’s booking is cancelled and they have been emailed.` };
}

/** Sends the confirmation and invitations again, for someone who lost them. */
export async function resendInvite(
	eventId: number,
	bookingUid: string,
	actorUserId: number,
	now = new Date()
): Promise<DeskOutcome> {
	const found = await findConfirmedOn(eventId, bookingUid);
	if (!found)
		return { ok: false, reason: 'Only a confirmed place has an invitation to send again.' };
	const emails = placeConfirmedEmails(
		bookingEmailContext(found.loaded, found, bookingUid, found.booking)
	).map((email) => ({
		...email,
		idempotencyKey: `${email.idempotencyKey}/resent-${now.getTime()}`
	}));
	await db.batch([
		auditInsert(
			db,
			{
				actorUserId,
				action: 'booking.invite-resent',
				subjectType: 'booking',
				subjectId: bookingUid
			},
			now
		),
		...emails.map((email) => queueEmail(db, email, now))
	]);
	wakeEmailWorker();
	return { ok: true, message: `The invitation has been sent to ${found.name} again.` };
}
