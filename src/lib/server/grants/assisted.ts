// Assisted applications: a welfare officer fills in the application with a member (at a help
// session or on the phone). The member must be eligible as if applying themselves; the
// application is marked with the officer, and the member is emailed a copy when it is sent.
import { and, eq, isNull, or } from 'drizzle-orm';
import { db as defaultDb, table } from '../db/index.ts';
import { membershipKey } from '../members/matching-keys.ts';
import { readMemberToAssist } from '../members/member-lookup-form.ts';
import { memberStanding } from '../members/standing.ts';
import { findApplicationWithApplicant, startApplication } from './applications.ts';
import { currentRound } from './rounds.ts';

export type AssistStart =
	{ ok: true; reference: string; resume: boolean } | { ok: false; error: string };

/** A member found by membership number or email address. */
export async function findMember(query: string, db = defaultDb) {
	const value = query.trim();
	if (!value) return null;
	const [user] = await db
		.select({ id: table.users.id, name: table.users.name, email: table.users.email })
		.from(table.users)
		.where(
			and(
				isNull(table.users.deletedAt),
				or(
					eq(table.users.membershipNumber, membershipKey(value)),
					eq(table.users.email, value.toLowerCase())
				)
			)
		);
	return user ?? null;
}

export async function startAssistedApplication(
	query: string,
	officerId: number,
	now = new Date()
): Promise<AssistStart> {
	const typed = readMemberToAssist(query);
	if (!typed.ok) return typed;
	const member = await findMember(typed.key);
	if (!member) {
		return {
			ok: false,
			error:
				'No member has that membership number or email address. They need an account with their membership confirmed.'
		};
	}
	const state = await currentRound(now);
	if (state.kind !== 'open') return { ok: false, error: 'No grant round is taking applications.' };
	const standing = await memberStanding(member.id, now);
	if (!standing.grantEligible) {
		return { ok: false, error: `${member.name} cannot apply yet: ${standing.grantProblem}` };
	}
	const application = await startApplication(member.id, state.round.id, {
		assistedBy: officerId,
		now
	});
	if (application.status !== 'draft' && application.status !== 'needs-info') {
		return {
			ok: false,
			error: `${member.name} has already applied in this round (${application.reference}).`
		};
	}
	if (application.assistedBy === null) {
		// The member began on their own: the officer carries on with them, and it is marked assisted.
		await defaultDb
			.update(table.grantApplications)
			.set({ assistedBy: officerId })
			.where(eq(table.grantApplications.id, application.id));
	}
	return { ok: true, reference: application.reference, resume: true };
}

/** The application an officer is filling in, with its applicant and round, while it is open. */
export async function findAssistedApplication(reference: string, db = defaultDb) {
	const row = await findApplicationWithApplicant(
		eq(table.grantApplications.reference, reference),
		db
	);
	if (!row || (row.application.status !== 'draft' && row.application.status !== 'needs-info'))
		return null;
	return row;
}
