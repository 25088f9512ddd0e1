import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import {
	createGrantRound,
	createMember,
	createMemberInGoodStanding,
	emptyDatabase
} from '../testing/fixtures.ts';
import {
	saveAnswers,
	saveBankDetails,
	startApplication,
	submitApplication
} from './applications.ts';
import { addEvidence } from './evidence.ts';
import { eraseExpiredGrantData } from './retention.ts';
import { decideApplication } from './review.ts';

const mailer = { origin: 'http://localhost:3000', branchName: 'Test Branch' };
const PDF = new TextEncoder().encode('%PDF-1.7\n%x\n');

beforeEach(emptyDatabase);

describe('grant retention', () => {
	it('removes financial answers, bank details and evidence once the retention months pass, keeping anonymous figures', async () => {
		const round = await createGrantRound({ retentionMonths: 24 });
		const member = await createMemberInGoodStanding();
		const officer = await createMember({ roles: ['welfare'] });
		const draft = await startApplication(member.id, round.id);
		await saveAnswers(draft, {
			addressLine1: '1 High Street',
			postcode: 'B1 1AA',
			adults: 2,
			children: 3,
			paymentType: 'prepayment',
			monthlyIncomePence: 120_000,
			circumstances: 'Private story'
		});
		const read = async () =>
			(
				await db
					.select()
					.from(table.grantApplications)
					.where(eq(table.grantApplications.id, draft.id))
			)[0];
		await saveBankDetails(
			await read(),
			{ accountName: 'A', sortCode: '309950', accountNumber: '00733445' },
			Buffer.alloc(32, 1)
		);
		await addEvidence(await read(), { name: 'p.pdf', size: PDF.length, bytes: PDF });
		await submitApplication(await read(), round, member, mailer);
		const decidedAt = new Date('2026-01-10T12:00:00Z');
		await decideApplication(
			draft.id,
			{ kind: 'decline', reason: 'Household savings are over the limit' },
			officer.id,
			mailer,
			decidedAt
		);

		expect(await eraseExpiredGrantData(new Date('2027-12-01T00:00:00Z'))).toBe(0);
		expect(await eraseExpiredGrantData(new Date('2028-01-11T00:00:00Z'))).toBe(1);
		const after = await read();
		expect(after.answers).toEqual({ adults: 2, children: 3, paymentType: 'prepayment' });
		expect(after).toMatchObject({
			status: 'declined',
			bankDetailsCiphertext: null,
			householdKey: null,
			decisionReason: null
		});
		expect(await db.select().from(table.grantEvidence)).toEqual([]);
		expect(await eraseExpiredGrantData(new Date('2028-02-01T00:00:00Z'))).toBe(0);
	});

	it('leaves open applications alone however old', async () => {
		const round = await createGrantRound({ retentionMonths: 1 });
		const member = await createMemberInGoodStanding();
		await startApplication(member.id, round.id, { now: new Date('2020-01-01') });
		expect(await eraseExpiredGrantData(new Date('2030-01-01'))).toBe(0);
	});
});
