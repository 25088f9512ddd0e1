import { strFromU8, unzipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { saveAnswers, startApplication } from '../grants/applications.ts';
import { addEvidence } from '../grants/evidence.ts';
import {
	completeGrantAnswers,
	createBooking,
	createEvent,
	createGrantRound,
	createMemberInGoodStanding,
	emptyDatabase
} from '../testing/fixtures.ts';
import { exportAccountArchive } from './data-export.ts';

// Two summer dates: London is an hour ahead of UTC, so a UTC date would read an hour early.
const now = new Date('2026-07-14T09:30:00Z');
const PDF = new TextEncoder().encode('%PDF-1.7\n%evidence bytes\n');

beforeEach(async () => {
	await emptyDatabase();
	await db.delete(table.outbox);
});

describe('the data download', () => {
	it('is a zip holding a page to read, the JSON and the evidence files', async () => {
		const member = await createMemberInGoodStanding(now);
		const event = await createEvent({
			title: 'Health and safety reps: stage 1',
			startsAt: new Date('2026-08-20T17:30:00Z')
		});
		await createBooking(event, {
			userId: member.id,
			guests: 1,
			answers: {
				accessNeeds: ['step-free', 'hearing-loop'],
				dietary: 'Vegetarian',
				questions: [
					{
						questionId: 1,
						question: 'Which shift do you work?',
						answer: 'Nights',
						sensitive: false
					}
				]
			}
		});
		const round = await createGrantRound();
		const application = await startApplication(member.id, round.id);
		await saveAnswers(application, { ...completeGrantAnswers, monthlyIncomePence: 145000 });
		await addEvidence(application, { name: 'payslip.pdf', size: PDF.length, bytes: PDF }, now);

		const archive = await exportAccountArchive(member.id, now);
		expect(archive?.filename).toBe('my-branch-data-2026-07-14.zip');
		const files = unzipSync(archive!.bytes);
		const folder = 'my-branch-data-2026-07-14';
		const evidencePath = `${folder}/evidence/${application.reference}/1-payslip.pdf`;
		expect(
			Object.keys(files)
				.filter((name) => !name.endsWith('/'))
				.sort()
		).toEqual([evidencePath, `${folder}/your-data.html`, `${folder}/your-data.json`].sort());

		// The evidence file comes back byte for byte.
		expect(files[evidencePath]).toEqual(PDF);

		// The JSON is the data as before, codes and pence included, for another program.
		const json = JSON.parse(strFromU8(files[`${folder}/your-data.json`]));
		expect(json.bookings[0].answers.accessNeeds).toEqual(['step-free', 'hearing-loop']);
		expect(json.grantApplications[0].answers.monthlyIncomePence).toBe(145000);

		// The page is in words: London dates, pounds and pence, plain names, the questions asked.
		const page = strFromU8(files[`${folder}/your-data.html`]);
		expect(page).toContain('<html lang="en-GB">');
		expect(page).toContain('Thursday 20 August 2026 at 6:30pm');
		expect(page).toContain('Made on Tuesday 14 July 2026 at 10:30am');
		expect(page).toContain('£1,450.00 a month');
		expect(page).toContain('<dt>Access needs</dt><dd>Step-free access, Hearing loop</dd>');
		expect(page).not.toContain('step-free,');
		expect(page).toContain('<dt>Dietary needs</dt><dd>Vegetarian</dd>');
		expect(page).toContain('<dt>Which shift do you work?</dt><dd>Nights</dd>');
		expect(page).toContain('Booked: you have a place');
		expect(page).toContain(
			`<a href="evidence/${application.reference}/1-payslip.pdf">payslip.pdf</a>`
		);
		expect(page).not.toMatch(/monthlyIncomePence|T\d\d:\d\d:\d\d/);
	});

	it('escapes what members typed, so the page shows it as text', async () => {
		const member = await createMemberInGoodStanding(now);
		const event = await createEvent({ title: 'Quiz <night>' });
		await createBooking(event, {
			userId: member.id,
			answers: { dietary: '<script>alert(1)</script>' }
		});
		const archive = await exportAccountArchive(member.id, now);
		const files = unzipSync(archive!.bytes);
		const page = strFromU8(files['my-branch-data-2026-07-14/your-data.html']);
		expect(page).toContain('Quiz &lt;night&gt;');
		expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(page).not.toContain('<script>');
	});

	it('is not made for an account that does not exist', async () => {
		expect(await exportAccountArchive(999_999, now)).toBeNull();
	});
});
