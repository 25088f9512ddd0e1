// The database's invariants as SQL against the end-to-end server's database: places never
// above capacity, waiting positions unique, every email tied to the booking or application it
// announces, no application half-way between two states, nothing stored that a form should
// have refused. Each query returns the rows that break a rule; an empty answer is a pass.
import type { Client } from '@libsql/client';
import { ACCESS_NEEDS } from '../../../src/lib/server/bookings/answers.ts';
import {
	MEANS_TESTED_BENEFITS,
	PAYMENT_TYPES
} from '../../../src/lib/server/grants/application-steps.ts';

const list = (values: readonly string[]) =>
	values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');

const RULES: Record<string, string> = {
	// A walk-in an organiser let in over capacity, recorded as such, is the one exception.
	'confirmed and offered places above capacity': `
		select e.id, e.capacity, sum(1 + b.guests) as taken from events e
		join bookings b on b.event_id = e.id and b.status in ('confirmed', 'offered')
		where e.capacity is not null and not exists (select 1 from audit_log a
			join bookings w on w.uid = a.subject_id and w.event_id = e.id
			where a.action = 'booking.walk-in-added' and json_extract(a.detail, '$.overCapacity') = 1)
		group by e.id having taken > e.capacity`,
	'waiting-list position used twice': `
		select event_id, waitlist_position, count(*) from bookings where status = 'waitlisted'
		group by event_id, waitlist_position having count(*) > 1`,
	'waiting without a position, or offered without an expiry': `
		select uid, status from bookings where (status = 'waitlisted' and waitlist_position is null)
		or (status = 'offered' and offer_expires_at is null)`,
	'two live bookings for one member and event': `
		select event_id, user_id, count(*) from bookings where status <> 'cancelled'
		group by event_id, user_id having count(*) > 1`,
	'guests beyond what the event allows': `
		select b.uid, b.guests, e.guests_allowed from bookings b join events e on e.id = b.event_id
		where b.status <> 'cancelled' and (b.guests < 0 or b.guests > e.guests_allowed)`,
	'booking answer outside the list of access needs': `
		select b.uid, n.value from bookings b, json_each(b.answers, '$.accessNeeds') n
		where n.value not in (${list(Object.keys(ACCESS_NEEDS))})`,
	'booking email without its booking': `
		with keyed as (select idempotency_key as k, substr(idempotency_key, instr(idempotency_key, '/') + 1) || '/' as rest
			from outbox where idempotency_key like 'booking-%' or idempotency_key like 'reminder/%')
		select k from keyed where not exists (select 1 from bookings b
			where b.uid = substr(rest, 1, instr(rest, '/') - 1))`,
	'grant email without its application': `
		select o.idempotency_key from outbox o where o.idempotency_key like 'grant/%'
		and not exists (select 1 from grant_applications a
			where o.idempotency_key like 'grant/' || a.reference || '/%')`,
	'event without a session, or ending before it starts': `
		select e.id from events e where e.ends_at < e.starts_at
		or not exists (select 1 from event_sessions s where s.event_id = e.id)`,
	'capacity or guests out of range': `
		select id from events where (capacity is not null and capacity < 1)
		or guests_allowed < 0 or guests_allowed > 10`,
	'application sent without the time it was sent': `
		select reference, status from grant_applications
		where status in ('submitted', 'needs-info', 'approved', 'declined', 'paid') and submitted_at is null`,
	'decision without its award, officer or reason': `
		select reference, status from grant_applications
		where (status in ('approved', 'paid') and (coalesce(award_pence, 0) <= 0 or decided_at is null))
		or (status = 'declined' and (decision_reason is null or decided_at is null))
		or (status = 'paid' and (paid_at is null or coalesce(payment_reference, '') = ''))`,
	'status changed without its history line': `
		select a.reference, a.status from grant_applications a
		where a.status not in ('draft', 'withdrawn') and a.erased_at is null
		and coalesce((select h.to_status from grant_application_history h
			where h.application_id = a.id and h.to_status is not null order by h.id desc limit 1), '') <> a.status`,
	'awards above the round budget': `
		select r.id, r.budget_pence, sum(a.award_pence) as awarded from grant_rounds r
		join grant_applications a on a.round_id = r.id and a.status in ('approved', 'paid')
		group by r.id having awarded > r.budget_pence`,
	'grant answer outside its choices': `
		select reference from grant_applications where
		coalesce(json_extract(answers, '$.paymentType'), 'prepayment') not in (${list(Object.keys(PAYMENT_TYPES))})
		or coalesce(json_extract(answers, '$.payoutMethod'), 'bank') not in ('bank', 'supplier')
		or coalesce(json_extract(answers, '$.meansTestedBenefit'), 'Universal Credit') not in (${list(MEANS_TESTED_BENEFITS)})`,
	'evidence that is not a small PDF, JPEG or PNG with a safe name': `
		select id, filename from grant_evidence where content_type not in ('application/pdf', 'image/jpeg', 'image/png')
		or size <> length(data) or size = 0 or size > 5 * 1024 * 1024
		or filename glob '*[^A-Za-z0-9 _.-]*' or filename glob '.*'`,
	'more than three evidence files on one application': `
		select application_id, count(*) from grant_evidence group by application_id having count(*) > 3`
};

/** Each broken rule with a sample of the rows that break it. */
export async function findInconsistencies(client: Client) {
	const found: string[] = [];
	for (const [rule, query] of Object.entries(RULES)) {
		const { rows } = await client.execute(query);
		if (rows.length) found.push(`${rule}: ${JSON.stringify(rows.slice(0, 3))}`);
	}
	return found;
}

/** Every live booking on these events has the email that announced its state. */
export async function findUnannouncedBookings(client: Client, eventIds: number[]) {
	const { rows } = await client.execute({
		sql: `select b.uid, b.status from bookings b where b.event_id in (select value from json_each(?))
			and b.status <> 'cancelled' and not exists (select 1 from outbox o where o.idempotency_key like
				case b.status when 'confirmed' then 'booking-confirmed/' when 'waitlisted' then 'booking-waitlisted/'
				else 'booking-offer/' end || b.uid || '%')`,
		args: [JSON.stringify(eventIds)]
	});
	return rows.map((r) => `${r.status} booking ${r.uid} has no email`);
}
