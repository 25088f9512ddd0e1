import { count } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { DemoSeedRefused, seedDemoData } from '../demo/seed-demo.ts';
import { createMember, emptyDatabase } from '../testing/fixtures.ts';
import {
	describeMark,
	markDatabase,
	markRealUnlessDemo,
	readDatabaseKind,
	settleDatabaseKind
} from './database-kind.ts';
import { prepareDatabaseForStart } from './start-database.ts';

const now = new Date('2026-12-04T10:00:00Z');

beforeEach(emptyDatabase);

async function eventCount() {
	const [{ events }] = await db.select({ events: count() }).from(table.events);
	return events;
}

describe('the database kind', () => {
	it('is empty and unmarked until something makes it', async () => {
		expect(await readDatabaseKind(db)).toEqual({ kind: 'empty', marked: false });
	});

	it('is the demo once the demo seed has run, marked in the same write', async () => {
		await seedDemoData(db, { now });
		expect(await readDatabaseKind(db)).toEqual({
			kind: 'demo',
			marked: true,
			markedBy: 'the demo seed',
			markedAt: now
		});
	});

	it('stays the demo when visitors register accounts on it, and its reset still runs', async () => {
		await seedDemoData(db, { now });
		await createMember({ email: 'visitor@example.org', isDemo: false });
		expect((await readDatabaseKind(db)).kind).toBe('demo');
		const reset = await seedDemoData(db, { now, reset: true });
		expect(reset.seeded).toBe(true);
		expect((await readDatabaseKind(db)).kind).toBe('demo');
	});

	it('is real once create-admin runs on a new database, and the demo seed then refuses it', async () => {
		await createMember({ email: 'chair@example.org', roles: ['admin'] });
		const reading = await markRealUnlessDemo(db, 'create-admin', now);
		expect(reading).toMatchObject({ kind: 'real', markedBy: 'create-admin' });
		expect(describeMark(reading)).toBe('made by create-admin on 4 December 2026');
		await expect(seedDemoData(db, { now, reset: true })).rejects.toThrow(
			new DemoSeedRefused(
				"This database is a real branch's (made by create-admin on 4 December 2026); the demo seed only runs on a demo database."
			)
		);
	});

	it('leaves the demo a demo when create-admin adds an admin to it', async () => {
		await seedDemoData(db, { now });
		await createMember({ email: 'new.admin@example.org', roles: ['admin'] });
		expect(await markRealUnlessDemo(db, 'create-admin', now)).toMatchObject({
			kind: 'demo',
			markedBy: 'the demo seed'
		});
	});

	it('keeps the first mark: a later one never changes it', async () => {
		await markDatabase(db, 'real', 'setup', now);
		expect(await markDatabase(db, 'demo', 'the demo seed', now)).toMatchObject({
			kind: 'real',
			markedBy: 'setup'
		});
	});

	it('tells databases made before the mark by their accounts, and writes that down', async () => {
		await createMember({ email: 'old.demo@branchdesk.example', isDemo: true });
		await createMember({ email: 'visitor@example.org' });
		expect(await settleDatabaseKind(db, now)).toMatchObject({
			kind: 'demo',
			marked: true,
			markedBy: 'existing data'
		});
		await emptyDatabase();
		await createMember({ email: 'real.person@example.org' });
		expect(await settleDatabaseKind(db, now)).toMatchObject({ kind: 'real', marked: true });
	});
});

describe('what the start command does with its database', () => {
	it('gives an empty database the demo, once', async () => {
		const first = await prepareDatabaseForStart(db, { demoData: 'on', now });
		expect(first).toMatchObject({ kind: 'demo', markedReal: false });
		expect(first.seeded).toMatchObject({ seeded: true });
		const seededEvents = await eventCount();
		expect(seededEvents).toBe(first.seeded!.events);
		const second = await prepareDatabaseForStart(db, { demoData: 'on', now });
		expect(second).toMatchObject({ kind: 'demo', seeded: null });
		expect(await eventCount()).toBe(seededEvents);
	});

	it('with DEMO_DATA=off makes an empty database real, with no demo data then or later', async () => {
		const first = await prepareDatabaseForStart(db, { demoData: 'off', now });
		expect(first).toMatchObject({ kind: 'real', seeded: null, markedReal: true });
		const later = await prepareDatabaseForStart(db, { demoData: 'on', now });
		expect(later).toMatchObject({ kind: 'real', seeded: null, markedReal: false });
		expect(await eventCount()).toBe(0);
	});

	it('adds nothing to a real branch whatever DEMO_DATA says', async () => {
		await createMember({ email: 'chair@example.org', roles: ['admin'] });
		await markRealUnlessDemo(db, 'create-admin', now);
		const prepared = await prepareDatabaseForStart(db, { demoData: 'on', now });
		expect(prepared).toMatchObject({ kind: 'real', seeded: null, markedReal: false });
		expect(await eventCount()).toBe(0);
	});
});
