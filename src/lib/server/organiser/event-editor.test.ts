import ICAL from 'ical.js';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import {
	createBooking,
	createEvent as createEventRow,
	createMember,
	emptyDatabase
} from '../testing/fixtures.ts';
import { addEventOrganiser, findManagedEvent } from './access.ts';
import { cancelEvent, createEvent, updateEvent } from './event-editor.ts';
import {
	blankEventForm,
	eventFormValues,
	validateEventForm,
	type EventFormValues
} from './event-form.ts';

beforeEach(async () => {
	await emptyDatabase();
	await db.delete(table.outbox);
});

function form(overrides: Partial<EventFormValues> = {}): EventFormValues {
	return {
		...blankEventForm(),
		title: 'Equal pay: know your rights',
		category: 'course',
		summary: 'An evening course',
		description: 'What the law says.',
		venueName: 'Branch office',
		capacity: '2',
		sessions: [{ date: '2027-01-14', start: '18:30', end: '20:30' }],
		...overrides
	};
}

function draftOf(values: EventFormValues) {
	const checked = validateEventForm(values);
	if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
	return checked.draft;
}

/** A week on, at 10:00 UTC: its sessions start and end on one London day whenever the test runs. */
function nextWeekMorning() {
	const day = new Date(Date.now() + 7 * 24 * 3_600_000);
	day.setUTCHours(10, 0, 0, 0);
	return day;
}

const parse = (ics: string) => new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;

describe('the event form', () => {
	it('turns London wall times into instants and keeps every message beside its field', () => {
		const draft = draftOf(
			form({ sessions: [{ date: '2027-07-01', start: '18:30', end: '20:00' }] })
		);
		expect(draft.sessions[0].startsAt.toISOString()).toBe('2027-07-01T17:30:00.000Z');
		const bad = validateEventForm(
			form({ title: '', capacity: 'lots', sessions: [{ date: '2027-02-30', start: '', end: '' }] })
		);
		expect(bad.ok).toBe(false);
		if (!bad.ok) {
			expect(bad.errors.title).toBe('Enter a title');
			expect(bad.errors.capacity).toMatch(/whole number/);
			expect(bad.errors['session-0-date']).toMatch(/real date/);
		}
	});
});

describe('organising an event', () => {
	it('gives the creator the event, a unique slug, and hides it from other organisers', async () => {
		const me = await createMember({ roles: ['organiser'] });
		const other = await createMember({ roles: ['organiser'] });
		const admin = await createMember({ roles: ['admin'] });
		const first = await createEvent(draftOf(form()), me.id, false);
		const second = await createEvent(draftOf(form()), me.id, true);
		expect(first.ok && second.ok).toBe(true);
		if (!first.ok || !second.ok) return;
		const a = await findManagedEvent(me, first.eventId);
		const b = await findManagedEvent(me, second.eventId);
		expect([a?.slug, b?.slug]).toEqual([
			'equal-pay-know-your-rights',
			'equal-pay-know-your-rights-2'
		]);
		expect(a?.status).toBe('draft');
		expect(await findManagedEvent(other, first.eventId)).toBeNull();
		expect(await findManagedEvent(admin, first.eventId)).not.toBeNull();
		expect(await findManagedEvent(me, 'nonsense')).toBeNull();
		expect(await addEventOrganiser(first.eventId, other.email)).toMatchObject({ ok: true });
		expect(await findManagedEvent(other, first.eventId)).not.toBeNull();
		const member = await createMember();
		expect(await addEventOrganiser(first.eventId, member.email)).toMatchObject({ ok: false });
	});

	it('moving a published event sends confirmed attendees an update with the same UID and a higher SEQUENCE', async () => {
		const me = await createMember({ roles: ['organiser'] });
		const event = await createEventRow({ capacity: 5, startsAt: nextWeekMorning() });
		const sessions = await db
			.select()
			.from(table.eventSessions)
			.where(eq(table.eventSessions.eventId, event.id));
		const confirmed = await createBooking(event);
		await createBooking(event, { status: 'waitlisted', waitlistPosition: 1 });
		const values = eventFormValues(event, sessions);
		const moved = draftOf({
			...values,
			sessions: [{ ...values.sessions[0], start: '09:00', end: '23:00' }]
		});
		expect(await updateEvent(event, moved, me.id, false)).toEqual({ ok: true, eventId: event.id });
		const [saved] = await db.select().from(table.events).where(eq(table.events.id, event.id));
		expect(saved.sequence).toBe(event.sequence + 1);
		const mail = await db.select().from(table.outbox);
		expect(mail).toHaveLength(1);
		expect(mail[0].template).toBe('event-changed');
		expect(mail[0].textBody).toContain('It now takes place');
		const vevent = parse(mail[0].calendarIcs!);
		expect(vevent.getFirstPropertyValue('uid')).toContain(confirmed.uid);
		expect(vevent.getFirstPropertyValue('sequence')).toBe(event.sequence + 1);
		expect(mail[0].calendarMethod).toBe('REQUEST');

		// Saving again without a change sends nothing more and keeps the sequence.
		const [again] = await db.select().from(table.events).where(eq(table.events.id, event.id));
		await updateEvent(again, moved, me.id, false);
		expect(await db.select().from(table.outbox)).toHaveLength(1);
	});

	it('refuses a capacity below the places taken, and offers places when it rises', async () => {
		const me = await createMember({ roles: ['organiser'] });
		const event = await createEventRow({ capacity: 2, startsAt: nextWeekMorning() });
		const sessions = await db
			.select()
			.from(table.eventSessions)
			.where(eq(table.eventSessions.eventId, event.id));
		await createBooking(event);
		await createBooking(event);
		const waiting = await createBooking(event, { status: 'waitlisted', waitlistPosition: 1 });
		const values = eventFormValues(event, sessions);
		const lower = await updateEvent(event, draftOf({ ...values, capacity: '1' }), me.id, false);
		expect(lower).toEqual({
			ok: false,
			errors: { capacity: expect.stringContaining('less than 2') }
		});
		const unlimited = await updateEvent(event, draftOf({ ...values, capacity: '' }), me.id, false);
		expect(unlimited).toEqual({
			ok: false,
			errors: { capacity: expect.stringContaining('waiting list') }
		});
		expect(
			await updateEvent(event, draftOf({ ...values, capacity: '3' }), me.id, false)
		).toMatchObject({ ok: true });
		const [offered] = await db
			.select()
			.from(table.bookings)
			.where(eq(table.bookings.id, waiting.id));
		expect(offered.status).toBe('offered');
	});

	it('refuses to cancel a draft, which would otherwise appear in public as cancelled', async () => {
		const me = await createMember({ roles: ['organiser'] });
		const created = await createEvent(draftOf(form()), me.id, false);
		if (!created.ok) throw new Error('the draft was not created');
		const [draft] = await db
			.select()
			.from(table.events)
			.where(eq(table.events.id, created.eventId));
		expect(await cancelEvent(draft, 'Not needed', me.id)).toEqual({
			ok: false,
			errors: { reason: expect.stringMatching(/draft that nobody can see/) }
		});
		const [after] = await db
			.select()
			.from(table.events)
			.where(eq(table.events.id, created.eventId));
		expect(after.status).toBe('draft');
	});

	it('cancelling tells every live booking, with a CANCEL for confirmed places', async () => {
		const me = await createMember({ roles: ['organiser'] });
		const event = await createEventRow({ capacity: 1 });
		const confirmed = await createBooking(event);
		await createBooking(event, { status: 'waitlisted', waitlistPosition: 1 });
		await createBooking(event, { status: 'offered', waitlistPosition: 2 });
		expect(await cancelEvent(event, '', me.id)).toMatchObject({ ok: false });
		expect(await cancelEvent(event, 'The venue flooded', me.id)).toEqual({ ok: true });
		const [saved] = await db.select().from(table.events).where(eq(table.events.id, event.id));
		expect(saved).toMatchObject({
			status: 'cancelled',
			cancelledReason: 'The venue flooded',
			sequence: 1
		});
		const mail = await db.select().from(table.outbox);
		expect(mail).toHaveLength(3);
		const told = mail.map((m) => /so your (.+?) is cancelled too/.exec(m.textBody)?.[1]).sort();
		expect(told).toEqual(['offer of a place', 'place', 'place on the waiting list']);
		const cancel = mail.find((m) => m.calendarMethod === 'CANCEL')!;
		expect(parse(cancel.calendarIcs!).getFirstPropertyValue('uid')).toContain(confirmed.uid);
		const live = await db.select().from(table.bookings).where(eq(table.bookings.eventId, event.id));
		expect(live.every((b) => b.status === 'cancelled')).toBe(true);
	});

	it('a cancel that meets a change made since the page was read still cancels and tells everyone', async () => {
		const me = await createMember({ roles: ['organiser'] });
		const asRead = await createEventRow({ capacity: 2 });
		await createBooking(asRead);
		await createBooking(asRead, { status: 'offered', waitlistPosition: 1 });
		await createBooking(asRead, { status: 'waitlisted', waitlistPosition: 2 });
		// Someone saved the event after this organiser opened it.
		await db.update(table.events).set({ sequence: 1 }).where(eq(table.events.id, asRead.id));
		expect(await cancelEvent(asRead, 'The venue flooded', me.id)).toEqual({ ok: true });
		const [saved] = await db.select().from(table.events).where(eq(table.events.id, asRead.id));
		expect(saved).toMatchObject({ status: 'cancelled', sequence: 2 });
		const mail = await db.select().from(table.outbox);
		expect(mail.map((m) => m.template).sort()).toEqual([
			'event-cancelled',
			'event-cancelled',
			'event-cancelled'
		]);
		expect(mail.filter((m) => m.calendarMethod === 'CANCEL')).toHaveLength(1);
		const audit = await db
			.select()
			.from(table.auditLog)
			.where(eq(table.auditLog.subjectId, asRead.slug));
		expect(audit.map((a) => a.action)).toEqual(['event.cancelled']);
	});
});
