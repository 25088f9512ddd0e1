// Certificates of attendance: issued only once the course's last session has ended and the
// member attended enough sessions (every one, unless the organiser set "at least N"). Each has
// a code for its public verification address, which confirms name, course and dates only.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { config } from '../config.ts';
import { derivedKey } from '../derived-keys.ts';
import { db, table } from '../db/index.ts';
import { loadCourseDocument, type CourseDocument } from '../bookings/course-documents.ts';
import { certificateStatusOf } from './certificate-status.ts';

const codeKey = derivedKey('branchdesk certificate codes');

function signatureOf(bookingUid: string) {
	return createHmac('sha256', codeKey)
		.update(bookingUid)
		.digest()
		.subarray(0, 9)
		.toString('base64url');
}

export function certificateCode(bookingUid: string) {
	return `${bookingUid}-${signatureOf(bookingUid)}`;
}

function bookingOfCode(code: string) {
	const match = /^([a-z2-9]{8,40})-([A-Za-z0-9_-]{12})$/.exec(code);
	if (!match) return null;
	const [expected, given] = [Buffer.from(signatureOf(match[1])), Buffer.from(match[2])];
	return expected.length === given.length && timingSafeEqual(expected, given) ? match[1] : null;
}

export type Certificate = CourseDocument & {
	attended: number;
	needed: number;
	issuedOn: Date;
	code: string;
	verifyUrl: string;
};

/** The certificate, or null when the course has not ended or the member fell short of the rule. */
export async function loadCertificate(
	bookingUid: string,
	owner: { userId: number } | { eventId: number },
	now = new Date()
): Promise<Certificate | null> {
	const document = await loadCourseDocument(bookingUid, owner);
	if (!document || document.sessions.length === 0) return null;
	const lastEndsAt = new Date(Math.max(...document.sessions.map((s) => s.endsAt.getTime())));
	const [row] = await db
		.select({ attended: count(table.checkIns.id), needed: table.events.attendanceNeeded })
		.from(table.bookings)
		.innerJoin(table.events, eq(table.events.id, table.bookings.eventId))
		.leftJoin(table.checkIns, eq(table.checkIns.bookingId, table.bookings.id))
		.where(eq(table.bookings.uid, bookingUid))
		.groupBy(table.bookings.id);
	const status = certificateStatusOf(
		{
			sessions: document.sessions.length,
			lastEndsAt,
			attended: row.attended,
			attendanceNeeded: row.needed
		},
		now
	);
	if (status.state !== 'ready') return null;
	const code = certificateCode(bookingUid);
	return {
		...document,
		attended: status.attended,
		needed: status.needed,
		issuedOn: lastEndsAt,
		code,
		verifyUrl: `${config.origin}/certificates/${code}`
	};
}

/** What the verification address shows: name, course and dates, and nothing else. */
export async function verifyCertificate(code: string, now = new Date()) {
	const uid = bookingOfCode(code);
	if (!uid) return null;
	const [booking] = await db
		.select({ userId: table.bookings.userId })
		.from(table.bookings)
		.where(eq(table.bookings.uid, uid));
	const certificate = booking && (await loadCertificate(uid, { userId: booking.userId }, now));
	if (!certificate) return null;
	return {
		name: certificate.member.name,
		course: certificate.event.title,
		sessions: certificate.sessions,
		issuedOn: certificate.issuedOn
	};
}
