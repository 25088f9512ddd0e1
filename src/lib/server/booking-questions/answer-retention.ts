// Sensitive answers to organisers' questions are special-category data, erased 30 days after the
// event like access needs. An answer counts as sensitive if it was when given, or if its question
// has been marked sensitive since.
import { sql } from 'drizzle-orm';

const isSensitive = sql.raw(`(coalesce(json_extract(a.value, '$.sensitive'), 0) = 1
	or json_extract(a.value, '$.questionId') in (select id from booking_questions where sensitive = 1))`);

/** The statement that erases them on events that ended at or before `cutoffMs`. */
export function eraseSensitiveAnswersSql(cutoffMs: number) {
	return sql`update bookings
		set answers = json_set(answers, '$.questions', (
			select json_group_array(json(a.value)) from json_each(bookings.answers, '$.questions') a
			where not ${isSensitive}))
		where answers is not null
			and event_id in (select id from events where ends_at <= ${cutoffMs})
			and exists (select 1 from json_each(bookings.answers, '$.questions') a where ${isSensitive})`;
}
