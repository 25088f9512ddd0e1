// Builders for unit tests: real rows in the migrated test database, with sensible defaults.
import { db, table } from '../db/index.ts';
import type { Event } from '../db/schema/index.ts';
import { newBookingUid } from '../bookings/booking-uid.ts';

let serial = 0;
const next = () => ++serial;

const HOUR = 3_600_000;

export async function emptyDatabase() {
	await db.delete(table.grantEvidence);
	await db.delete(table.grantApplicationHistory);
	await db.delete(table.grantApplications);
	await db.delete(table.grantRounds);
	await db.delete(table.membersRegister);
	await db.delete(table.bookings);
	await db.delete(table.eventSessions);
	await db.delete(table.events);
	await db.delete(table.users);
	await db.delete(table.databaseKind);
}

export async function createMember(fields: Partial<typeof table.users.$inferInsert> = {}) {
	const n = next();
	const [user] = await db
		.insert(table.users)
		.values({ email: `member${n}@test.example`, name: `Member ${n}`, ...fields })
		.returning();
	return user;
}

/** A verified member whose subs are paid up, as the membership list says today. */
export async function createMemberInGoodStanding(now = new Date()) {
	const n = next();
	const membershipNumber = `T${100000 + n}`;
	const today = now.toISOString().slice(0, 10);
	await db.insert(table.membersRegister).values({
		membershipNumber,
		surname: `Member${n}`,
		postcode: 'B1 1AA',
		joinedOn: '2020-01-01',
		subsPaidTo: today,
		importedAt: now
	});
	return createMember({
		membershipNumber,
		memberVerifiedAt: now,
		emailVerifiedAt: now,
		name: `Member ${n}`
	});
}

type EventFields = Partial<Omit<typeof table.events.$inferInsert, 'startsAt' | 'endsAt'>> & {
	sessions?: { startsAt: Date; endsAt: Date; title?: string }[];
	startsAt?: Date;
};

export async function createEvent(fields: EventFields = {}): Promise<Event> {
	const n = next();
	const { sessions: given, startsAt, ...rest } = fields;
	const start = startsAt ?? new Date(Date.now() + 7 * 24 * HOUR);
	const sessions = given ?? [{ startsAt: start, endsAt: new Date(start.getTime() + 2 * HOUR) }];
	const [event] = await db
		.insert(table.events)
		.values({
			slug: `event-${n}`,
			title: `Event ${n}`,
			category: 'celebration',
			summary: 'A branch event',
			description: 'All about it.',
			venueName: 'Branch office',
			capacity: 10,
			status: 'published',
			...rest,
			startsAt: sessions[0].startsAt,
			endsAt: sessions[sessions.length - 1].endsAt
		})
		.returning();
	await db.insert(table.eventSessions).values(sessions.map((s) => ({ ...s, eventId: event.id })));
	return event;
}

export async function createBooking(
	event: Event,
	fields: Partial<typeof table.bookings.$inferInsert> = {}
) {
	const member = fields.userId ? null : await createMember();
	const [booking] = await db
		.insert(table.bookings)
		.values({
			eventId: event.id,
			userId: member?.id ?? fields.userId!,
			status: 'confirmed',
			uid: newBookingUid(),
			statusChangedAt: new Date(),
			...fields
		})
		.returning();
	return booking;
}

/** An open grant round (opened yesterday, closing in 8 weeks) with the demo's rules. */
export async function createGrantRound(
	fields: Partial<typeof table.grantRounds.$inferInsert> = {},
	now = new Date()
) {
	const [round] = await db
		.insert(table.grantRounds)
		.values({
			name: `Winter Fuel Grant ${next()}`,
			opensAt: new Date(now.getTime() - 24 * HOUR),
			closesAt: new Date(now.getTime() + 56 * 24 * HOUR),
			budgetPence: 1_500_000,
			standardAwardPence: 10_000,
			incomeThresholdPence: 200_000,
			savingsLimitPence: 150_000,
			...fields
		})
		.returning();
	return round;
}

/** Every answer of a complete grant application: a prepayment household on Universal Credit. */
export const completeGrantAnswers = {
	addressLine1: '12 Acacia Road',
	town: 'Birmingham',
	postcode: 'B15 2TT',
	adults: 2,
	children: 1,
	paysFuelBills: true,
	supplier: 'Octopus Energy',
	paymentType: 'prepayment' as const,
	meansTestedBenefit: 'Universal Credit',
	savingsUnderLimit: true,
	previousAward: false,
	circumstances: 'Cut hours this winter.',
	payoutMethod: 'supplier' as const,
	supplierAccountReference: 'A-123'
};
