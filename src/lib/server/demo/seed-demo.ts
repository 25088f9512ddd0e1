// Fills an empty database with the demo catalogue and demo people, marking it the demo in the same
// write, or rebuilds a demo with fresh dates. It never touches a real branch's database.
import { count, inArray } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import * as table from '../db/schema/index.ts';
import { hashPassword } from '../auth/password.ts';
import { newBookingUid } from '../bookings/booking-uid.ts';
import { seedDemoBallots } from './demo-ballots.ts';
import { DEMO_APPLICANT_NUMBERS, seedDemoApplications } from './demo-welfare.ts';
import { seedPastEvents } from './demo-past-events.ts';
import { buildDemoEvents } from './demo-events.ts';
import { describeMark, markDatabase, readDatabaseKind } from '../deployment/database-kind.ts';
import { branchSettingWrites } from '../settings/branch-setting-rows.ts';
import {
	DEMO_PASSWORDS,
	DEMO_UNCLAIMED_MEMBER,
	DEMO_UNVERIFIED_EMAIL,
	DEMO_TOTP_SECRET,
	demoBranchSettings,
	demoGrantRound,
	demoMembers,
	demoRegister,
	demoStaff
} from './demo-people.ts';

export {
	DEMO_PASSWORDS,
	DEMO_TOTP_SECRET,
	DEMO_UNCLAIMED_MEMBER,
	DEMO_UNVERIFIED_EMAIL,
	demoBranchSettings,
	demoGrantRound,
	demoMembers,
	demoStaff
} from './demo-people.ts';

export class DemoSeedRefused extends Error {}

export type SeedOutcome = { seeded: boolean; events: number; users: number };

export async function seedDemoData(
	db: Database,
	options: { now?: Date; reset?: boolean } = {}
): Promise<SeedOutcome> {
	const now = options.now ?? new Date();
	// Hashed before the write lock is taken: argon2 is slow on purpose.
	const [staffHash, memberHash] = await Promise.all([
		hashPassword(DEMO_PASSWORDS.staff),
		hashPassword(DEMO_PASSWORDS.member)
	]);
	return db.transaction(async (tx) => {
		const reading = await readDatabaseKind(tx);
		if (reading.kind === 'real') {
			throw new DemoSeedRefused(
				`This database is a real branch's (${describeMark(reading)}); the demo seed only runs on a demo database.`
			);
		}
		if (options.reset) {
			await clearDemo(tx);
		} else {
			const [{ events }] = await tx.select({ events: count() }).from(table.events);
			const [{ users }] = await tx.select({ users: count() }).from(table.users);
			if (events > 0 || users > 0) return { seeded: false, events, users };
		}

		const { staff, members } = await seedDemoPeople(tx, now, staffHash, memberHash);
		const events = await seedDemoEvents(
			tx,
			now,
			staff[1].id,
			members.map((m) => m.id)
		);
		const ballots = await seedDemoBallots(
			tx,
			now,
			staff[1].id,
			members.map((m) => m.id)
		);
		const [round] = await tx
			.insert(table.grantRounds)
			.values(demoGrantRound(now))
			.returning({ id: table.grantRounds.id });
		await seedDemoApplications(tx, round.id, now);
		const past = await seedPastEvents(
			tx,
			staff[1].id,
			members.map((m) => m.id),
			now
		);
		for (const write of branchSettingWrites(tx, demoBranchSettings, null, now)) await write;
		await markDatabase(tx, 'demo', 'the demo seed', now);
		return {
			seeded: true,
			events: events + ballots + past,
			users: staff.length + members.length + 1
		};
	});
}

type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/** Rebuilding: the demo's rows go, children first; sessions, codes and recovery codes go with their users. */
async function clearDemo(tx: Transaction) {
	for (const demoTable of [
		table.grantRounds,
		table.ballotEntries,
		table.eventBallots,
		table.bookings,
		table.eventOrganisers,
		table.eventSessions,
		table.events,
		table.users,
		table.outbox,
		table.devMailbox,
		table.rateLimits,
		table.auditLog
	]) {
		await tx.delete(demoTable);
	}
	await tx
		.delete(table.membersRegister)
		.where(
			inArray(table.membersRegister.membershipNumber, [
				...demoMembers.map((m) => m.membershipNumber),
				...DEMO_APPLICANT_NUMBERS,
				DEMO_UNCLAIMED_MEMBER.membershipNumber
			])
		);
}

/** The staff (all sharing one password and two-factor key), the members and their list entries. */
async function seedDemoPeople(tx: Transaction, now: Date, staffHash: string, memberHash: string) {
	const staff = await tx
		.insert(table.users)
		.values(
			demoStaff.map((s) => ({
				email: s.email,
				name: s.name,
				roles: [...s.roles],
				passwordHash: staffHash,
				emailVerifiedAt: now,
				totpSecret: DEMO_TOTP_SECRET,
				totpEnrolledAt: now,
				isDemo: true
			}))
		)
		.returning({ id: table.users.id });
	const members = await tx
		.insert(table.users)
		.values(
			demoMembers.map((m) => ({
				...m,
				passwordHash: memberHash,
				emailVerifiedAt: now,
				memberVerifiedAt: now,
				isDemo: true
			}))
		)
		.returning({ id: table.users.id });

	await tx.insert(table.membersRegister).values(demoRegister(now)).onConflictDoNothing();
	await tx.insert(table.users).values({
		email: DEMO_UNVERIFIED_EMAIL,
		name: 'Jordan Ellis',
		passwordHash: memberHash,
		isDemo: true
	});
	return { staff, members };
}

/** The open catalogue, each event run by the demo organiser with its own mix of attendees. */
async function seedDemoEvents(
	tx: Transaction,
	now: Date,
	organiserId: number,
	memberIds: number[]
) {
	const demoEvents = buildDemoEvents(now);
	for (const [i, spec] of demoEvents.entries()) {
		const { sessions, confirmed, waiting = 0, ...fields } = spec;
		const [event] = await tx
			.insert(table.events)
			.values({
				...fields,
				status: 'published',
				startsAt: sessions[0].startsAt,
				endsAt: sessions[sessions.length - 1].endsAt,
				createdBy: organiserId
			})
			.returning({ id: table.events.id });
		await tx.insert(table.eventSessions).values(sessions.map((s) => ({ ...s, eventId: event.id })));
		// The demo organiser manages every demo event, so the organiser desk has work to show.
		await tx
			.insert(table.eventOrganisers)
			.values({ eventId: event.id, userId: organiserId, addedAt: now });
		// Rotate through the members so each event has its own mix of attendees.
		const attendees = [...memberIds.slice(i), ...memberIds.slice(0, i)].slice(
			0,
			confirmed + waiting
		);
		if (attendees.length) {
			await tx.insert(table.bookings).values(
				attendees.map((userId, n) => ({
					eventId: event.id,
					userId,
					status: n < confirmed ? ('confirmed' as const) : ('waitlisted' as const),
					waitlistPosition: n < confirmed ? null : n - confirmed + 1,
					answers: {},
					uid: newBookingUid(),
					createdAt: new Date(now.getTime() - (attendees.length - n) * 3_600_000),
					statusChangedAt: new Date(now.getTime() - (attendees.length - n) * 3_600_000)
				}))
			);
		}
	}
	return demoEvents.length;
}
