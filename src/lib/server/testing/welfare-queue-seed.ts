// A winter's worth of submitted grant applications for tests and the benchmark: all in order
// (evidence, a means-tested benefit, savings under the limit, members for years) except a fixed
// set of rule breakers, one per thing the welfare queue flags.
import type { Database } from '../db/client.ts';
import * as table from '../db/schema/index.ts';

const DAY = 24 * 3_600_000;

/** Index in the seeded list → the flags that application must show (and no others). */
export const RULE_BREAKERS = {
	0: ['income'],
	1: ['savings'],
	2: ['new-member'],
	3: ['no-evidence'],
	4: ['household'],
	5: ['household'],
	6: ['cool-down'],
	7: ['income', 'savings', 'no-evidence']
} as const;

function chunks<T>(items: T[], size = 200) {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}

type Seeding = {
	db: Database;
	now: Date;
	label: string;
	breaks: (i: number, flag: string) => boolean;
	submittedAt: (i: number) => Date;
};

export async function seedWelfareQueue(
	db: Database,
	roundId: number,
	count: number,
	now = new Date(),
	label = `q${now.getTime()}`
) {
	const seeding: Seeding = {
		db,
		now,
		label,
		breaks: (i, flag) =>
			((RULE_BREAKERS as Record<number, readonly string[]>)[i] ?? []).includes(flag),
		submittedAt: (i) => new Date(now.getTime() - (count - i) * 60_000)
	};
	const numbers = Array.from({ length: count }, (_, i) => `${label}-${i}`);
	await seedListedMembers(seeding, numbers);
	const userIds = await seedApplicants(seeding, numbers);
	const ids = await seedApplications(seeding, roundId, userIds);
	await seedEvidence(
		seeding,
		ids.filter((_, i) => !seeding.breaks(i, 'no-evidence'))
	);
	return ids;
}

/** Each applicant on the membership list; the new-member breaker joined ten days before applying. */
async function seedListedMembers({ db, now, breaks, submittedAt }: Seeding, numbers: string[]) {
	for (const part of chunks(numbers.map((n, i) => ({ n, i }))))
		await db.insert(table.membersRegister).values(
			part.map(({ n, i }) => ({
				membershipNumber: n,
				surname: `Applicant${i}`,
				postcode: 'B1 1AA',
				joinedOn: breaks(i, 'new-member')
					? new Date(submittedAt(i).getTime() - 10 * DAY).toISOString().slice(0, 10)
					: '2019-04-01',
				subsPaidTo: now.toISOString().slice(0, 10),
				importedAt: now
			}))
		);
}

async function seedApplicants({ db, now }: Seeding, numbers: string[]) {
	const userIds: number[] = [];
	for (const part of chunks(numbers.map((n, i) => ({ n, i })))) {
		const made = await db
			.insert(table.users)
			.values(
				part.map(({ n, i }) => ({
					email: `${n}@queue.example`,
					name: `Applicant ${i}`,
					membershipNumber: n,
					emailVerifiedAt: now,
					memberVerifiedAt: now
				}))
			)
			.returning({ id: table.users.id });
		userIds.push(...made.map((u) => u.id));
	}
	return userIds;
}

async function seedApplications(
	{ db, label, breaks, submittedAt }: Seeding,
	roundId: number,
	userIds: number[]
) {
	const ids: number[] = [];
	for (const part of chunks(userIds.map((userId, i) => ({ userId, i })))) {
		const made = await db
			.insert(table.grantApplications)
			.values(
				part.map(({ userId, i }) => ({
					reference: `WFG-${label}-${i}`.toUpperCase(),
					roundId,
					userId,
					status: 'submitted' as const,
					answers: {
						paysFuelBills: true,
						paymentType: 'direct-debit' as const,
						monthlyIncomePence: breaks(i, 'income') ? 260_000 : 120_000,
						meansTestedBenefit: breaks(i, 'income') ? null : 'Universal Credit',
						savingsUnderLimit: !breaks(i, 'savings'),
						previousAward: false
					},
					householdKey: breaks(i, 'household') ? `${label}-shared-home` : `${label}-home-${i}`,
					flags: { coolDown: breaks(i, 'cool-down'), firstTime: !breaks(i, 'cool-down') },
					submittedAt: submittedAt(i),
					createdAt: submittedAt(i),
					updatedAt: submittedAt(i)
				}))
			)
			.returning({ id: table.grantApplications.id });
		ids.push(...made.map((a) => a.id));
	}
	return ids;
}

async function seedEvidence({ db, now }: Seeding, applicationIds: number[]) {
	for (const part of chunks(applicationIds))
		await db.insert(table.grantEvidence).values(
			part.map((applicationId) => ({
				applicationId,
				filename: 'payslip.pdf',
				contentType: 'application/pdf',
				size: 8,
				data: Buffer.from('%PDF-1.4'),
				uploadedAt: now
			}))
		);
}
