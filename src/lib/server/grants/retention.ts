// Job: a round's retention months after an application was decided (or withdrawn), its financial
// answers, circumstances, bank details, evidence and messages are removed. What stays is
// anonymous enough for the branch's figures: round, status, award, dates, household size and
// how energy was paid for.
import { and, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { db as defaultDb, table } from '../db/index.ts';
import { addMonths } from './eligibility.ts';

const FINISHED = ['approved', 'declined', 'paid', 'withdrawn'] as const;

export async function eraseExpiredGrantData(now = new Date(), db = defaultDb) {
	const rounds = await db
		.select({ id: table.grantRounds.id, months: table.grantRounds.retentionMonths })
		.from(table.grantRounds);
	const a = table.grantApplications;
	let erased = 0;
	for (const round of rounds) {
		const cutoff = addMonths(now, -round.months);
		const due = and(
			eq(a.roundId, round.id),
			isNull(a.erasedAt),
			inArray(a.status, [...FINISHED]),
			or(
				lte(a.paidAt, cutoff),
				and(isNull(a.paidAt), lte(a.decidedAt, cutoff)),
				and(isNull(a.decidedAt), lte(a.updatedAt, cutoff))
			)
		);
		const ids = db.select({ id: a.id }).from(a).where(due);
		const [, , updated] = await db.batch([
			db.delete(table.grantEvidence).where(inArray(table.grantEvidence.applicationId, ids)),
			db
				.update(table.grantApplicationHistory)
				.set({ message: null })
				.where(inArray(table.grantApplicationHistory.applicationId, ids)),
			db
				.update(a)
				.set({
					answers: sql`json_object(
						'adults', json_extract(${a.answers}, '$.adults'),
						'children', json_extract(${a.answers}, '$.children'),
						'paymentType', json_extract(${a.answers}, '$.paymentType'))`,
					householdKey: null,
					bankDetailsCiphertext: null,
					decisionReason: null,
					paymentReference: null,
					erasedAt: now
				})
				.where(due)
				.returning({ id: a.id })
		]);
		erased += updated.length;
	}
	return erased;
}
