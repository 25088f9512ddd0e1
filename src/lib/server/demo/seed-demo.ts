// Fills an empty database with the demo catalogue and demo people, or rebuilds it with fresh dates.
// It never touches a database that holds real (non-demo) accounts.
import { count, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import * as table from '../db/schema/index.ts';
import { hashPassword } from '../auth/password.ts';
import { buildDemoEvents } from './demo-events.ts';
import { addDays, londonDate } from '../../plain-date.ts';

export class DemoSeedRefused extends Error {}

/** Fixed demo passwords, printed by the start command: demo data only. */
export const DEMO_PASSWORDS = { staff: 'Branch-Staff-Demo-26', member: 'Branch-Member-Demo-26' };

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

const DEMO_POSTCODES = ['B15 2TT', 'B12 9QL', 'B21 9RY', 'B23 6SA', 'B29 6BD', 'B44 9AP'];

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
		const [{ realUsers }] = await tx
			.select({ realUsers: count() })
			.from(table.users)
			.where(eq(table.users.isDemo, false));
		if (realUsers > 0) {
			throw new DemoSeedRefused(
				`This database holds ${realUsers} real account(s); the demo seed only runs on demo data.`
			);
		}
		if (options.reset) {
			await tx.delete(table.bookings);
			await tx.delete(table.eventSessions);
			await tx.delete(table.events);
			await tx.delete(table.users);
			await tx.delete(table.membersRegister).where(
				inArray(
					table.membersRegister.membershipNumber,
					demoMembers.map((m) => m.membershipNumber)
				)
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

		// The demo members are on the membership list, joined years ago with subs paid ahead.
		const today = londonDate(now);
		await tx
			.insert(table.membersRegister)
			.values(
				demoMembers.map((m, i) => ({
					membershipNumber: m.membershipNumber,
					surname: m.name.split(' ').slice(-1)[0],
					postcode: DEMO_POSTCODES[i % DEMO_POSTCODES.length],
					joinedOn: addDays(today, -365 * (2 + (i % 9)) - i * 17),
					subsPaidTo: addDays(today, 30 + (i % 3) * 31),
					importedAt: now
				}))
			)
			.onConflictDoNothing();

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
						createdAt: new Date(now.getTime() - (attendees.length - n) * 3_600_000)
					}))
				);
			}
		}
		return { seeded: true, events: demoEvents.length, users: staff.length + members.length };
	});
}
