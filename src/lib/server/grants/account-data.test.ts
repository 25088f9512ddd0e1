import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { deleteAccount } from '../account/delete-account.ts';
import { exportAccountData } from '../account/data-export.ts';
import { db, table } from '../db/index.ts';
import {
	createGrantRound,
	createMemberInGoodStanding,
	emptyDatabase
} from '../testing/fixtures.ts';
import { saveAnswers, saveBankDetails, startApplication } from './applications.ts';
import { addEvidence } from './evidence.ts';
import { config } from '../config.ts';

const PDF = new TextEncoder().encode('%PDF-1.7\n%x\n');
const bank = { accountName: 'A Okafor', sortCode: '309950', accountNumber: '00733445' };

beforeEach(emptyDatabase);

describe('a member’s grant applications and their account', () => {
	it('are in the data download, with bank details masked', async () => {
		const round = await createGrantRound();
		const member = await createMemberInGoodStanding();
		const draft = await startApplication(member.id, round.id);
		await saveBankDetails(draft, bank, config.grantDataKey.key);
		await addEvidence(draft, { name: 'payslip.pdf', size: PDF.length, bytes: PDF });
		const data = await exportAccountData(member.id);
		expect(data?.grantApplications).toEqual([
			expect.objectContaining({
				reference: draft.reference,
				status: 'draft',
				bankDetails: { accountName: 'A Okafor', sortCode: '30-99-50', accountNumber: '****3445' },
				evidence: [expect.objectContaining({ filename: 'payslip.pdf' })]
			})
		]);
		expect(JSON.stringify(data)).not.toContain('00733445');
	});

	it('deleting the account withdraws an open application and erases its answers, evidence and bank details', async () => {
		const round = await createGrantRound();
		const member = await createMemberInGoodStanding();
		const draft = await startApplication(member.id, round.id);
		await saveAnswers(draft, { addressLine1: '1 High Street', postcode: 'B1 1AA' });
		const [withAnswers] = await db
			.select()
			.from(table.grantApplications)
			.where(eq(table.grantApplications.id, draft.id));
		await saveBankDetails(withAnswers, bank, config.grantDataKey.key);
		await addEvidence(draft, { name: 'payslip.pdf', size: PDF.length, bytes: PDF });

		expect(await deleteAccount(member.id)).toEqual({ ok: true });
		const [after] = await db
			.select()
			.from(table.grantApplications)
			.where(eq(table.grantApplications.id, draft.id));
		expect(after).toMatchObject({
			status: 'withdrawn',
			answers: {},
			householdKey: null,
			bankDetailsCiphertext: null
		});
		expect(after.erasedAt).not.toBeNull();
		expect(await db.select().from(table.grantEvidence)).toEqual([]);
		const history = await db.select().from(table.grantApplicationHistory);
		expect(history.map((h) => [h.toStatus, h.message])).toEqual([['withdrawn', 'Account deleted']]);
	});
});
