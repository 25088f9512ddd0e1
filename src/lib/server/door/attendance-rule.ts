// A course's attendance rule for its certificates: every session, unless an organiser sets
// "at least N of M". "Every session" is kept as no number at all, so a session added to the
// course later is needed too.
import { count, eq } from 'drizzle-orm';
import * as v from 'valibot';
import { auditInsert } from '../audit.ts';
import { db, table } from '../db/index.ts';
import type { Event } from '../db/schema/index.ts';
import { checkField } from '../form-schema.ts';
import { sessionsNeeded } from './certificate-status.ts';

export type AttendanceRule = { needed: number; sessions: number; everySession: boolean };

/** Only a course of more than one session has a rule worth setting. */
export async function loadAttendanceRule(event: Event): Promise<AttendanceRule | null> {
	if (event.category !== 'course') return null;
	const [{ sessions }] = await db
		.select({ sessions: count() })
		.from(table.eventSessions)
		.where(eq(table.eventSessions.eventId, event.id));
	if (sessions < 2) return null;
	const needed = sessionsNeeded(event.attendanceNeeded, sessions);
	return { needed, sessions, everySession: needed === sessions };
}

export type AttendanceRuleAnswer = { ok: true; message: string } | { ok: false; error: string };

/** The number of sessions a member must attend: from 1 to the course's `sessions`. */
const sessionsNeededField = (sessions: number) =>
	v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty('Enter how many sessions a member must attend'),
		v.regex(/^\d{1,3}$/, 'Enter the number of sessions as a whole number, like 2'),
		v.transform(Number),
		v.minValue(1, `Enter a number between 1 and ${sessions}`),
		v.maxValue(sessions, `Enter a number between 1 and ${sessions}`)
	);

/** The organiser's answer, checked against the course's sessions as they stand. */
export function readSessionsNeeded(given: string, sessions: number) {
	const checked = checkField(sessionsNeededField(sessions), given);
	return checked.ok ? { ok: true as const, needed: checked.value } : checked;
}

export async function setAttendanceRule(
	event: Event,
	given: string,
	actorUserId: number,
	now = new Date()
): Promise<AttendanceRuleAnswer> {
	const rule = await loadAttendanceRule(event);
	if (!rule)
		return { ok: false, error: 'Only a course of more than one session has a rule to set' };
	const read = readSessionsNeeded(given, rule.sessions);
	if (!read.ok) return read;
	const everySession = read.needed === rule.sessions;
	await db.batch([
		db
			.update(table.events)
			.set({ attendanceNeeded: everySession ? null : read.needed, updatedAt: now })
			.where(eq(table.events.id, event.id)),
		auditInsert(
			db,
			{
				actorUserId,
				action: 'event.attendance-rule-set',
				subjectType: 'event',
				subjectId: event.id,
				detail: { needed: read.needed, sessions: rule.sessions }
			},
			now
		)
	]);
	return {
		ok: true,
		message: everySession
			? `A certificate now needs every session (${rule.sessions} of ${rule.sessions}).`
			: `A certificate now needs at least ${read.needed} of the ${rule.sessions} sessions.`
	};
}
