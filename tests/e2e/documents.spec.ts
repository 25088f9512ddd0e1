// The papers a course place comes with, printed as PDFs by Chromium: the release-time letter
// (branch address and signatory, dates with years, one A4 page), the certificate of attendance
// (only after the course and for full attendance) with its verification address, and the door
// register (a column per session, ten blank rows), all without the site's header and footer.
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { doorDevice, origin } from './support/door.ts';
import { finishedCourse } from './support/finished-course.ts';

const folder = join('test-results', 'documents');

async function printed(page: Page, name: string) {
	mkdirSync(folder, { recursive: true });
	const file = join(folder, `${name}.pdf`);
	writeFileSync(file, await page.pdf({ format: 'A4' }));
	const pages = Number(
		/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]
	);
	const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
	return { pages, text: text.replace(/\s+/g, ' ') };
}

test('the release letter, certificate and register print as finished one-page documents', async ({
	browser,
	request
}) => {
	const course = await finishedCourse();
	const member = await doorDevice(browser, course.sam.token);
	const page = await member.newPage();

	await page.goto(`/account/bookings/${course.sam.uid}/release-letter`);
	const letter = await printed(page, 'release-letter');
	expect(letter.pages).toBe(1);
	expect(letter.text).toContain(`Sam Newbie (membership number ${course.number})`);
	expect(letter.text).toMatch(/\d{1,2} \w+ 20\d\d, \d/);
	expect(letter.text).toContain('8 Cherry Street');
	expect(letter.text).toContain('Joan Whitfield');
	expect(letter.text).not.toContain('Skip to main content');
	expect(letter.text).not.toContain('Your account');

	await page.goto(`/account/bookings/${course.sam.uid}/certificate`);
	const certificate = await printed(page, 'certificate');
	expect(certificate.pages).toBe(1);
	expect(certificate.text).toContain('Sam Newbie');
	expect(certificate.text).toContain('Health and safety reps stage 1');
	expect(certificate.text).toContain('3 of 3 sessions');
	expect(certificate.text).toContain('Issued on');
	expect(certificate.text).toContain('Joan Whitfield');
	const verifyUrl = await page.locator('.certificate .url').innerText();
	expect(certificate.text.replace(/\s+/g, '')).toContain(verifyUrl);
	const verifyPath = new URL(verifyUrl).pathname;

	// The verification address tells an employer name, course and dates, and nothing more.
	const verify = await member.newPage();
	await verify.goto(verifyPath);
	await expect(verify.getByRole('heading', { level: 1 })).toHaveText('This certificate is genuine');
	const shown = await verify.locator('main').innerText();
	expect(shown).toContain('Sam Newbie');
	expect(shown).not.toContain(course.number);
	expect(shown).not.toContain('@');

	// Below the attendance rule there is no certificate.
	const partial = await request.get(`/account/bookings/${course.tom.uid}/certificate`, {
		headers: { cookie: `session=${course.tom.token}` }
	});
	expect(partial.status()).toBe(404);
	await member.close();

	const organiser = await doorDevice(browser, course.organiserToken);
	const desk = await organiser.newPage();
	await desk.goto(`${origin}/organiser/events/${course.eventId}/attendees/door-register`);
	const register = await printed(desk, 'door-register');
	expect(register.pages).toBe(1);
	// A column per session (its heading wraps in the narrow column), a tick per check-in.
	expect(register.text.match(/Session/g)).toHaveLength(3);
	expect(register.text.match(/✓/g)).toHaveLength(4);
	for (const name of ['Sam Newbie', 'Tom Partial']) expect(register.text).toContain(name);
	await expect(desk.locator('tr.blank')).toHaveCount(10);
	await organiser.close();
});
