// Two demo courses given by ballot, so a newcomer sees both sides on first start: one whose
// entries are open now (drawing in a few days), and one whose draw has happened, with its seed,
// winners and waiting list published.
import type { Database } from '../db/client.ts';
import * as table from '../db/schema/index.ts';
import { newBookingUid } from '../bookings/booking-uid.ts';
import { commitmentOf, newDrawSeed, runDraw } from '../ballot/draw.ts';
import { fromLondonTime, londonParts } from '../../london-time.ts';

type Tx = Pick<Database, 'insert'>;
const DAY = 86_400_000;
const QUESTIONS = { accessNeeds: true, dietary: true, employer: true };

/** 12:00 London time `days` from today. */
function noonIn(now: Date, days: number, hour = 12, minute = 0) {
	const p = londonParts(new Date(now.getTime() + days * DAY));
	return fromLondonTime(p.year, p.month, p.day, hour, minute);
}

async function insertCourse(
	tx: Tx,
	organiserId: number,
	fields: {
		slug: string;
		title: string;
		summary: string;
		description: string;
		capacity: number;
		startsAt: Date;
	}
) {
	const endsAt = new Date(fields.startsAt.getTime() + 7 * 3_600_000);
	const [event] = await tx
		.insert(table.events)
		.values({
			...fields,
			category: 'course',
			venueName: 'Branch office, Bank House',
			venueAddress: '8 Cherry Street, Birmingham',
			venuePostcode: 'B2 5AL',
			bookingQuestions: QUESTIONS,
			status: 'published',
			allocation: 'ballot',
			endsAt,
			createdBy: organiserId
		})
		.returning();
	await tx
		.insert(table.eventSessions)
		.values({ eventId: event.id, startsAt: fields.startsAt, endsAt });
	await tx
		.insert(table.eventOrganisers)
		.values({ eventId: event.id, userId: organiserId, addedAt: fields.startsAt });
	return event;
}

export async function seedDemoBallots(tx: Tx, now: Date, organiserId: number, memberIds: number[]) {
	const entrants = memberIds.slice(-8);
	await seedOpenBallot(tx, now, organiserId, entrants.slice(0, 5));
	await seedDrawnBallot(tx, now, organiserId, entrants);
	return 2;
}

/** Entries open now, five members already in, drawn in a few days with priority on. */
async function seedOpenBallot(tx: Tx, now: Date, organiserId: number, entrants: number[]) {
	const open = await insertCourse(tx, organiserId, {
		slug: 'organising-weekend-school',
		title: 'Organising weekend school',
		summary:
			'A regional weekend school on building membership and winning at work. Places by ballot.',
		description:
			'Two days with experienced organisers from across the region: mapping a workplace, one-to-one conversations, and planning a campaign.\n\nPlaces are given by ballot so that shift workers and carers have the same chance as everyone else. Enter any time before entries close; the order is drawn at random.',
		capacity: 4,
		startsAt: noonIn(now, 30, 9, 30)
	});
	const openSeed = newDrawSeed();
	await tx.insert(table.eventBallots).values({
		eventId: open.id,
		entriesOpenAt: noonIn(now, -2),
		entriesCloseAt: noonIn(now, 3),
		drawAt: noonIn(now, 3, 12, 5),
		priority: true,
		seed: openSeed,
		commitment: commitmentOf(openSeed),
		updatedAt: now
	});
	await tx.insert(table.ballotEntries).values(
		entrants.map((userId, i) => ({
			eventId: open.id,
			userId,
			entryNumber: i + 1,
			answers: {},
			createdAt: new Date(now.getTime() - (5 - i) * 3_600_000),
			statusChangedAt: new Date(now.getTime() - (5 - i) * 3_600_000)
		}))
	);
}

/** Drawn four days ago: the seed, the order, three winners booked and the rest waiting. */
async function seedDrawnBallot(tx: Tx, now: Date, organiserId: number, entrants: number[]) {
	const drawnAt = noonIn(now, -4, 12, 5);
	const drawn = await insertCourse(tx, organiserId, {
		slug: 'employment-law-for-reps',
		title: 'Employment law for reps',
		summary:
			'Disciplinaries, grievances and the law that protects members. Places were drawn by ballot.',
		description:
			'A one-day course with the regional legal officer on the employment law reps use most.\n\nPlaces were given by ballot. Everyone not drawn is on the waiting list in drawn order and will be offered any place that comes up.',
		capacity: 3,
		startsAt: noonIn(now, 21, 9, 30)
	});
	const seed = newDrawSeed();
	const entries = entrants.map((userId, i) => ({
		userId,
		number: i + 1,
		guests: 0,
		priority: false
	}));
	const { order, winners, waiting } = runDraw(seed, entries, 3);
	const uids = new Map(entries.map((e) => [e.number, newBookingUid()]));
	await tx.insert(table.eventBallots).values({
		eventId: drawn.id,
		entriesOpenAt: noonIn(now, -11),
		entriesCloseAt: noonIn(now, -4),
		drawAt: drawnAt,
		seed,
		commitment: commitmentOf(seed),
		drawnAt,
		drawnOrder: order.map((e) => ({ number: e.number, priority: e.priority })),
		drawSummary: { winners: winners.length, waiting: waiting.length, ineligible: 0 },
		updatedAt: drawnAt
	});
	await insertDrawnPlaces(tx, drawn.id, drawnAt, { winners, waiting, uids });
	const won = new Set(winners.map((w) => w.number));
	await tx.insert(table.ballotEntries).values(
		entries.map((e) => ({
			eventId: drawn.id,
			userId: e.userId,
			entryNumber: e.number,
			answers: {},
			status: won.has(e.number) ? ('won' as const) : ('waitlisted' as const),
			priority: false,
			bookingUid: uids.get(e.number)!,
			createdAt: new Date(drawnAt.getTime() - (10 - e.number) * 3_600_000),
			statusChangedAt: drawnAt
		}))
	);
}

type Drawn = { userId: number; number: number };

/** The winners' confirmed places and the waiting list in drawn order. */
async function insertDrawnPlaces(
	tx: Tx,
	eventId: number,
	drawnAt: Date,
	{ winners, waiting, uids }: { winners: Drawn[]; waiting: Drawn[]; uids: Map<number, string> }
) {
	await tx.insert(table.bookings).values([
		...winners.map((e) => ({
			uid: uids.get(e.number)!,
			eventId,
			userId: e.userId,
			status: 'confirmed' as const,
			answers: {},
			createdAt: drawnAt,
			statusChangedAt: drawnAt
		})),
		...waiting.map((e, i) => ({
			uid: uids.get(e.number)!,
			eventId,
			userId: e.userId,
			status: 'waitlisted' as const,
			waitlistPosition: i + 1,
			answers: {},
			createdAt: drawnAt,
			statusChangedAt: drawnAt
		}))
	]);
}
