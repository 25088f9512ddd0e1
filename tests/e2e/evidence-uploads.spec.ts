// Evidence a member uploads with a grant application: a file that is not what it claims, too
// big for the grant or for the server, or empty gets a message beside the field and a 4xx,
// and nothing already given is lost; a file named like a path is kept under a name that is
// safe in the download's Content-Disposition header.
import { expect, test, type Page } from '@playwright/test';
import { postForm, postParts, type FormPart } from './support/form-body.ts';
import { answerUpToEvidence } from './support/grant-application.ts';
import { createMemberInGoodStanding } from './support/members.ts';
import { visibleText } from './support/page-text.ts';
import { openE2eDatabase, port } from './support/server.ts';
import { sessionFor } from './support/sessions.ts';

test.describe.configure({ timeout: 90_000 });

const PDF = Buffer.from('%PDF-1.7\n% a payslip\n%%EOF\n');
const MEGABYTE = 1024 * 1024;
const pdfOf = (size: number) => Buffer.concat([PDF, Buffer.alloc(size - PDF.length, 0x20)]);

const EVIDENCE = '/grants/winter-fuel/apply/evidence';
const pdfPart = (filename: string, bytes: Buffer): FormPart => ({
	name: 'evidence',
	value: { kind: 'file', filename, type: 'application/pdf', bytes }
});
const WRONG_FILES = [
	{
		what: 'a program renamed as a PDF',
		name: 'payslip.pdf',
		bytes: Buffer.from('MZ\x90\x00\x03\x00 a program'),
		status: 400,
		message: 'The file must be a PDF, JPEG or PNG'
	},
	{
		what: 'a 6 MB scan',
		name: 'scan.pdf',
		bytes: pdfOf(6 * MEGABYTE),
		status: 400,
		message: 'The file must be 5 MB or smaller'
	},
	{
		what: 'a file over the server’s body limit',
		name: 'huge.pdf',
		bytes: pdfOf(12 * MEGABYTE),
		status: 413,
		message: 'The file must be 5 MB or smaller'
	},
	{
		what: 'an empty file',
		name: 'empty.pdf',
		bytes: Buffer.alloc(0),
		status: 400,
		message: 'The file you chose is empty'
	},
	{
		what: 'the same file again under another name',
		name: 'payslip copy.pdf',
		bytes: PDF,
		status: 400,
		message: 'You have already uploaded this file, as payslip.pdf. Choose a different file.'
	}
];

async function memberAtEvidence() {
	const member = await createMemberInGoodStanding('Una Loader');
	const token = await sessionFor(member.email);
	return { member, token };
}

async function applicationOf(userId: number) {
	const { client } = openE2eDatabase();
	const row = await client.execute({
		sql: 'select id, reference from grant_applications where user_id = ?',
		args: [userId]
	});
	client.close();
	return { id: Number(row.rows[0].id), reference: String(row.rows[0].reference) };
}

async function upload(page: Page, name: string, buffer: Buffer) {
	await page
		.getByLabel('Upload a file')
		.setInputFiles({ name, mimeType: 'application/pdf', buffer });
	await page.getByRole('button', { name: 'Upload file' }).click();
}

test('each wrong file is refused beside the field, and the answers and files already given stay', async ({
	browser,
	request
}) => {
	const { member, token } = await memberAtEvidence();
	await answerUpToEvidence(request, token, { circumstances: 'My boiler broke in November.' });
	const context = await browser.newContext();
	await context.addCookies([{ name: 'session', value: token, url: `http://localhost:${port}` }]);
	const page = await context.newPage();
	await page.goto(EVIDENCE);
	await page.waitForLoadState('networkidle');
	await upload(page, 'payslip.pdf', PDF);
	await expect(page.getByRole('status')).toContainText('payslip.pdf has been uploaded');

	for (const file of WRONG_FILES) {
		// In the browser, with the page's scripts running.
		await upload(page, file.name, file.bytes);
		await expect(page.locator('#evidence-error'), file.what).toContainText(file.message);
		await expect(page.getByRole('alert'), file.what).toContainText(file.message);
		await expect(page.getByRole('link', { name: 'payslip.pdf', exact: true })).toBeVisible();

		// And as a plain form post, the way a browser without scripts sends it: on a connection
		// kept open, so the server reads the rest of a body it refused and the answer arrives.
		const response = await postParts(
			request,
			`${EVIDENCE}?/upload`,
			[pdfPart(file.name, file.bytes)],
			{ token, encoding: 'multipart', keepAlive: true }
		);
		expect(response.status(), file.what).toBe(file.status);
		const beside = /id="evidence-error"[^>]*>([\s\S]*?)<\/p>/.exec(await response.text());
		expect(visibleText(beside?.[1] ?? ''), file.what).toContain(file.message);
	}

	const { id } = await applicationOf(member.id);
	const { client } = openE2eDatabase();
	const stored = await client.execute({
		sql: 'select filename from grant_evidence where application_id = ?',
		args: [id]
	});
	client.close();
	expect(stored.rows.map((r) => r.filename)).toEqual(['payslip.pdf']);
	await page.goto('/grants/winter-fuel/apply/check');
	await expect(page.getByText('My boiler broke in November.')).toBeVisible();
	await expect(page.getByText('payslip.pdf')).toBeVisible();
});

test('files named like paths, or with line breaks, NUL or great length, download under a safe name', async ({
	request
}) => {
	const { member, token } = await memberAtEvidence();
	await answerUpToEvidence(request, token);
	const { reference } = await applicationOf(member.id);
	const names = [
		'../../etc/passwd.pdf',
		'..\\..\\windows\\win.ini.pdf',
		'a\u0000b.pdf',
		'line\r\nContent-Type: text/html.pdf',
		'"quoted"; filename=evil.exe.pdf',
		`${'long'.repeat(200)}.pdf`,
		'تقرير مالي.pdf'
	];
	for (const name of names) {
		const sent = await postParts(request, `${EVIDENCE}?/upload`, [pdfPart(name, PDF)], {
			token,
			encoding: 'multipart'
		});
		expect(sent.status(), name).toBe(200);

		const { client } = openE2eDatabase();
		const [row] = (
			await client.execute({
				sql: `select e.id, e.filename from grant_evidence e join grant_applications a on a.id = e.application_id
					where a.user_id = ? order by e.id desc limit 1`,
				args: [member.id]
			})
		).rows;
		client.close();
		const download = await request.get(`/account/grants/${reference}/evidence/${row.id}`, {
			headers: { cookie: `session=${token}` }
		});
		expect(download.status(), name).toBe(200);
		const disposition = download.headers()['content-disposition'];
		expect(disposition, name).toMatch(/^attachment; filename="[A-Za-z0-9 _-]{1,60}\.pdf"$/);
		expect(disposition, name).not.toMatch(/\.\.|[/\\\r\n\0]/);
		expect(Buffer.from(await download.body())).toEqual(PDF);

		// Three files at most: take it off again before the next.
		const removed = await postForm(
			request,
			`${EVIDENCE}?/remove`,
			{ evidenceId: String(row.id) },
			token
		);
		expect(removed.status(), name).toBe(200);
	}
});
