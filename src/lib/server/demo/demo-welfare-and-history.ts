// Demo work for the staff desk to show on first start: a dozen submitted grant applications
// that between them raise every welfare-queue flag, last winter's round with one paid grant (the
// cool-down), and past events of each kind with who came, checked in at the door.
import type { Database } from '../db/client.ts';
import * as table from '../db/schema/index.ts';
import type { GrantAnswers } from '../db/schema/index.ts';
import { newBookingUid } from '../bookings/booking-uid.ts';
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
	// Last winter's round, closed, with the grant that puts one applicant inside the cool-down.
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
	await tx.insert(table.grantApplications).values({
		reference: 'WFG-DEMO25',
		roundId: lastWinter.id,
		userId: users[coolDown].id,
		status: 'paid',
		answers: answersFor(coolDown, {}),
		awardPence: 10_000,
		submittedAt: new Date(awardedAt.getTime() - 5 * DAY),
		decidedAt: awardedAt,
		paidAt: new Date(awardedAt.getTime() + 3 * DAY),
		paymentReference: 'BACS-2025-117',
		createdAt: awardedAt,
		updatedAt: awardedAt
	});
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
		.returning({ id: table.grantApplications.id });
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

/** Three past events, one of each common kind, with bookings and door check-ins. */
export async function seedPastEvents(
	tx: Pick<Database, 'insert'>,
	organiserId: number,
	memberIds: number[],
	now: Date
) {
	const past = [
		{ title: 'Branch AGM and social', category: 'celebration' as const, weeksAgo: 3, came: 0.8 },
		{
			title: 'Save our libraries rally',
			category: 'day-of-action' as const,
			weeksAgo: 5,
			came: 0.6
		},
		{
			title: 'Organising at work: a day for new reps',
			category: 'course' as const,
			weeksAgo: 7,
			came: 0.9
		}
	];
	for (const [n, spec] of past.entries()) {
		const startsAt = new Date(now.getTime() - spec.weeksAgo * 7 * DAY);
		const endsAt = new Date(startsAt.getTime() + 3 * HOUR);
		const [event] = await tx
			.insert(table.events)
			.values({
				slug: `past-${spec.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
				title: spec.title,
				category: spec.category,
				summary: 'A past branch event.',
				description: 'Held earlier this year.',
				venueName: 'Bank House, the branch office',
				capacity: 40,
				status: 'published',
				startsAt,
				endsAt,
				createdBy: organiserId,
				createdAt: new Date(startsAt.getTime() - 30 * DAY),
				updatedAt: new Date(startsAt.getTime() - 30 * DAY)
			})
			.returning({ id: table.events.id });
		await tx.insert(table.eventSessions).values({ eventId: event.id, startsAt, endsAt });
		await tx
			.insert(table.eventOrganisers)
			.values({ eventId: event.id, userId: organiserId, addedAt: now });
		const booked = memberIds.slice(n).concat(memberIds.slice(0, n));
		const cameCount = Math.round(booked.length * spec.came);
		await tx.insert(table.bookings).values(
			booked.map((userId, i) => ({
				eventId: event.id,
				userId,
				status: 'confirmed' as const,
				answers: {},
				uid: newBookingUid(),
				checkedInAt: i < cameCount ? new Date(startsAt.getTime() + (10 + i) * 60_000) : null,
				createdAt: new Date(startsAt.getTime() - (20 - i) * DAY),
				statusChangedAt: new Date(startsAt.getTime() - (20 - i) * DAY)
			}))
		);
	}
	return past.length;
}
