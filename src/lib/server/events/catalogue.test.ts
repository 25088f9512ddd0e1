import { beforeEach, describe, expect, it } from 'vitest';
import { createBooking, createEvent, emptyDatabase } from '../testing/fixtures.ts';
import { findPublicEvent, listEvents, listFeedEvents, listHighlights } from './catalogue.ts';

const now = new Date('2026-11-22T10:00:00Z');
const days = (n: number) => new Date(now.getTime() + n * 24 * 3_600_000);

beforeEach(emptyDatabase);

describe('listing upcoming events', () => {
	it('lists published and cancelled events that have not yet ended, soonest first', async () => {
		await createEvent({ title: 'Later', startsAt: days(20) });
		await createEvent({ title: 'Sooner', startsAt: days(2) });
		await createEvent({ title: 'Finished yesterday', startsAt: days(-1) });
		await createEvent({ title: 'Still a draft', startsAt: days(3), status: 'draft' });
		await createEvent({ title: 'Called off', startsAt: days(4), status: 'cancelled' });

		const { events, total } = await listEvents({ now });
		expect(events.map((e) => e.title)).toEqual(['Sooner', 'Called off', 'Later']);
		expect(total).toBe(3);
	});

	it('marks a cancelled event as cancelled, with no places to book, even with places free', async () => {
		const called = await createEvent({
			title: 'Called off',
			category: 'course',
			capacity: 10,
			startsAt: days(4),
			status: 'cancelled'
		});
		await createBooking(called, { status: 'cancelled' });
		await createEvent({ title: 'Called off long ago', startsAt: days(-10), status: 'cancelled' });
		const { events } = await listEvents({ now, category: 'course' });
		expect(events).toEqual([
			expect.objectContaining({
				title: 'Called off',
				status: 'cancelled',
				availability: {
					state: 'cancelled',
					placesLeft: null,
					waiting: 0,
					label: 'Cancelled: no longer taking bookings'
				}
			})
		]);
		expect((await listEvents({ now, search: 'called off' })).total).toBe(1);
		expect((await listEvents({ now, when: 'past' })).events).toEqual([]);
		const highlights = await listHighlights(3, now);
		expect(highlights.map((e) => [e.title, e.availability.state])).toEqual([
			['Called off', 'cancelled']
		]);
	});

	it('keeps a course listed until its last session has ended', async () => {
		await createEvent({
			title: 'Three-week course',
			sessions: [
				{ startsAt: days(-8), endsAt: days(-8) },
				{ startsAt: days(-1), endsAt: days(-1) },
				{ startsAt: days(6), endsAt: days(6) }
			]
		});
		const { events } = await listEvents({ now });
		expect(events).toHaveLength(1);
		expect(events[0].sessionCount).toBe(3);
	});

	it('shows past events, newest first, only in the archive', async () => {
		await createEvent({ title: 'Last month', startsAt: days(-30) });
		await createEvent({ title: 'Last week', startsAt: days(-7) });
		await createEvent({ title: 'Next week', startsAt: days(7) });
		const { events } = await listEvents({ now, when: 'past' });
		expect(events.map((e) => e.title)).toEqual(['Last week', 'Last month']);
	});

	it('filters by category', async () => {
		await createEvent({ title: 'Reps course', category: 'course', startsAt: days(3) });
		await createEvent({ title: 'Rally', category: 'day-of-action', startsAt: days(4) });
		const { events } = await listEvents({ now, category: 'course' });
		expect(events.map((e) => e.title)).toEqual(['Reps course']);
	});

	it('searches title, summary and venue, ignoring case', async () => {
		await createEvent({ title: 'Equal pay evening', startsAt: days(1) });
		await createEvent({
			title: 'Quiz',
			summary: 'Raising money for the EQUAL PAY fund',
			startsAt: days(2)
		});
		await createEvent({ title: 'Social', venueName: 'Ladywood Social Club', startsAt: days(3) });
		await createEvent({ title: 'Unrelated', startsAt: days(4) });

		expect((await listEvents({ now, search: 'equal pay' })).events.map((e) => e.title)).toEqual([
			'Equal pay evening',
			'Quiz'
		]);
		expect((await listEvents({ now, search: 'ladywood' })).events.map((e) => e.title)).toEqual([
			'Social'
		]);
	});

	it('treats % and _ in a search as plain characters', async () => {
		await createEvent({ title: '50% off the bar', startsAt: days(1) });
		await createEvent({ title: '500 members march', startsAt: days(2) });
		const { events } = await listEvents({ now, search: '50%' });
		expect(events.map((e) => e.title)).toEqual(['50% off the bar']);
		expect((await listEvents({ now, search: '_' })).events).toHaveLength(0);
	});

	it('pages through results thirty at a time and clamps a page past the end', async () => {
		for (let i = 0; i < 35; i++) await createEvent({ startsAt: days(1 + i) });
		const first = await listEvents({ now });
		expect(first.events).toHaveLength(30);
		expect(first.pageCount).toBe(2);
		const second = await listEvents({ now, page: 2 });
		expect(second.events).toHaveLength(5);
		expect(second.events[0].startsAt.getTime()).toBeGreaterThan(
			first.events[29].startsAt.getTime()
		);
		expect((await listEvents({ now, page: 99 })).page).toBe(2);
	});
});

describe('availability from real bookings', () => {
	it('counts confirmed and offered places with their guests, not cancelled or waiting ones', async () => {
		const event = await createEvent({ capacity: 10, guestsAllowed: 2, startsAt: days(5) });
		await createBooking(event, { status: 'confirmed', guests: 2 });
		await createBooking(event, { status: 'confirmed' });
		await createBooking(event, { status: 'offered' });
		await createBooking(event, { status: 'cancelled', guests: 2 });

		const [card] = (await listEvents({ now })).events;
		expect(card.availability.label).toBe('5 places left');
		const detail = await findPublicEvent(event.slug);
		expect(detail?.availability.placesLeft).toBe(5);
	});

	it('reports full with the number waiting once every place is taken', async () => {
		const event = await createEvent({ capacity: 2, startsAt: days(5) });
		await createBooking(event, { status: 'confirmed' });
		await createBooking(event, { status: 'confirmed' });
		await createBooking(event, { status: 'waitlisted', waitlistPosition: 1 });
		const detail = await findPublicEvent(event.slug);
		expect(detail?.availability).toMatchObject({
			label: 'Full — join the waiting list',
			waiting: 1
		});
	});

	it('keeps one event’s bookings out of another’s availability', async () => {
		const busy = await createEvent({ capacity: 3, startsAt: days(5) });
		const quiet = await createEvent({ capacity: 3, startsAt: days(6) });
		await createBooking(busy);
		await createBooking(busy);
		const { events } = await listEvents({ now });
		expect(events.find((e) => e.id === busy.id)?.availability.label).toBe('1 place left');
		expect(events.find((e) => e.id === quiet.id)?.availability.label).toBe('3 places left');
	});
});

describe('event pages and feeds', () => {
	it('never shows a draft to the public, but does show a cancelled event', async () => {
		const draft = await createEvent({ status: 'draft' });
		const cancelled = await createEvent({ status: 'cancelled', cancelledReason: 'Venue flooded' });
		expect(await findPublicEvent(draft.slug)).toBeNull();
		expect((await findPublicEvent(cancelled.slug))?.event.cancelledReason).toBe('Venue flooded');
	});

	it('returns every session of a multi-session course in date order', async () => {
		const course = await createEvent({
			category: 'course',
			sessions: [
				{ startsAt: days(14), endsAt: days(14), title: 'Week 3' },
				{ startsAt: days(0.5), endsAt: days(0.5), title: 'Week 1' },
				{ startsAt: days(7), endsAt: days(7), title: 'Week 2' }
			]
		});
		const found = await findPublicEvent(course.slug);
		expect(found?.sessions.map((s) => s.title)).toEqual(['Week 1', 'Week 2', 'Week 3']);
	});

	it('gives the home page the next few events of each category', async () => {
		for (let i = 0; i < 4; i++) await createEvent({ category: 'course', startsAt: days(1 + i) });
		await createEvent({ category: 'celebration', startsAt: days(10) });
		const highlights = await listHighlights(3, now);
		expect(highlights.filter((e) => e.category === 'course')).toHaveLength(3);
		expect(highlights.filter((e) => e.category === 'celebration')).toHaveLength(1);
	});

	it('feeds published and cancelled events with their sessions, narrowed by category', async () => {
		await createEvent({ category: 'course', startsAt: days(3) });
		await createEvent({ category: 'celebration', status: 'cancelled', startsAt: days(4) });
		await createEvent({ category: 'celebration', status: 'draft', startsAt: days(5) });
		const all = await listFeedEvents({ now });
		expect(all.map((i) => i.event.status)).toEqual(['published', 'cancelled']);
		expect(all.every((i) => i.sessions.length === 1)).toBe(true);
		expect(await listFeedEvents({ now, category: 'course' })).toHaveLength(1);
	});
});
