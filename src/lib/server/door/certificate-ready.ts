// Job: once a course's last session has ended, each member who attended enough of it is emailed
// that their certificate of attendance is ready, with the link. The email's idempotency key is
// the booking, so any number of runs in any number of processes send it once. Courses that ended
// within the last fortnight are looked at, so attendance put right at the door, or a rule
// lowered by the organiser, in the days after still brings the email.
import { and, eq, sql } from 'drizzle-orm';
import { config } from '../config.ts';
import { db, table } from '../db/index.ts';
import type { OutgoingEmail } from '../email/message.ts';
import { queueEmail } from '../email/outbox.ts';
import { wakeEmailWorker } from '../email/worker.ts';
import { loadEventWithSessions } from '../bookings/booking-context.ts';
import { compose, reason, type BookingContext } from '../bookings/booking-email-parts.ts';
import { certificateStatuses, type CertificateStatus } from './certificate-status.ts';

const LOOK_BACK_MS = 14 * 24 * 3_600_000;

export function certificateReadyEmail(
	c: BookingContext,
	status: Pick<CertificateStatus, 'attended' | 'sessions'>
): OutgoingEmail {
	const attended =
		status.sessions === 1
			? `You attended ${c.event.title}`
			: `You attended ${status.attended} of the ${status.sessions} sessions of ${c.event.title}`;
	return compose(c, `certificate-ready/${c.bookingUid}`, 'certificate-ready', {
		subject: `Your certificate: ${c.event.title}`,
		preview: 'Your certificate of attendance is ready to download or print.',
		heading: 'Your certificate is ready',
		blocks: [
			{ kind: 'paragraph', text: `Hello ${c.member.name},` },
			{ kind: 'paragraph', text: `${attended}, so your certificate of attendance is ready.` },
			{
				kind: 'paragraph',
				text: 'Open it to print it or save it as a PDF. Its code lets anyone you show it to check it is real.'
			},
			{
				kind: 'button',
				text: 'See your certificate',
				href: `${c.config.origin}/account/bookings/${c.bookingUid}/certificate`
			}
		],
		reason: reason(c)
	});
}

const b = table.bookings;
const e = table.events;

/** Queues the email for every place on a recently ended course whose certificate is ready. */
export async function queueReadyCertificates(now = new Date()) {
	const lastEnd = sql<number>`(select max(s.ends_at) from event_sessions s where s.event_id = ${e.id})`;
	const ended = await db
		.select({ uid: b.uid, eventId: e.id, email: table.users.email, name: table.users.name })
		.from(b)
		.innerJoin(e, eq(e.id, b.eventId))
		.innerJoin(table.users, eq(table.users.id, b.userId))
		.where(
			and(
				eq(e.category, 'course'),
				eq(e.status, 'published'),
				eq(b.status, 'confirmed'),
				sql`${lastEnd} between ${now.getTime() - LOOK_BACK_MS} and ${now.getTime()}`,
				sql`not exists (select 1 from outbox o where o.idempotency_key = 'certificate-ready/' || ${b.uid})`
			)
		)
		.limit(2_000);
	const statuses = await certificateStatuses(
		ended.map((row) => row.uid),
		now
	);
	const events = new Map<number, Awaited<ReturnType<typeof loadEventWithSessions>>>();
	let queued = 0;
	for (const row of ended) {
		const status = statuses.get(row.uid);
		if (status?.state !== 'ready') continue;
		if (!events.has(row.eventId)) events.set(row.eventId, await loadEventWithSessions(row.eventId));
		const found = events.get(row.eventId);
		if (!found) continue;
		const member = { email: row.email, name: row.name };
		const context = { config, ...found, member, bookingUid: row.uid };
		await queueEmail(db, certificateReadyEmail(context, status), now);
		queued += 1;
	}
	if (queued) wakeEmailWorker();
	return queued;
}
