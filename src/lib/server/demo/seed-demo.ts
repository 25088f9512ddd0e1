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
import { addDays, londonDate } from '../../plain-date.ts';
import { branchSettingWrites, type BranchSettings } from '../settings/branch-setting-rows.ts';

export class DemoSeedRefused extends Error {}

/** Fixed demo passwords, printed by the start command: demo data only. */
export const DEMO_PASSWORDS = { staff: 'Branch-Staff-Demo-26', member: 'Branch-Member-Demo-26' };

/**
 * The demo staff's shared two-factor key, printed by the start command; `npm run demo:code`
 * shows its current code for anyone without an authenticator app. Demo data only.
 */
export const DEMO_TOTP_SECRET = 'IJZGC3TDNBSGK43LEBSGK3LPEAZEMQJB';

export const demoStaff = [
	{ email: 'admin@branchdesk.example', name: 'Grace Mensah', roles: ['admin'] as const },
	{ email: 'organiser@branchdesk.example', name: 'Tom Gallagher', roles: ['organiser'] as const },
	{ email: 'welfare@branchdesk.example', name: 'Priya Sharma', roles: ['welfare'] as const }
];

const demoMemberNames = [
	'Amara Okafor',
	'Daniel Hughes',
	'Shazia Begum',
	'Kevin Doyle',
	'Leanne Price',
	'Marcus Campbell',
	'Nasreen Akhtar',
	'Paul Whitehouse',
	'Rosa Fernandes',
	'Sean McCarthy',
	'Tanisha Brown',
	'Usman Rafiq',
	'Wendy Clarke',
	'Yusuf Ali',
	'Zoe Patel',
	'Bernadette Kelly',
	'Chidi Eze',
	'Hannah Roberts'
];

export const demoMembers = demoMemberNames.map((name, i) => ({
	email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@branchdesk.example`,
	name,
	membershipNumber: `B${String(100201 + i)}`
}));

/** An account whose email address was never confirmed. */
export const DEMO_UNVERIFIED_EMAIL = 'jordan.ellis@branchdesk.example';

/** On the membership list but with no account yet: for trying the membership check. */
export const DEMO_UNCLAIMED_MEMBER = {
	membershipNumber: 'B300001',
	surname: 'Walker',
	postcode: 'B15 2TT'
};

/** The demo branch's office and people: settings like any branch's, written by the seed. */
export const demoBranchSettings: BranchSettings = {
	name: 'Birmingham City Branch',
	address: 'Bank House\n8 Cherry Street\nBirmingham\nB2 5AL',
	phone: '0121 496 0000',
	email: 'office@branchdesk.example',
	openingHours: 'Monday to Friday, 9am to 5pm',
	website: 'https://branchdesk.example',
	dataProtectionContact: 'The branch secretary, office@branchdesk.example',
	signatoryName: 'Joan Whitfield',
	signatoryRole: 'Branch Education Officer',
	welfareContact: 'Priya Sharma, welfare officer: welfare@branchdesk.example, 0121 496 0001'
};

const isoDay = (now: Date, daysAgo: number) => addDays(londonDate(now), -daysAgo);

/** The membership list: every demo member paid up, except the last, whose subs have lapsed. */
function demoRegister(now: Date) {
	const postcodes = ['B16 8DN', 'B12 9QH', 'B11 1AA', 'B23 6TT', 'B30 2PL', 'B21 9NH'];
	return [
		...demoMembers.map((m, i) => ({
			membershipNumber: m.membershipNumber,
			surname: m.name.split(' ').at(-1)!,
			postcode: postcodes[i % postcodes.length],
			joinedOn: isoDay(now, 400 + i * 180),
			subsPaidTo: isoDay(now, i === demoMembers.length - 1 ? 90 : 10),
			importedAt: now
		})),
		{
			...DEMO_UNCLAIMED_MEMBER,
			joinedOn: isoDay(now, 900),
			subsPaidTo: isoDay(now, 5),
			importedAt: now
		}
	];
}

const DAY = 86_400_000;

/** The round the demo opens today: eight weeks, £15,000, a standard award of £100. */
export function demoGrantRound(now: Date) {
	return {
		name: 'Winter Fuel Grant 2026/27',
		opensAt: now,
		closesAt: new Date(now.getTime() + 56 * DAY),
		budgetPence: 1_500_000,
		standardAwardPence: 10_000,
		incomeThresholdPence: 200_000,
		savingsLimitPence: 150_000,
		coolDownMonths: 6,
		retentionMonths: 6,
		createdAt: now
	};
}

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
			// Children first; sessions, codes and recovery codes go with their users.
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
		} else {
			const [{ events }] = await tx.select({ events: count() }).from(table.events);
			const [{ users }] = await tx.select({ users: count() }).from(table.users);
			if (events > 0 || users > 0) return { seeded: false, events, users };
		}

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
					createdBy: staff[1].id
				})
				.returning({ id: table.events.id });
			await tx
				.insert(table.eventSessions)
				.values(sessions.map((s) => ({ ...s, eventId: event.id })));
			// The demo organiser manages every demo event, so the organiser desk has work to show.
			await tx
				.insert(table.eventOrganisers)
				.values({ eventId: event.id, userId: staff[1].id, addedAt: now });
			// Rotate through the members so each event has its own mix of attendees.
			const attendees = [...members.slice(i), ...members.slice(0, i)].slice(0, confirmed + waiting);
			if (attendees.length) {
				await tx.insert(table.bookings).values(
					attendees.map((member, n) => ({
						eventId: event.id,
						userId: member.id,
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
			events: demoEvents.length + ballots + past,
			users: staff.length + members.length + 1
		};
	});
}
