import { beforeEach, describe, expect, it } from 'vitest';
import {
	AFTER_COURSE as afterCourse,
	attend,
	threeDayCourse
} from '../testing/course-attendance.ts';
import { emptyDatabase } from '../testing/fixtures.ts';
import { certificateCode, loadCertificate, verifyCertificate } from './certificates.ts';

beforeEach(emptyDatabase);

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
