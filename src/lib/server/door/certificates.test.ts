import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { createBooking, createEvent, emptyDatabase } from '../testing/fixtures.ts';
import { recordCheckIns } from './check-ins.ts';
import { certificateCode, loadCertificate, verifyCertificate } from './certificates.ts';

const DAY = 24 * 3_600_000;
const audit = { actorUserId: null, action: 'test' };

beforeEach(emptyDatabase);

async function threeDayCourse(attendanceNeeded: number | null = null) {
	const start = new Date('2027-01-25T09:00:00Z');
	const event = await createEvent({
		category: 'course',
		attendanceNeeded,
		sessions: [0, 1, 2].map((d) => ({
			startsAt: new Date(start.getTime() + d * DAY),
			endsAt: new Date(start.getTime() + d * DAY + 6 * 3_600_000)
		}))
	});
	const sessions = await db
		.select()
		.from(table.eventSessions)
		.where(eq(table.eventSessions.eventId, event.id))
		.orderBy(table.eventSessions.startsAt);
	const booking = await createBooking(event);
	return { event, sessions, booking };
}

async function attend(eventId: number, uid: string, sessionIds: number[]) {
	await recordCheckIns(
		eventId,
		sessionIds.map((sessionId) => ({
			clientId: `c-${uid}-${sessionId}`,
			bookingUid: uid,
			sessionId,
			checkedInAt: new Date('2027-01-25T09:00:00Z'),
			deviceId: 'A'
		})),
		audit
	);
}

const afterCourse = new Date('2027-01-28T09:00:00Z');

describe('certificates of attendance', () => {
	it('exist only after the last session, for someone at every session', async () => {
		const { event, sessions, booking } = await threeDayCourse();
		const owner = { eventId: event.id };
		await attend(event.id, booking.uid, [sessions[0].id]);
		// Checked in on the first day: no certificate yet, and none for one day of three.
		expect(await loadCertificate(booking.uid, owner, new Date('2027-01-25T12:00:00Z'))).toBeNull();
		expect(await loadCertificate(booking.uid, owner, afterCourse)).toBeNull();
		await attend(event.id, booking.uid, [sessions[1].id, sessions[2].id]);
		expect(await loadCertificate(booking.uid, owner, new Date('2027-01-27T12:00:00Z'))).toBeNull();
		const certificate = await loadCertificate(booking.uid, owner, afterCourse);
		expect(certificate).toMatchObject({ attended: 3, needed: 3, issuedOn: sessions[2].endsAt });
	});

	it('follow the organiser’s "at least N of M"', async () => {
		const { event, sessions, booking } = await threeDayCourse(2);
		await attend(event.id, booking.uid, [sessions[0].id, sessions[2].id]);
		expect(await loadCertificate(booking.uid, { eventId: event.id }, afterCourse)).toMatchObject({
			attended: 2,
			needed: 2
		});
	});

	it('are verified by their code with name, course and dates only; a made-up code is not', async () => {
		const { event, sessions, booking } = await threeDayCourse(1);
		await attend(event.id, booking.uid, [sessions[0].id]);
		const verified = await verifyCertificate(certificateCode(booking.uid), afterCourse);
		expect(Object.keys(verified!).sort()).toEqual(['course', 'issuedOn', 'name', 'sessions']);
		expect(verified!.course).toBe(event.title);
		expect(await verifyCertificate(`${booking.uid}-AAAAAAAAAAAA`, afterCourse)).toBeNull();
		expect(
			await verifyCertificate(certificateCode(booking.uid), new Date('2027-01-26T00:00:00Z'))
		).toBeNull();
	});
});
