// Why each welfare-queue flag is on an application, in words for the officer on the decision
// page, with a link to the other application where one is involved.
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import { formatLongDate } from '../../london-time.ts';
import { coolDownPeriod } from '../../grants/cool-down.ts';
import { QUEUE_FLAGS, type QueueFlag } from '../../grants/queue-flags.ts';
import { db as defaultDb, table } from '../db/index.ts';
import type { GrantApplication, GrantRound } from '../db/schema/index.ts';
import { formatPounds } from './eligibility.ts';
import type { QueueRow } from './welfare-queue.ts';

export type FlagReason = {
	flag: QueueFlag;
	label: string;
	why: string;
	link?: { href: string; text: string };
};

async function joinedOn(userId: number, db = defaultDb) {
	const [row] = await db
		.select({ joinedOn: table.membersRegister.joinedOn })
		.from(table.users)
		.innerJoin(
			table.membersRegister,
			eq(table.membersRegister.membershipNumber, table.users.membershipNumber)
		)
		.where(eq(table.users.id, userId));
	return row?.joinedOn ?? null;
}

async function lastAward(application: GrantApplication, db = defaultDb) {
	const a = table.grantApplications;
	const [row] = await db
		.select({ reference: a.reference, decidedAt: a.decidedAt })
		.from(a)
		.where(
			and(
				eq(a.userId, application.userId),
				ne(a.id, application.id),
				inArray(a.status, ['approved', 'paid'])
			)
		)
		.orderBy(desc(a.decidedAt))
		.limit(1);
	return row ?? null;
}

export async function explainFlags(
	row: QueueRow,
	application: GrantApplication,
	round: GrantRound,
	db = defaultDb
): Promise<FlagReason[]> {
	const answers = application.answers;
	const reasons: FlagReason[] = [];
	const add = (flag: QueueFlag, why: string, link?: FlagReason['link']) =>
		reasons.push({ flag, label: QUEUE_FLAGS[flag], why, link });
	for (const flag of row.flags) {
		switch (flag) {
			case 'income':
				add(
					flag,
					`The household’s income is ${formatPounds(answers.monthlyIncomePence ?? 0)} a month, at or over the round’s limit of ${formatPounds(round.incomeThresholdPence)}, and no means-tested benefit was named.`
				);
				break;
			case 'savings':
				add(
					flag,
					`The member said the household’s savings are not under the round’s limit of ${formatPounds(round.savingsLimitPence)}.`
				);
				break;
			case 'new-member': {
				const joined = await joinedOn(application.userId, db);
				add(
					flag,
					`The membership list says they joined on ${joined ? formatLongDate(new Date(`${joined}T12:00:00Z`)) : 'an unknown date'}, under 4 weeks before the application was sent${row.submittedAt ? ` on ${formatLongDate(row.submittedAt)}` : ''}.`
				);
				break;
			}
			case 'no-evidence':
				add(flag, 'Nothing has been uploaded to show income, benefits or fuel bills.');
				break;
			case 'household': {
				const [other] = await db
					.select({ reference: table.grantApplications.reference })
					.from(table.grantApplications)
					.where(eq(table.grantApplications.id, row.householdOf ?? 0));
				add(
					flag,
					'Another application in this round gives the same address: one grant per household.',
					other && { href: `/organiser/grants/${row.householdOf}`, text: other.reference }
				);
				break;
			}
			case 'cool-down': {
				const award = await lastAward(application, db);
				add(
					flag,
					`A grant was awarded${award?.decidedAt ? ` on ${formatLongDate(award.decidedAt)}` : ''}, within the round’s cool-down of ${coolDownPeriod(round.coolDownMonths)}.`
				);
				break;
			}
		}
	}
	return reasons;
}
