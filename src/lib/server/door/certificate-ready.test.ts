import { eq, like } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { createBooking, createEvent, createMember, emptyDatabase } from '../testing/fixtures.ts';
import { setAttendanceRule } from './attendance-rule.ts';
import { queueReadyCertificates } from './certificate-ready.ts';
import { recordCheckIns } from './check-ins.ts';

const DAY = 24 * 3_600_000;
const START = new Date('2027-01-25T09:00:00Z');
const AFTER = new Date('2027-01-28T09:00:00Z');

beforeEach(async () => {
	await emptyDatabase();
	await db.delete(table.outbox);
});

async function threeDayCourse() {
	const event = await createEvent({
		category: 'course',
		sessions: [0, 1, 2].map((d) => ({
			startsAt: new Date(START.getTime() + d * DAY),
			endsAt: new Date(START.getTime() + d * DAY + 6 * 3_600_000)
		}))
	});
	const sessions = await db
		.select()
		.from(table.eventSessions)
		.where(eq(table.eventSessions.eventId, event.id))
		.orderBy(table.eventSessions.startsAt);
	return { event, sessionIds: sessions.map((s) => s.id) };
}

async function attend(eventId: number, uid: string, sessionIds: number[]) {
	await recordCheckIns(
		eventId,
		sessionIds.map((sessionId) => ({
			clientId: `c-${uid}-${sessionId}`,
			bookingUid: uid,
			sessionId,
			checkedInAt: START,
			deviceId: 'A'
		})),
		{ actorUserId: null, action: 'test' }
	);
}

const certificateEmails = () =>
	db.select().from(table.outbox).where(like(table.outbox.idempotencyKey, 'certificate-ready/%'));

describe('the certificate-ready email', () => {
	it('goes once, after the last session, to each member who attended enough', async () => {
		const { event, sessionIds } = await threeDayCourse();
		const every = await createBooking(event);
		const once = await createBooking(event);
		await attend(event.id, every.uid, sessionIds);
		await attend(event.id, once.uid, [sessionIds[0]]);

		expect(await queueReadyCertificates(new Date('2027-01-27T12:00:00Z'))).toBe(0);
		expect(await queueReadyCertificates(AFTER)).toBe(1);
		expect(await queueReadyCertificates(AFTER)).toBe(0);

		const [email] = await certificateEmails();
		expect(email.idempotencyKey).toBe(`certificate-ready/${every.uid}`);
		expect(email.subject).toBe(`Your certificate: ${event.title}`);
		expect(email.textBody).toContain(`You attended 3 of the 3 sessions of ${event.title}`);
		expect(email.textBody).toContain(`/account/bookings/${every.uid}/certificate`);
	});

	it('follows a rule lowered after the course, and leaves courses long over alone', async () => {
		const { event, sessionIds } = await threeDayCourse();
		const once = await createBooking(event);
		await attend(event.id, once.uid, [sessionIds[0]]);
		expect(await queueReadyCertificates(AFTER)).toBe(0);

		const organiser = await createMember({ roles: ['organiser'] });
		expect(await setAttendanceRule(event, '1', organiser.id)).toMatchObject({ ok: true });
		expect(await queueReadyCertificates(new Date(AFTER.getTime() + 20 * DAY))).toBe(0);
		expect(await queueReadyCertificates(AFTER)).toBe(1);
		expect((await certificateEmails()).map((e) => e.recipient)).toHaveLength(1);
	});
});
