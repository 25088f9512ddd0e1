import ICAL from 'ical.js';
import { and, eq } from 'drizzle-orm';
import { bookPlace } from '../bookings/book.ts';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { emptyDatabase } from '../testing/fixtures.ts';
import { cancelEvent, updateEvent } from '../organiser/event-editor.ts';
import { createEvent, createMember, createMemberInGoodStanding } from '../testing/fixtures.ts';
import {
	after,
	ballotEvent,
	bookingsOf,
	closes,
	during,
	entrants,
	mailTo
} from '../testing/ballot-fixtures.ts';
import { findEventBallot, saveAllocation } from './allocation.ts';
import { checkPublishedDraw } from './draw.ts';
import { drawBallot, drawDueBallots } from './run-draw.ts';

beforeEach(async () => {
	await emptyDatabase();
	await db.delete(table.outbox);
});

describe('the draw', () => {
	it('gives places in drawn order with invitations, puts the rest on the waiting list in order, and cannot run again', async () => {
		const event = await ballotEvent({ capacity: 3 });
		const members = await entrants(event, 6);
		expect(await drawBallot(event.id, null, closes)).toMatchObject({ ok: false });
		expect(await drawDueBallots(after)).toBe(1);
		expect(await drawBallot(event.id, null, after)).toMatchObject({
			ok: false,
			reason: expect.stringContaining('cannot be run again')
		});
		const bookings = await bookingsOf(event.id);
		expect(bookings.filter((b) => b.status === 'confirmed')).toHaveLength(3);
		const ballot = (await findEventBallot(event.id))!;
		expect(
			checkPublishedDraw({
				seed: ballot.seed,
				commitment: ballot.commitment,
				order: ballot.drawnOrder!
			})
		).toMatchObject({ commitmentMatches: true, orderMatches: true });
		const entries = await db
			.select()
			.from(table.ballotEntries)
			.where(eq(table.ballotEntries.eventId, event.id));
		const byNumber = new Map(entries.map((e) => [e.entryNumber, e]));
		const order = ballot.drawnOrder!.map((o) => byNumber.get(o.number)!);
		expect(order.slice(0, 3).every((e) => e.status === 'won')).toBe(true);
		expect(order.slice(3).every((e) => e.status === 'waitlisted')).toBe(true);
		for (const [i, e] of order.slice(3).entries()) {
			const booking = bookings.find((b) => b.uid === e.bookingUid)!;
			expect(booking.waitlistPosition).toBe(i + 1);
			const member = members.find((m) => m.id === e.userId)!;
			const mail = (await mailTo(member.email)).find((m) => m.template === 'ballot-waitlisted')!;
			expect(mail.subject).toContain('Ballot result');
			expect(mail.textBody).toContain(`number ${i + 1} on the waiting list`);
		}
		const winner = members.find((m) => m.id === order[0].userId)!;
		const invite = (await mailTo(winner.email)).find((m) => m.calendarMethod === 'REQUEST')!;
		const calendar = new ICAL.Component(ICAL.parse(invite.calendarIcs!));
		expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
		expect(calendar.getFirstSubcomponent('vevent')).not.toBeNull();
		const audit = await db
			.select()
			.from(table.auditLog)
			.where(
				and(eq(table.auditLog.action, 'ballot.drawn'), eq(table.auditLog.subjectId, event.slug))
			);
		expect(audit).toHaveLength(1);
	});

	it('with no entries: the draw runs, publishes an empty order, and the event books as usual', async () => {
		const event = await ballotEvent();
		const organiser = await createMember();
		expect(await drawBallot(event.id, organiser.id, after)).toEqual({
			ok: true,
			winners: 0,
			waiting: 0,
			ineligible: 0
		});
		const m = await createMemberInGoodStanding(after);
		const booked = await bookPlace(
			{ eventId: event.id, userId: m.id, answers: {}, guests: 0 },
			after
		);
		expect(booked).toMatchObject({ ok: true, booking: { status: 'confirmed' } });
	});

	it('with fewer entries than places: all win, and the spare places then book first come, first served', async () => {
		const event = await ballotEvent({ capacity: 5 });
		await entrants(event, 2, '1');
		expect(await drawBallot(event.id, null, after)).toMatchObject({
			ok: true,
			winners: 2,
			waiting: 0
		});
		const m = await createMemberInGoodStanding(after);
		expect(
			await bookPlace({ eventId: event.id, userId: m.id, answers: {}, guests: 0 }, after)
		).toMatchObject({ ok: true, booking: { status: 'confirmed' } });
		const taken = (await bookingsOf(event.id))
			.filter((b) => b.status === 'confirmed')
			.reduce((s, b) => s + 1 + b.guests, 0);
		expect(taken).toBe(5);
	});

	it('uses the capacity as it is at the draw, changed during the window', async () => {
		const event = await ballotEvent({ capacity: 2 });
		await entrants(event, 5);
		const [current] = await db.select().from(table.events).where(eq(table.events.id, event.id));
		const sessions = await db
			.select()
			.from(table.eventSessions)
			.where(eq(table.eventSessions.eventId, event.id));
		const draft = {
			...current,
			sessions: sessions.map((s) => ({ startsAt: s.startsAt, endsAt: s.endsAt })),
			capacity: 4
		};
		expect(await updateEvent(current, draft, 1, false, during)).toMatchObject({ ok: true });
		expect(await drawBallot(event.id, null, after)).toMatchObject({
			ok: true,
			winners: 4,
			waiting: 1
		});
	});

	it('when the event is cancelled during the window: entrants are told, and nothing is drawn', async () => {
		const event = await ballotEvent();
		const [a] = await entrants(event, 2);
		const organiser = await createMember();
		const [current] = await db.select().from(table.events).where(eq(table.events.id, event.id));
		expect(await cancelEvent(current, 'The tutor is ill', organiser.id, during)).toEqual({
			ok: true
		});
		expect((await mailTo(a.email)).map((m) => m.template)).toContain('ballot-cancelled');
		expect(await drawDueBallots(after)).toBe(0);
		expect(await drawBallot(event.id, organiser.id, after)).toMatchObject({ ok: false });
		expect(await bookingsOf(event.id)).toHaveLength(0);
	});

	it('leaves out members no longer eligible at the draw, and tells them why', async () => {
		const event = await ballotEvent();
		const [a, b] = await entrants(event, 2);
		await db
			.update(table.membersRegister)
			.set({ subsPaidTo: '2026-01-01' })
			.where(eq(table.membersRegister.membershipNumber, a.membershipNumber!));
		expect(await drawBallot(event.id, null, after)).toMatchObject({
			ok: true,
			winners: 1,
			ineligible: 1
		});
		const [left] = await db
			.select()
			.from(table.ballotEntries)
			.where(and(eq(table.ballotEntries.userId, a.id), eq(table.ballotEntries.eventId, event.id)));
		expect(left.status).toBe('ineligible');
		const mail = (await mailTo(a.email)).find((m) => m.template === 'ballot-ineligible')!;
		expect(mail.textBody).toContain('subs');
		expect((await mailTo(b.email)).some((m) => m.calendarMethod === 'REQUEST')).toBe(true);
	});

	it('draws the priority group first: members without a course place in the last year', async () => {
		const event = await ballotEvent({ capacity: 2 }, true);
		const regulars = await entrants(event, 3);
		const newcomers = await entrants(event, 2);
		const past = await createEvent({
			category: 'course',
			startsAt: new Date('2026-06-01T09:00:00Z')
		});
		for (const r of regulars)
			await db.insert(table.bookings).values({
				uid: `past-${r.id}`,
				eventId: past.id,
				userId: r.id,
				status: 'confirmed',
				statusChangedAt: during
			});
		await drawBallot(event.id, null, after);
		const won = await db
			.select()
			.from(table.ballotEntries)
			.where(and(eq(table.ballotEntries.eventId, event.id), eq(table.ballotEntries.status, 'won')));
		expect(won.map((w) => w.userId).sort()).toEqual(newcomers.map((n) => n.id).sort());
	});

	it('two draws at once make one draw and one set of emails', async () => {
		const event = await ballotEvent({ capacity: 2 });
		await entrants(event, 6);
		const [one, two, due] = await Promise.all([
			drawBallot(event.id, null, after),
			drawBallot(event.id, null, after),
			drawDueBallots(after)
		]);
		expect(Number(one.ok) + Number(two.ok) + due).toBe(1);
		expect((await bookingsOf(event.id)).filter((b) => b.status === 'confirmed')).toHaveLength(2);
		const results = await db
			.select()
			.from(table.outbox)
			.where(eq(table.outbox.template, 'ballot-waitlisted'));
		expect(results).toHaveLength(4);
	});

	it('refuses to change the allocation once entries exist', async () => {
		const event = await ballotEvent();
		await entrants(event, 1);
		const [current] = await db.select().from(table.events).where(eq(table.events.id, event.id));
		const outcome = await saveAllocation(current, { mode: 'first-come' }, 1, during);
		expect(outcome).toMatchObject({
			ok: false,
			errors: { allocation: expect.stringContaining('entered') }
		});
	});
});
