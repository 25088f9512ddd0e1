import { like } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { AFTER_COURSE, attend, DAY, threeDayCourse } from '../testing/course-attendance.ts';
import { createBooking, createMember, emptyDatabase } from '../testing/fixtures.ts';
import { setAttendanceRule } from './attendance-rule.ts';
import { queueReadyCertificates } from './certificate-ready.ts';

beforeEach(async () => {
	await emptyDatabase();
	await db.delete(table.outbox);
});

const certificateEmails = () =>
	db.select().from(table.outbox).where(like(table.outbox.idempotencyKey, 'certificate-ready/%'));

describe('the certificate-ready email', () => {
	it('goes once, after the last session, to each member who attended enough', async () => {
		const { event, sessions, booking: every } = await threeDayCourse();
		const sessionIds = sessions.map((s) => s.id);
		const once = await createBooking(event);
		await attend(event.id, every.uid, sessionIds);
		await attend(event.id, once.uid, [sessionIds[0]]);

		expect(await queueReadyCertificates(new Date('2027-01-27T12:00:00Z'))).toBe(0);
		expect(await queueReadyCertificates(AFTER_COURSE)).toBe(1);
		expect(await queueReadyCertificates(AFTER_COURSE)).toBe(0);

		const [email] = await certificateEmails();
		expect(email.idempotencyKey).toBe(`certificate-ready/${every.uid}`);
		expect(email.subject).toBe(`Your certificate: ${event.title}`);
		expect(email.textBody).toContain(`You attended 3 of the 3 sessions of ${event.title}`);
		expect(email.textBody).toContain(`/account/bookings/${every.uid}/certificate`);
	});

	it('follows a rule lowered after the course, and leaves courses long over alone', async () => {
		const { event, sessions, booking: once } = await threeDayCourse();
		await attend(event.id, once.uid, [sessions[0].id]);
		expect(await queueReadyCertificates(AFTER_COURSE)).toBe(0);

		const organiser = await createMember({ roles: ['organiser'] });
		expect(await setAttendanceRule(event, '1', organiser.id)).toMatchObject({ ok: true });
		expect(await queueReadyCertificates(new Date(AFTER_COURSE.getTime() + 20 * DAY))).toBe(0);
		expect(await queueReadyCertificates(AFTER_COURSE)).toBe(1);
		expect((await certificateEmails()).map((e) => e.recipient)).toHaveLength(1);
	});
});
