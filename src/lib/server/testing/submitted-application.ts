// Grant applications made the way a member makes them, for the welfare officers' tests.
import { eq } from 'drizzle-orm';
import { db, table } from '../db/index.ts';
import type { GrantRound } from '../db/schema/index.ts';
import { saveAnswers, startApplication, submitApplication } from '../grants/applications.ts';
import { createMember, createMemberInGoodStanding, emptyDatabase } from './fixtures.ts';

export const mailer = { origin: 'http://localhost:3000', branchName: 'Test Branch' };

/** An empty database, outbox and audit log, and a new welfare officer to decide with. */
export async function clearGrantDesk() {
	await emptyDatabase();
	await db.delete(table.outbox);
	await db.delete(table.auditLog);
	return createMember({ roles: ['welfare'] });
}

/** A submitted application of a new member in good standing, with these answers. */
export async function submitted(
	round: GrantRound,
	answers: Record<string, unknown> = {},
	now = new Date()
) {
	const member = await createMemberInGoodStanding(now);
	const draft = await startApplication(member.id, round.id);
	await saveAnswers(draft, {
		addressLine1: `${member.id} Acacia Road`,
		postcode: 'B15 2TT',
		paymentType: 'direct-debit',
		...answers
	});
	const [saved] = await db
		.select()
		.from(table.grantApplications)
		.where(eq(table.grantApplications.id, draft.id));
	await submitApplication(saved, round, member, mailer, { now });
	return { member, id: draft.id };
}

export async function statusOf(id: number) {
	const [row] = await db
		.select()
		.from(table.grantApplications)
		.where(eq(table.grantApplications.id, id));
	return row.status;
}
