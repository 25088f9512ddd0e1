import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { count, eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.ts';
import { db, table } from '../db/index.ts';
import { listEvents } from '../events/catalogue.ts';
import { publishedBallot } from '../ballot/ballot-view.ts';
import { createMember, emptyDatabase } from '../testing/fixtures.ts';
import { memberStanding } from '../members/standing.ts';
import { demoMembers, DemoSeedRefused, seedDemoData } from './seed-demo.ts';
import { latestRound } from '../grants/rounds.ts';
import { listWelfareQueue } from '../grants/welfare-queue.ts';
import { queueFlags } from '../../grants/queue-flags.ts';

const run = promisify(execFile);
const now = new Date('2026-11-22T10:00:00Z');

beforeEach(emptyDatabase);

describe('demo seed', () => {
	it('fills an empty database with the demo catalogue, all still to come', async () => {
		const outcome = await seedDemoData(db, { now });
		expect(outcome.seeded).toBe(true);
		const { events } = await listEvents({ now, pageSize: 100 });
		expect(events).toHaveLength(15);
		expect(new Set(events.map((e) => e.category))).toEqual(
			new Set(['celebration', 'day-of-action', 'fuel-grant-session', 'course'])
		);
		expect(events.every((e) => e.startsAt > now)).toBe(true);
		const full = events.filter((e) => e.availability.state === 'full');
		expect(full.map((e) => [e.title, e.availability.waiting])).toEqual([
			['Employment law for reps', 5],
			['Negotiating skills for reps', 3]
		]);
	});

	it('shows a course whose ballot is open now, and one whose draw has happened and checks out', async () => {
		await seedDemoData(db, { now });
		const open = await publishedBallot('organising-weekend-school', now);
		expect(open).toMatchObject({ phase: 'open', published: null });
		expect(open!.commitment).toMatch(/^[0-9a-f]{64}$/);
		const drawn = await publishedBallot('employment-law-for-reps', now);
		expect(drawn).toMatchObject({
			phase: 'drawn',
			check: { commitmentMatches: true, orderMatches: true }
		});
		expect(drawn!.published!.order).toHaveLength(8);
	});

	it('puts the demo members on the membership list, in good standing', async () => {
		await db.delete(table.membersRegister);
		await seedDemoData(db, { now });
		const [amara] = await db
			.select()
			.from(table.users)
			.where(eq(table.users.email, demoMembers[0].email));
		const standing = await memberStanding(amara.id, now);
		expect(standing).toMatchObject({ verified: true, inGoodStanding: true, grantEligible: true });
		const [entry] = await db
			.select()
			.from(table.membersRegister)
			.where(eq(table.membersRegister.membershipNumber, demoMembers[0].membershipNumber));
		expect(entry.surname).toBe('Okafor');
	});

	it('leaves a database that already holds data alone', async () => {
		await seedDemoData(db, { now });
		const again = await seedDemoData(db, { now });
		expect(again.seeded).toBe(false);
		const [{ events }] = await db.select({ events: count() }).from(table.events);
		expect(events).toBe(18);
	});

	it('rebuilds on reset with dates fresh from the new day', async () => {
		await seedDemoData(db, { now });
		const later = new Date('2027-03-01T10:00:00Z');
		await seedDemoData(db, { now: later, reset: true });
		const { events } = await listEvents({ now: later, pageSize: 100 });
		expect(events).toHaveLength(15);
		const [{ users }] = await db.select({ users: count() }).from(table.users);
		expect(users).toBe(34);
	});

	it('gives the welfare queue a dozen applications showing every flag, and past events with check-ins', async () => {
		await seedDemoData(db, { now });
		const round = await latestRound();
		const { counts, rows } = await listWelfareQueue(round!.id, {
			status: null,
			flag: null,
			sort: 'queue',
			page: 1
		});
		expect(rows).toHaveLength(12);
		for (const flag of queueFlags) expect(counts[flag], flag).toBeGreaterThan(0);
		expect(rows.filter((r) => r.flags.length === 0)).toHaveLength(4);
		const [{ here }] = await db
			.select({ here: count() })
			.from(table.bookings)
			.innerJoin(table.events, eq(table.events.id, table.bookings.eventId))
			.where(
				sql`${table.events.endsAt} < ${now.getTime()} and ${table.bookings.checkedInAt} is not null`
			);
		expect(here).toBeGreaterThan(10);
	});

	it('refuses to run where real accounts exist, and changes nothing', async () => {
		await createMember({ email: 'real.person@example.org', isDemo: false });
		await expect(seedDemoData(db, { now, reset: true })).rejects.toThrow(DemoSeedRefused);
		const [{ real }] = await db
			.select({ real: count() })
			.from(table.users)
			.where(eq(table.users.isDemo, false));
		expect(real).toBe(1);
	});
});

describe('starting two processes at once on one new database', () => {
	it('applies each migration once and seeds the demo data once', async () => {
		const folder = mkdtempSync(join(tmpdir(), 'branchdesk-race-'));
		const url = `file:${join(folder, 'race.db')}`;
		const env = { ...process.env, DATABASE_URL: url };
		const results = await Promise.all(
			[1, 2].map(() => run(process.execPath, ['scripts/seed.ts'], { env }))
		);
		const messages = results.map((r) => r.stdout.trim()).sort();
		expect(messages[0]).toMatch(/^Demo data ready: 18 events/);
		expect(messages[1]).toMatch(/already holds data/);

		const { client } = openDatabase({ url, busyTimeoutMs: 5000 });
		const migrations = await client.execute('select count(*) as n from __drizzle_migrations');
		const migrationFiles = readdirSync('drizzle').filter((f) => f.endsWith('.sql'));
		expect(Number(migrations.rows[0].n)).toBe(migrationFiles.length);
		const events = await client.execute('select count(*) as n from events');
		expect(Number(events.rows[0].n)).toBe(18);
		client.close();
	}, 30_000);
});
