// Job: access and dietary answers, and sensitive answers to organisers' own questions, are
// special-category data, kept only until 30 days after the event. Employer, guests and other
// answers stay for attendance records; nothing else is touched.
import { sql } from 'drizzle-orm';
import { eraseSensitiveAnswersSql } from '../booking-questions/answer-retention.ts';
import { db } from '../db/index.ts';

export const ANSWERS_KEPT_AFTER_EVENT_MS = 30 * 24 * 3_600_000;

/** How many bookings had answers erased (a booking with both kinds counts twice). */
export async function eraseExpiredAnswers(now = new Date()) {
	const cutoff = now.getTime() - ANSWERS_KEPT_AFTER_EVENT_MS;
	const [builtIn, own] = await db.batch([
		db.run(sql`update bookings
		set answers = json_remove(answers, '$.accessNeeds', '$.accessNotes', '$.dietary')
		where answers is not null
			and (json_type(answers, '$.accessNeeds') is not null or json_type(answers, '$.accessNotes') is not null or json_type(answers, '$.dietary') is not null)
			and event_id in (select id from events where ends_at <= ${cutoff})`),
		db.run(eraseSensitiveAnswersSql(cutoff))
	]);
	return builtIn.rowsAffected + own.rowsAffected;
}
