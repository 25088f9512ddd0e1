import { beforeEach, describe, expect, it } from 'vitest';
import { auditInsert } from './audit.ts';
import { searchAuditLog } from './audit-search.ts';
import { auditCsv, viewAuditEntry } from './audit-view.ts';
import { db, table } from './db/index.ts';
import { createBooking, createEvent, createMember, emptyDatabase } from './testing/fixtures.ts';

beforeEach(async () => {
	await db.delete(table.auditLog);
	await emptyDatabase();
});

describe('the audit log search', () => {
	it('filters by person, by event (with its bookings) and by London day', async () => {
		const tom = await createMember({ name: 'Tom Gallagher', roles: ['organiser'] });
		const grace = await createMember({ name: 'Grace Mensah', roles: ['admin'] });
		const event = await createEvent();
		const booking = await createBooking(event);
		const at = new Date('2026-11-20T12:00:00Z');
		await auditInsert(
			db,
			{ actorUserId: tom.id, action: 'event.updated', subjectType: 'event', subjectId: event.slug },
			at
		);
		await auditInsert(
			db,
			{
				actorUserId: tom.id,
				action: 'booking.checked-in',
				subjectType: 'booking',
				subjectId: booking.uid
			},
			at
		);
		await auditInsert(
			db,
			{ actorUserId: grace.id, action: 'roles.changed', subjectType: 'user', subjectId: tom.id },
			new Date('2026-11-21T12:00:00Z')
		);

		const byPerson = await searchAuditLog({ person: 'gallagher' });
		expect(byPerson.ok && byPerson.rows.map((r) => r.action).sort()).toEqual([
			'booking.checked-in',
			'event.updated'
		]);
		const byEvent = await searchAuditLog({ event: event.slug });
		expect(byEvent.ok && byEvent.rows).toHaveLength(2);
		const byDay = await searchAuditLog({ from: '2026-11-21', to: '2026-11-21' });
		expect(byDay.ok && byDay.rows.map((r) => r.actorName)).toEqual(['Grace Mensah']);
		expect(await searchAuditLog({ from: '21/11/2026', event: 'no-such-event' })).toEqual({
			ok: false,
			errors: { from: expect.any(String), event: expect.any(String) }
		});
	});
});

describe('the audit log in words', () => {
	it('names who acted and who was acted on, and finds records by the person acted on', async () => {
		const admin = await createMember({ name: 'Grace Mensah', roles: ['admin'] });
		const dee = await createMember({ name: 'Dee Walker', email: 'dee@example.org' });
		const event = await createEvent({ title: 'Reps’ day' });
		const booking = await createBooking(event, { userId: dee.id });
		await auditInsert(db, {
			actorUserId: admin.id,
			action: 'role-granted',
			subjectType: 'user',
			subjectId: dee.id,
			detail: { role: 'organiser' }
		});
		await auditInsert(db, {
			actorUserId: admin.id,
			action: 'booking.checked-in',
			subjectType: 'booking',
			subjectId: booking.uid
		});
		await auditInsert(db, { actorUserId: dee.id, action: 'login' });

		const found = await searchAuditLog({ subject: 'walker' });
		expect(found.ok).toBe(true);
		const views = found.ok ? found.rows.map((row) => viewAuditEntry(row, false)) : [];
		expect(views.map((v) => [v.who, v.did, v.whatHref])).toEqual([
			[
				'Grace Mensah',
				'checked in Dee Walker (Reps’ day)',
				`/organiser/events/${event.id}/attendees`
			],
			['Grace Mensah', 'gave Dee Walker the organiser role', '/admin/users?q=dee%40example.org']
		]);
		const csv = found.ok ? auditCsv(found.rows) : '';
		expect(csv).toContain(
			',Grace Mensah,gave Dee Walker the organiser role,Dee Walker,role-granted'
		);
	});
});
