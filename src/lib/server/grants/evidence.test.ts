import { beforeEach, describe, expect, it } from 'vitest';
import {
	createGrantRound,
	createMemberInGoodStanding,
	emptyDatabase
} from '../testing/fixtures.ts';
import { startApplication } from './applications.ts';
import { addEvidence, listEvidence } from './evidence.ts';

const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.7\n%${text}\n`);
const file = (name: string, bytes: Uint8Array) => ({ name, size: bytes.length, bytes });

beforeEach(emptyDatabase);

describe('evidence files on an application', () => {
	it('refuse the same file twice, whatever it is called, naming the copy already there', async () => {
		const round = await createGrantRound();
		const member = await createMemberInGoodStanding();
		const application = await startApplication(member.id, round.id);
		const payslip = pdf('October payslip');
		expect(await addEvidence(application, file('payslip.pdf', payslip))).toMatchObject({
			ok: true
		});
		for (const name of ['payslip.pdf', 'payslip (1).pdf']) {
			expect(await addEvidence(application, file(name, payslip))).toEqual({
				ok: false,
				error: 'You have already uploaded this file, as payslip.pdf. Choose a different file.'
			});
		}
		// A file of the same name and size but other bytes is a different file.
		const other = pdf('November payslip').slice(0, payslip.length);
		other[other.length - 2] = 0x21;
		expect(await addEvidence(application, file('payslip.pdf', other))).toMatchObject({ ok: true });
		expect(await listEvidence(application.id)).toHaveLength(2);
	});

	it('allow the same file on another member’s application', async () => {
		const round = await createGrantRound();
		const payslip = pdf('shared letter');
		for (let i = 0; i < 2; i++) {
			const member = await createMemberInGoodStanding();
			const application = await startApplication(member.id, round.id);
			expect(await addEvidence(application, file('letter.pdf', payslip))).toMatchObject({
				ok: true
			});
		}
	});

	it('stop at three files', async () => {
		const round = await createGrantRound();
		const member = await createMemberInGoodStanding();
		const application = await startApplication(member.id, round.id);
		for (const n of [1, 2, 3]) {
			expect(await addEvidence(application, file(`page-${n}.pdf`, pdf(`page ${n}`)))).toMatchObject(
				{ ok: true }
			);
		}
		expect(await addEvidence(application, file('page-4.pdf', pdf('page 4')))).toEqual({
			ok: false,
			error: 'You can upload up to 3 files. Remove one before adding another.'
		});
	});
});
