// Demo work for the welfare queue to show on first start: a dozen submitted grant applications
// that between them raise every flag, and last winter's round with one paid grant (the cool-down).
import type { Database } from '../db/client.ts';
import * as table from '../db/schema/index.ts';
import type { GrantAnswers } from '../db/schema/index.ts';
import { householdKey } from '../grants/household-key.ts';
import { addDays, londonDate } from '../../plain-date.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

const APPLICANTS = [
	'Rosa Ferreira',
	'Tunde Bakare',
	'Megan Price',
	'Imran Hussain',
	'Siobhan Kelly',
	'Darren Kelly',
	'Lucy Chen',
	'Kofi Mensah',
	'Hannah Stewart',
	'Ravi Patel',
	'Grace Nwosu',
	'Tom Fletcher'
];

/** Membership numbers of the demo applicants, removed again by a demo reset. */
export const DEMO_APPLICANT_NUMBERS = APPLICANTS.map((_, i) => `B${400101 + i}`);

type Breaks = {
	income?: true;
	savings?: true;
	newMember?: true;
	noEvidence?: true;
	shareHome?: true;
	coolDown?: true;
};
/** Which rule each applicant breaks: every flag at least once, and some with none. */
const BREAKS: Breaks[] = [
	{ income: true },
	{ savings: true },
	{ newMember: true },
	{ noEvidence: true },
	{ shareHome: true },
	{ shareHome: true },
	{ coolDown: true },
	{ income: true, savings: true, noEvidence: true },
	{},
	{},
	{},
	{}
];

function answersFor(i: number, breaks: Breaks): GrantAnswers {
	const home = breaks.shareHome ? '41 Moseley Road' : `${12 + i * 3} Stratford Road`;
	return {
		addressLine1: home,
		town: 'Birmingham',
		postcode: 'B12 0HB',
		adults: 1 + (i % 2),
		children: i % 3,
		paysFuelBills: true,
		supplier: i % 2 ? 'Octopus Energy' : 'British Gas',
		paymentType: i % 3 === 0 ? 'prepayment' : 'direct-debit',
		monthlyIncomePence: breaks.income ? 260_000 : 120_000 + i * 5_000,
		meansTestedBenefit: breaks.income ? null : 'Universal Credit',
		savingsUnderLimit: !breaks.savings,
		previousAward: Boolean(breaks.coolDown),
		circumstances: 'Hours cut this winter and the meter is running low.',
		payoutMethod: 'supplier',
		supplierAccountReference: `AC-${1000 + i}`,
		declaration: true
	};
}

export async function seedDemoApplications(
	tx: Pick<Database, 'insert'>,
	roundId: number,
	now: Date
) {
	const users = await seedApplicants(tx, now);
	await seedLastWinter(tx, users[BREAKS.findIndex((b) => b.coolDown)].id, now);
	await seedThisWinter(tx, roundId, users, now);
}

/** The applicants, each on the membership list; the new-member breaker joined twelve days ago. */
async function seedApplicants(tx: Pick<Database, 'insert'>, now: Date) {
	await tx.insert(table.membersRegister).values(
		APPLICANTS.map((name, i) => ({
			membershipNumber: DEMO_APPLICANT_NUMBERS[i],
			surname: name.split(' ').at(-1)!,
			postcode: 'B12 0HB',
			joinedOn: addDays(londonDate(now), BREAKS[i].newMember ? -12 : -700 - i * 30),
			subsPaidTo: addDays(londonDate(now), -7),
			importedAt: now
		}))
	);
	const users = await tx
		.insert(table.users)
		.values(
			APPLICANTS.map((name, i) => ({
				email: `${name.toLowerCase().replace(/\W+/g, '.')}@branchdesk.example`,
				name,
				membershipNumber: DEMO_APPLICANT_NUMBERS[i],
				emailVerifiedAt: now,
				memberVerifiedAt: now,
				isDemo: true
			}))
		)
		.returning({ id: table.users.id });
	return users;
}

/** Last winter's round, closed, with the paid grant that puts one applicant inside the cool-down. */
async function seedLastWinter(tx: Pick<Database, 'insert'>, userId: number, now: Date) {
	const [lastWinter] = await tx
		.insert(table.grantRounds)
		.values({
			name: 'Winter Fuel Grant 2025/26',
			opensAt: new Date(now.getTime() - 150 * DAY),
			closesAt: new Date(now.getTime() - 94 * DAY),
			budgetPence: 1_200_000,
			standardAwardPence: 10_000,
			incomeThresholdPence: 200_000,
			savingsLimitPence: 150_000,
			coolDownMonths: 6,
			retentionMonths: 6,
			createdAt: new Date(now.getTime() - 160 * DAY)
		})
		.returning({ id: table.grantRounds.id });
	const coolDown = BREAKS.findIndex((b) => b.coolDown);
	const awardedAt = new Date(now.getTime() - 100 * DAY);
	const [lastGrant] = await tx
		.insert(table.grantApplications)
		.values({
			reference: 'WFG-DEMO25',
			roundId: lastWinter.id,
			userId,
			status: 'paid',
			answers: answersFor(coolDown, {}),
			awardPence: 10_000,
			submittedAt: new Date(awardedAt.getTime() - 5 * DAY),
			decidedAt: awardedAt,
			paidAt: new Date(awardedAt.getTime() + 3 * DAY),
			paymentReference: 'BACS-2025-117',
			createdAt: awardedAt,
			updatedAt: awardedAt
		})
		.returning({ id: table.grantApplications.id });
	// Each status change has its history line, as a real one would.
	const step = (
		from: 'draft' | 'submitted' | 'approved',
		to: 'submitted' | 'approved' | 'paid',
		at: Date
	) => ({
		applicationId: lastGrant.id,
		kind: 'status' as const,
		fromStatus: from,
		toStatus: to,
		createdAt: at
	});
	await tx
		.insert(table.grantApplicationHistory)
		.values([
			step('draft', 'submitted', new Date(awardedAt.getTime() - 5 * DAY)),
			step('submitted', 'approved', awardedAt),
			step('approved', 'paid', new Date(awardedAt.getTime() + 3 * DAY))
		]);
}

/** This winter's submitted applications, with their history lines and (but for one) evidence. */
async function seedThisWinter(
	tx: Pick<Database, 'insert'>,
	roundId: number,
	users: { id: number }[],
	now: Date
) {
	const applications = await tx
		.insert(table.grantApplications)
		.values(
			APPLICANTS.map((_, i) => {
				const answers = answersFor(i, BREAKS[i]);
				const sent = new Date(now.getTime() - (12 - i) * 5 * HOUR);
				return {
					reference: `WFG-DEMO${String(i + 1).padStart(2, '0')}`,
					roundId,
					userId: users[i].id,
					status: 'submitted' as const,
					answers,
					householdKey: householdKey(answers.postcode, answers.addressLine1),
					flags: {
						coolDown: Boolean(BREAKS[i].coolDown),
						prepayment: answers.paymentType === 'prepayment',
						firstTime: !BREAKS[i].coolDown,
						duplicateHousehold:
							Boolean(BREAKS[i].shareHome) && i > BREAKS.findIndex((b) => b.shareHome)
					},
					submittedAt: sent,
					createdAt: sent,
					updatedAt: sent
				};
			})
		)
		.returning({
			id: table.grantApplications.id,
			submittedAt: table.grantApplications.submittedAt
		});
	await tx.insert(table.grantApplicationHistory).values(
		applications.map((a) => ({
			applicationId: a.id,
			kind: 'status' as const,
			fromStatus: 'draft' as const,
			toStatus: 'submitted' as const,
			createdAt: a.submittedAt ?? now
		}))
	);
	await tx.insert(table.grantEvidence).values(
		applications
			.filter((_, i) => !BREAKS[i].noEvidence)
			.map((a) => ({
				applicationId: a.id,
				filename: 'energy-bill.pdf',
				contentType: 'application/pdf',
				size: 9,
				data: Buffer.from('%PDF-1.4\n'),
				uploadedAt: now
			}))
	);
}
