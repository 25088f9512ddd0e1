import { desc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { createBooking, createEvent, createMember, emptyDatabase } from '../testing/fixtures.ts';
import { describeAuditAction } from '../audit-words.ts';
import { loadAttendanceRule, readSessionsNeeded, setAttendanceRule } from './attendance-rule.ts';
import { certificateStatuses, certificateStatusOf } from './certificate-status.ts';
import { recordCheckIns } from './check-ins.ts';

const DAY = 24 * 3_600_000;

beforeEach(emptyDatabase);

async function course(days: number) {
	const start = new Date('2027-01-25T09:00:00Z');
	return createEvent({
		category: 'course',
		sessions: Array.from({ length: days }, (_, d) => ({
			startsAt: new Date(start.getTime() + d * DAY),
			endsAt: new Date(start.getTime() + d * DAY + 6 * 3_600_000)
		}))
	});
}

const reread = async (id: number) =>
	(await db.select().from(table.events).where(eq(table.events.id, id)))[0];

describe('the attendance rule an organiser sets for certificates', () => {
	it('starts at every session and takes "at least N of M", audit-logged in words', async () => {
		const event = await course(3);
		const organiser = await createMember({ name: 'Rule Setter' });
		expect(await loadAttendanceRule(event)).toEqual({
			needed: 3,
			sessions: 3,
			everySession: true
		});
		const answer = await setAttendanceRule(event, ' 2 ', organiser.id);
		expect(answer).toEqual({
			ok: true,
			message: 'A certificate now needs at least 2 of the 3 sessions.'
		});
		const changed = await reread(event.id);
		expect(changed.attendanceNeeded).toBe(2);
		expect(await loadAttendanceRule(changed)).toEqual({
			needed: 2,
			sessions: 3,
			everySession: false
		});
		const [logged] = await db
			.select()
			.from(table.auditLog)
			.orderBy(desc(table.auditLog.id))
			.limit(1);
		expect(logged).toMatchObject({
			action: 'event.attendance-rule-set',
			actorUserId: organiser.id
		});
		expect(
			describeAuditAction(logged.action, { subject: 'Reps stage 1', detail: logged.detail })
		).toBe('set Reps stage 1 to give certificates for attending at least 2 of 3 sessions');

		// Back to every session is kept as no number, so a session added later is needed too.
		await setAttendanceRule(changed, '3', organiser.id);
		expect((await reread(event.id)).attendanceNeeded).toBeNull();
	});

	it('refuses anything but a whole number from 1 to the number of sessions', () => {
		expect(readSessionsNeeded('', 3)).toEqual({
			ok: false,
			error: 'Enter how many sessions a member must attend'
		});
		for (const typed of ['two', '1.5', '-1', '2e0', '99999'])
			expect(readSessionsNeeded(typed, 3)).toMatchObject({ ok: false });
		expect(readSessionsNeeded('0', 3)).toEqual({
			ok: false,
			error: 'Enter a number between 1 and 3'
		});
		expect(readSessionsNeeded('4', 3)).toEqual({
			ok: false,
			error: 'Enter a number between 1 and 3'
		});
		expect(readSessionsNeeded('1', 3)).toEqual({ ok: true, needed: 1 });
	});

	it('has nothing to set on a one-session course or an event that is not a course', async () => {
		const organiser = await createMember();
		const single = await course(1);
		expect(await loadAttendanceRule(single)).toBeNull();
		expect(await setAttendanceRule(single, '1', organiser.id)).toMatchObject({ ok: false });
		const rally = await createEvent({ category: 'celebration' });
		expect(await loadAttendanceRule(rally)).toBeNull();
	});
});

describe('whether a place has earned its certificate', () => {
	const facts = {
		sessions: 3,
		lastEndsAt: new Date('2027-01-27T15:00:00Z'),
		attendanceNeeded: null
	};

	it('waits for the last session to end, then follows the rule', () => {
		const during = new Date('2027-01-27T12:00:00Z');
		const after = new Date('2027-01-27T15:00:01Z');
		expect(certificateStatusOf({ ...facts, attended: 3 }, during)).toEqual({
			state: 'after-course',
			readyFrom: facts.lastEndsAt,
			attended: 3,
			needed: 3,
			sessions: 3
		});
		expect(certificateStatusOf({ ...facts, attended: 3 }, after).state).toBe('ready');
		expect(certificateStatusOf({ ...facts, attended: 2 }, after)).toEqual({
			state: 'short',
			attended: 2,
			needed: 3,
			sessions: 3
		});
		expect(certificateStatusOf({ ...facts, attended: 2, attendanceNeeded: 2 }, after).state).toBe(
			'ready'
		);
	});

	it('is read for a member’s course places only, with their check-ins counted', async () => {
		const event = await course(2);
		const sessions = await db
			.select()
			.from(table.eventSessions)
			.where(eq(table.eventSessions.eventId, event.id))
			.orderBy(table.eventSessions.startsAt);
		const attended = await createBooking(event);
		const missed = await createBooking(event);
		const cancelled = await createBooking(event, { status: 'cancelled' });
		const rally = await createBooking(await createEvent());
		await recordCheckIns(
			event.id,
			sessions.map((s) => ({
				clientId: `status-${s.id}`,
				bookingUid: attended.uid,
				sessionId: s.id,
				checkedInAt: s.startsAt,
				deviceId: 'Door A'
			})),
			{ actorUserId: null, action: 'door.check-ins-sent' }
		);
		const statuses = await certificateStatuses(
			[attended.uid, missed.uid, cancelled.uid, rally.uid],
			new Date('2027-02-01T00:00:00Z')
		);
		expect(Object.fromEntries(statuses)).toEqual({
			[attended.uid]: { state: 'ready', attended: 2, needed: 2, sessions: 2 },
			[missed.uid]: { state: 'short', attended: 0, needed: 2, sessions: 2 }
		});
	});
});
