import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import {
	createBooking,
	createEvent,
	createMember,
	createMemberInGoodStanding,
	emptyDatabase
} from '../testing/fixtures.ts';
import {
	addAttendee,
	listAttendees,
	removeAttendee,
	resendInvite,
	setCheckedIn
} from './attendees.ts';
import { attendeesCsv, csvCell } from './attendees-csv.ts';
import { checkMessage, sendAttendeeMessage } from './messages.ts';

beforeEach(async () => {
	await emptyDatabase();
	await db.delete(table.outbox);
});

const bookingOf = async (uid: string) =>
	(await db.select().from(table.bookings).where(eq(table.bookings.uid, uid)))[0];

describe('the attendee desk', () => {
	it('checks a confirmed attendee in and undoes it, but never someone waiting', async () => {
		const event = await createEvent();
		const booking = await createBooking(event);
		const waiting = await createBooking(event, { status: 'waitlisted', waitlistPosition: 1 });
		expect(await setCheckedIn(event.id, booking.uid, true, 1)).toMatchObject({ ok: true });
		expect((await bookingOf(booking.uid)).checkedInAt).not.toBeNull();
		await setCheckedIn(event.id, booking.uid, false, 1);
		expect((await bookingOf(booking.uid)).checkedInAt).toBeNull();
		expect(await setCheckedIn(event.id, waiting.uid, true, 1)).toMatchObject({ ok: false });
		const other = await createEvent();
		expect(await setCheckedIn(other.id, booking.uid, true, 1)).toMatchObject({ ok: false });
	});

	it('adds a member by membership number only while a place is free', async () => {
		const event = await createEvent({ capacity: 1 });
		const first = await createMemberInGoodStanding();
		const second = await createMemberInGoodStanding();
		expect(await addAttendee(event, first.membershipNumber!.toLowerCase(), 1)).toMatchObject({
			ok: true
		});
		const outcome = await addAttendee(event, second.email, 1);
		expect(outcome).toMatchObject({
			ok: false,
			reason: expect.stringContaining('No place is free')
		});
		expect(await addAttendee(event, 'nobody@example.org', 1)).toMatchObject({ ok: false });
		expect((await listAttendees(event.id)).map((a) => a.name)).toEqual([first.name]);
	});

	it('adds a walk-in at the door while the event is on, checked in, with the audit record in the same write', async () => {
		const now = new Date();
		const event = await createEvent({
			capacity: 2,
			startsAt: new Date(now.getTime() - 30 * 60_000),
			bookingClosesAt: new Date(now.getTime() - 24 * 3_600_000)
		});
		await createBooking(event);
		await createBooking(event, { status: 'waitlisted', waitlistPosition: 1 });
		const walkIn = await createMemberInGoodStanding();
		const late = await createMemberInGoodStanding();
		const added = await addAttendee(event, walkIn.email, 7, now);
		expect(added).toEqual({
			ok: true,
			message: `${walkIn.name} has a place, is checked in and has been sent the confirmation.`
		});
		const [booking] = await db
			.select()
			.from(table.bookings)
			.where(eq(table.bookings.userId, walkIn.id));
		expect(booking).toMatchObject({ status: 'confirmed', checkedInAt: now });
		const audit = await db
			.select()
			.from(table.auditLog)
			.where(eq(table.auditLog.subjectId, booking.uid));
		expect(audit).toMatchObject([{ action: 'booking.walk-in-added', actorUserId: 7 }]);

		// Full now: the next person at the door is told so, and nothing is written for them.
		expect(await addAttendee(event, late.email, 7, now)).toEqual({
			ok: false,
			reason: `Every place is taken, so ${late.name} was not added.`
		});
		expect(
			await db.select().from(table.bookings).where(eq(table.bookings.userId, late.id))
		).toEqual([]);

		// Once it has finished, nobody is added.
		const after = new Date(event.endsAt.getTime() + 60_000);
		expect(await addAttendee(event, late.email, 7, after)).toMatchObject({
			ok: false,
			reason: 'This event has finished, so nobody can be added to it.'
		});
	});

	it('writes no audit record when an add or a removal changes nothing', async () => {
		const event = await createEvent({ capacity: 5 });
		const member = await createMemberInGoodStanding();
		expect(await addAttendee(event, member.email, 3)).toMatchObject({ ok: true });
		expect(await addAttendee(event, member.email, 3)).toMatchObject({
			ok: false,
			reason: `${member.name} already has a booking for this event.`
		});
		const [booking] = await db
			.select()
			.from(table.bookings)
			.where(eq(table.bookings.userId, member.id));
		expect(booking.checkedInAt).toBeNull();
		expect(await removeAttendee(event.id, booking.uid, 3)).toMatchObject({ ok: true });
		expect(await removeAttendee(event.id, booking.uid, 3)).toMatchObject({ ok: false });
		const actions = (
			await db.select().from(table.auditLog).where(eq(table.auditLog.subjectId, booking.uid))
		).map((a) => a.action);
		expect(actions).toEqual(['booking.added-by-organiser', 'booking.removed-by-organiser']);
	});

	it('removing someone cancels with a CANCEL and offers the place to the next person', async () => {
		const event = await createEvent({ capacity: 1 });
		const booking = await createBooking(event);
		const waiting = await createBooking(event, { status: 'waitlisted', waitlistPosition: 1 });
		expect(await removeAttendee(event.id, booking.uid, 1)).toMatchObject({ ok: true });
		expect((await bookingOf(booking.uid)).status).toBe('cancelled');
		expect((await bookingOf(waiting.uid)).status).toBe('offered');
		const mail = await db.select().from(table.outbox);
		expect(mail.some((m) => m.calendarMethod === 'CANCEL')).toBe(true);
	});

	it('resends the invitation as a new email each time', async () => {
		const event = await createEvent();
		const booking = await createBooking(event);
		await resendInvite(event.id, booking.uid, 1, new Date(1));
		await resendInvite(event.id, booking.uid, 1, new Date(2));
		const mail = await db.select().from(table.outbox);
		expect(mail).toHaveLength(2);
		expect(mail.every((m) => m.calendarMethod === 'REQUEST')).toBe(true);
	});

	it('writes a CSV with a BOM, quoting, and formulas turned into text', async () => {
		const event = await createEvent();
		const member = await createMember({ name: '=HYPERLINK("http://x","click")' });
		await createBooking(event, {
			userId: member.id,
			answers: { accessNeeds: ['step-free'], dietary: '-vegan, no nuts' }
		});
		const csv = attendeesCsv(await listAttendees(event.id));
		expect(csv.startsWith('\uFEFFName,Email')).toBe(true);
		expect(csv).toContain(`"'=HYPERLINK(""http://x"",""click"")"`);
		expect(csv).toContain(`"'-vegan, no nuts"`);
		expect(csv).toContain('Step-free access');
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvCell('\tx')).toBe("'\tx");
		expect(csvCell('plain')).toBe('plain');
	});

	it('messages go one per recipient, once per preview, with an audit record', async () => {
		const event = await createEvent({ capacity: 1 });
		await createBooking(event);
		await createBooking(event, { status: 'waitlisted', waitlistPosition: 1 });
		expect(checkMessage({ audience: 'nobody', subject: '', body: '' })).toMatchObject({
			ok: false
		});
		for (const audience of ['constructor', 'toString', '__proto__']) {
			expect(checkMessage({ audience, subject: 'Hi', body: 'Hello' }), audience).toEqual({
				ok: false,
				errors: { audience: 'Choose who the message is for' }
			});
		}
		const message = checkMessage({ audience: 'all', subject: 'Room change', body: 'Room 2 now.' });
		if (!message.ok) throw new Error('should pass');
		expect(await sendAttendeeMessage(event, message, 1)).toEqual({ count: 2, alreadySent: false });
		// Someone books in between; the same preview sent again reaches nobody new.
		await createBooking(event, { status: 'waitlisted', waitlistPosition: 2 });
		expect(await sendAttendeeMessage(event, message, 1)).toEqual({ count: 3, alreadySent: true });
		expect(await db.select().from(table.outbox)).toHaveLength(2);
		const audit = await db
			.select()
			.from(table.auditLog)
			.where(eq(table.auditLog.subjectId, event.slug));
		expect(audit.map((a) => a.action)).toEqual(['event.message-sent']);
		const again = checkMessage({ audience: 'all', subject: 'Room change', body: 'Room 2 now.' });
		if (!again.ok) throw new Error('should pass');
		expect(await sendAttendeeMessage(event, again, 1)).toEqual({ count: 3, alreadySent: false });
	});
});
