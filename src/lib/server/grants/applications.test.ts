import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.ts';
import { db, table } from '../db/index.ts';
import {
	completeGrantAnswers,
	createGrantRound,
	createMemberInGoodStanding,
	emptyDatabase
} from '../testing/fixtures.ts';
import {
	findApplicationByReference,
	saveAnswers,
	saveBankDetails,
	startApplication,
	submitApplication,
	withdrawApplication
} from './applications.ts';
import { checkBankDetails, decryptBankDetails, maskBankDetails } from './bank-details.ts';
import { addEvidence, listEvidence, readEvidenceFile } from './evidence.ts';

const mailer = { origin: 'http://localhost:3000', branchName: 'Test Branch' };
const key = Buffer.alloc(32, 3);
const PDF = new TextEncoder().encode('%PDF-1.7\n%test\n');
/** A PDF of its own: the same bytes twice on one application are refused as a repeat. */
const pdfNumber = (n: number) => new TextEncoder().encode(`%PDF-1.7\n%test ${n}\n`);
const answers = completeGrantAnswers;

async function submittedApplicationFor(round: Awaited<ReturnType<typeof createGrantRound>>) {
	const member = await createMemberInGoodStanding();
	const draft = await startApplication(member.id, round.id);
	await saveAnswers(draft, answers);
	const [saved] = await db
		.select()
		.from(table.grantApplications)
		.where(eq(table.grantApplications.id, draft.id));
	expect(await submitApplication(saved, round, member, mailer)).toBe(true);
	return { member, application: saved };
}

beforeEach(emptyDatabase);

describe('a member applies for the winter fuel grant', () => {
	it('keeps one draft per member per round, however often they press Start', async () => {
		const round = await createGrantRound();
		const member = await createMemberInGoodStanding();
		const first = await startApplication(member.id, round.id);
		const again = await startApplication(member.id, round.id);
		expect(again.id).toBe(first.id);
		expect(first.reference).toMatch(/^WFG-[2-9A-HJ-NP-Z]{6}$/);
		expect(first.status).toBe('draft');
	});

	it('saves each step into the draft and works out the household key', async () => {
		const round = await createGrantRound();
		const member = await createMemberInGoodStanding();
		const draft = await startApplication(member.id, round.id);
		await saveAnswers(draft, { addressLine1: '12, Acacia Rd.', postcode: 'b15 2tt' });
		const saved = await findApplicationByReference(member.id, draft.reference);
		expect(saved?.answers.addressLine1).toBe('12, Acacia Rd.');
		expect(saved?.householdKey).toBe('B152TT|12 acacia road');
	});

	it('submits with the received email in the same batch, and flags a prepayment meter and a first application', async () => {
		const round = await createGrantRound();
		const { member, application } = await submittedApplicationFor(round);
		const after = await findApplicationByReference(member.id, application.reference);
		expect(after?.status).toBe('submitted');
		expect(after?.flags).toEqual({
			duplicateHousehold: false,
			coolDown: false,
			prepayment: true,
			firstTime: true
		});
		const mail = await db
			.select()
			.from(table.outbox)
			.where(eq(table.outbox.recipient, member.email));
		expect(mail).toHaveLength(1);
		expect(mail[0].subject).toContain(application.reference);
		const history = await db.select().from(table.grantApplicationHistory);
		expect(history.map((h) => h.toStatus)).toEqual(['submitted']);
	});

	it('flags a member awarded a grant within the round’s cool-down, 6 months unless set', async () => {
		const day = 86_400_000;
		const now = Date.now();
		const lastWinter = await createGrantRound({
			opensAt: new Date(now - 400 * day),
			closesAt: new Date(now - 300 * day)
		});
		const round = await createGrantRound();
		expect(round.coolDownMonths).toBe(6);
		const awarded = async (daysAgo: number) => {
			const member = await createMemberInGoodStanding();
			const earlier = await startApplication(member.id, lastWinter.id);
			await db
				.update(table.grantApplications)
				.set({ status: 'paid', awardPence: 10_000, decidedAt: new Date(now - daysAgo * day) })
				.where(eq(table.grantApplications.id, earlier.id));
			const draft = await startApplication(member.id, round.id);
			await saveAnswers(draft, { ...answers, addressLine1: `${member.id} Mill Lane` });
			const saved = (await findApplicationByReference(member.id, draft.reference))!;
			expect(await submitApplication(saved, round, member, mailer)).toBe(true);
			return (await findApplicationByReference(member.id, draft.reference))!.flags;
		};
		expect(await awarded(120)).toMatchObject({ coolDown: true, firstTime: false });
		expect(await awarded(200)).toMatchObject({ coolDown: false, firstTime: false });
	});

	it('flags a second application from the same household', async () => {
		const round = await createGrantRound();
		await submittedApplicationFor(round);
		const { member, application } = await submittedApplicationFor(round);
		const after = await findApplicationByReference(member.id, application.reference);
		expect(after?.flags.duplicateHousehold).toBe(true);
	});

	it('does not submit twice, nor let another member see the application', async () => {
		const round = await createGrantRound();
		const { member, application } = await submittedApplicationFor(round);
		const current = (await findApplicationByReference(member.id, application.reference))!;
		expect(await submitApplication(current, round, member, mailer)).toBe(false);
		const other = await createMemberInGoodStanding();
		expect(await findApplicationByReference(other.id, application.reference)).toBeNull();
	});

	it('lets the member withdraw an open application, once', async () => {
		const round = await createGrantRound();
		const { member, application } = await submittedApplicationFor(round);
		const current = (await findApplicationByReference(member.id, application.reference))!;
		expect(await withdrawApplication(current, member.id)).toBe(true);
		expect(await withdrawApplication(current, member.id)).toBe(false);
	});
});

describe('bank details', () => {
	it('are format-checked, tidied and padded', () => {
		expect(
			checkBankDetails({
				accountName: ' A  Okafor ',
				sortCode: '30-99-50',
				accountNumber: '733445'
			})
		).toEqual({
			ok: true,
			details: { accountName: 'A Okafor', sortCode: '309950', accountNumber: '00733445' }
		});
		const bad = checkBankDetails({ accountName: '', sortCode: '3099', accountNumber: 'abc' });
		expect(bad.ok).toBe(false);
		if (!bad.ok)
			expect(Object.keys(bad.errors)).toEqual(['accountName', 'sortCode', 'accountNumber']);
	});

	it('are stored encrypted, readable only with the key, and shown masked', async () => {
		const round = await createGrantRound();
		const member = await createMemberInGoodStanding();
		const draft = await startApplication(member.id, round.id);
		const details = { accountName: 'A Okafor', sortCode: '309950', accountNumber: '00733445' };
		await saveBankDetails(draft, details, key);
		const [row] = await db
			.select()
			.from(table.grantApplications)
			.where(eq(table.grantApplications.id, draft.id));
		expect(row.bankDetailsCiphertext).toMatch(/^v1\./);
		expect(row.bankDetailsCiphertext).not.toContain('00733445');
		expect(decryptBankDetails(row.bankDetailsCiphertext!, key)).toEqual(details);
		expect(() => decryptBankDetails(row.bankDetailsCiphertext!, Buffer.alloc(32, 4))).toThrow();
		expect(maskBankDetails(details)).toEqual({
			accountName: 'A Okafor',
			sortCode: '30-99-50',
			accountNumber: '****3445'
		});
	});
});

describe('evidence', () => {
	it('takes a PDF by its first bytes and gives it only to its owner or a welfare officer', async () => {
		const round = await createGrantRound();
		const member = await createMemberInGoodStanding();
		const draft = await startApplication(member.id, round.id);
		const added = await addEvidence(draft, { name: 'payslip.pdf', size: PDF.length, bytes: PDF });
		expect(added.ok).toBe(true);
		if (!added.ok) return;
		expect(await listEvidence(draft.id)).toMatchObject([
			{ filename: 'payslip.pdf', contentType: 'application/pdf' }
		]);
		expect(await readEvidenceFile(added.id, { userId: member.id })).not.toBeNull();
		expect(await readEvidenceFile(added.id, 'welfare')).not.toBeNull();
		const other = await createMemberInGoodStanding();
		expect(await readEvidenceFile(added.id, { userId: other.id })).toBeNull();
	});

	it('refuses a renamed program, a file over 5 MB and a fourth file, each with a clear message', async () => {
		const round = await createGrantRound();
		const member = await createMemberInGoodStanding();
		const draft = await startApplication(member.id, round.id);
		const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);
		expect(await addEvidence(draft, { name: 'payslip.pdf', size: exe.length, bytes: exe })).toEqual(
			{
				ok: false,
				error: expect.stringMatching(/must be a PDF, JPEG or PNG/)
			}
		);
		expect(
			await addEvidence(draft, { name: 'big.pdf', size: 6 * 1024 * 1024, bytes: PDF })
		).toEqual({
			ok: false,
			error: expect.stringMatching(/5 MB or smaller/)
		});
		for (let i = 0; i < 3; i++)
			await addEvidence(draft, { name: `f${i}.pdf`, size: PDF.length, bytes: pdfNumber(i) });
		expect(await addEvidence(draft, { name: 'four.pdf', size: PDF.length, bytes: PDF })).toEqual({
			ok: false,
			error: expect.stringMatching(/up to 3 files/)
		});
	});

	it('keeps to 3 files when the last two uploads arrive at the same moment from two processes', async () => {
		const round = await createGrantRound();
		const member = await createMemberInGoodStanding();
		const draft = await startApplication(member.id, round.id);
		for (let i = 0; i < 2; i++)
			await addEvidence(draft, { name: `f${i}.pdf`, size: PDF.length, bytes: pdfNumber(i) });
		const other = openDatabase({ url: process.env.DATABASE_URL!, busyTimeoutMs: 10_000 });
		const file = (n: number) => ({ name: 'last.pdf', size: PDF.length, bytes: pdfNumber(n) });
		const results = await Promise.all([
			addEvidence(draft, file(3)),
			addEvidence(draft, file(4), new Date(), other.db)
		]);
		other.client.close();
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.find((r) => !r.ok)).toEqual({
			ok: false,
			error: expect.stringMatching(/up to 3 files/)
		});
		expect(await listEvidence(draft.id)).toHaveLength(3);
	});
});
