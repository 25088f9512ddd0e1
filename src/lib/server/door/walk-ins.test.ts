import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { createBooking, createEvent, emptyDatabase } from '../testing/fixtures.ts';
import { addWalkIns, readSentWalkIns, type WalkIn } from './walk-ins.ts';

const HOUR = 3_600_000;
const door = { actorUserId: null, doorLinkId: null };
let serial = 0;

beforeEach(async () => {
	await emptyDatabase();
	await db.delete(table.outbox);
	await db.delete(table.auditLog);
});

/** An event that started an hour ago and runs two more. */
function eventOnNow(fields: Parameters<typeof createEvent>[0] = {}) {
	const start = new Date(Date.now() - HOUR);
	return createEvent({
		sessions: [{ startsAt: start, endsAt: new Date(start.getTime() + 3 * HOUR) }],
		...fields
	});
}

function walkIn(fields: Partial<WalkIn> = {}): WalkIn {
	serial += 1;
	return {
		clientId: `walk-in-${serial}-${Date.now()}`,
		name: 'Sam Newbie',
		email: `sam${serial}@walk-in.example`,
		membershipNumber: '',
		overCapacity: false,
		checkedInAt: new Date(),
		deviceId: 'Door TEST',
		...fields
	};
}

async function listMember(number: string, surname: string) {
	await db.insert(table.membersRegister).values({
		membershipNumber: number,
		surname,
		postcode: 'B1 1AA',
		joinedOn: '2020-01-01',
		subsPaidTo: new Date().toISOString().slice(0, 10),
		importedAt: new Date()
	});
}

describe('walk-ins at the door', () => {
	it('books and checks in someone with no account, confirms them as a member and invites them to set a password', async () => {
		const event = await eventOnNow({ membersOnly: true, category: 'course' });
		await listMember('B300001', 'Newbie');
		const [result] = await addWalkIns(event, [walkIn({ membershipNumber: 'b300001' })], door);
		expect(result).toMatchObject({ ok: true });
		const [user] = await db.select().from(table.users).where(eq(table.users.name, 'Sam Newbie'));
		expect(user).toMatchObject({ membershipNumber: 'B300001', passwordHash: null });
		expect(user.memberVerifiedAt).not.toBeNull();
		const [booking] = await db
			.select()
			.from(table.bookings)
			.where(eq(table.bookings.userId, user.id));
		expect(booking.status).toBe('confirmed');
		expect(booking.checkedInAt).not.toBeNull();
		expect(await db.select().from(table.checkIns)).toHaveLength(1);
		const templates = (await db.select().from(table.outbox)).map((m) => m.template);
		expect(templates).toContain('walk-in-invite');
	});

	it('refuses a members-only walk-in not on the membership list', async () => {
		const event = await eventOnNow({ membersOnly: true, category: 'course' });
		const [result] = await addWalkIns(event, [walkIn({ membershipNumber: 'B999999' })], door);
		expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('membership list') });
		const [noNumber] = await addWalkIns(event, [walkIn()], door);
		expect(noNumber).toMatchObject({
			ok: false,
			reason: expect.stringContaining('membership number')
		});
	});

	it('takes a walk-in at a full event only over capacity, and records that it was', async () => {
		const event = await eventOnNow({ capacity: 1 });
		await createBooking(event);
		const [refused] = await addWalkIns(event, [walkIn()], door);
		expect(refused).toMatchObject({ ok: false, full: true });
		const [taken] = await addWalkIns(event, [walkIn({ overCapacity: true })], door);
		expect(taken).toMatchObject({ ok: true });
		const audits = await db
			.select()
			.from(table.auditLog)
			.where(eq(table.auditLog.action, 'booking.walk-in-added'));
		expect(audits.map((a) => a.detail)).toEqual([{ overCapacity: true }]);
	});

	it('reads only well-formed walk-ins from a device', () => {
		expect(readSentWalkIns({ walkIns: [{ name: 'x' }] })).toBeNull();
		expect(readSentWalkIns({})).toEqual([]);
		expect(readSentWalkIns({ walkIns: 'nope' })).toBeNull();
	});
});
