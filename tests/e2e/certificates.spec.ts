// Certificates of attendance exist only once earned: after the course's last session has ended,
// for someone who met its attendance rule (every session, unless the organiser set "at least N
// of M" on the attendees page). Before that, or below the rule, every certificate address is a
// 404, and Your bookings says plainly when it will be ready or why there is none.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { expectAccessibleAtBothWidths } from './support/layout.ts';
import { doorDevice } from './support/door.ts';
import { finishedCourse } from './support/finished-course.ts';
import { openE2eDatabase } from './support/server.ts';

const DAY = 24 * 3_600_000;

type Course = Awaited<ReturnType<typeof finishedCourse>>;

/** The status of a member's, the organiser's and (given its code) the public certificate. */
async function certificateAnswers(
	request: APIRequestContext,
	course: Course,
	who: Course['sam'],
	verifyPath?: string
) {
	const get = async (path: string, token: string) =>
		(
			await request.get(path, { headers: { cookie: `session=${token}` }, maxRedirects: 0 })
		).status();
	return {
		member: await get(`/account/bookings/${who.uid}/certificate`, who.token),
		organiser: await get(
			`/organiser/events/${course.eventId}/attendees/${who.uid}/certificate`,
			course.organiserToken
		),
		...(verifyPath ? { public: (await request.get(verifyPath)).status() } : {})
	};
}

const ok = { member: 200, organiser: 200, public: 200 };
const none = { member: 404, organiser: 404, public: 404 };

test('a certificate exists only after the last session and at or above the rule the organiser sets', async ({
	browser,
	request
}) => {
	const course = await finishedCourse();

	// Sam attended all three days: Your bookings links the certificate.
	const samDevice = await doorDevice(browser, course.sam.token);
	const sam = await samDevice.newPage();
	await sam.goto('/account/bookings');
	await sam.getByRole('link', { name: 'Certificate of attendance for Health and safety' }).click();
	const samVerify = new URL(await sam.locator('.certificate .url').innerText()).pathname;
	expect(await certificateAnswers(request, course, course.sam, samVerify)).toEqual(ok);

	// Tom came only on the first day: no link, a plain reason, and no certificate anywhere.
	const tomDevice = await doorDevice(browser, course.tom.token);
	const tom = await tomDevice.newPage();
	await tom.goto('/account/bookings');
	await expect(tom.getByRole('link', { name: /Certificate of attendance/ })).toHaveCount(0);
	await expect(tom.getByText('No certificate of attendance')).toContainText(
		'it needs every session (all 3), and you were checked in at 1 session'
	);
	await expectAccessibleAtBothWidths(tom);
	expect(await certificateAnswers(request, course, course.tom)).toEqual({
		member: 404,
		organiser: 404
	});

	// The organiser sets the rule on the attendees page: a wrong number is explained, then 1 of 3.
	const deskDevice = await doorDevice(browser, course.organiserToken);
	const desk = await deskDevice.newPage();
	await desk.goto(`/organiser/events/${course.eventId}/attendees`);
	await expect(desk.getByText('No certificate: attended 1 of the 3 sessions needed')).toBeVisible();
	const rule = desk.getByLabel('Sessions a person must attend to get a certificate');
	await expect(rule).toHaveValue('3');
	await rule.fill('4');
	await desk.getByRole('button', { name: 'Save the attendance rule' }).click();
	const summary = desk.locator('.error-summary');
	await expect(summary).toBeFocused();
	await expect(summary.getByRole('link', { name: 'Enter a number between 1 and 3' })).toBeVisible();
	await expect(rule).toHaveValue('4');
	await expect(rule).toHaveAttribute('aria-invalid', 'true');
	await expectAccessibleAtBothWidths(desk);
	await rule.fill('1');
	await desk.getByRole('button', { name: 'Save the attendance rule' }).click();
	await expect(desk.locator('.confirmation')).toHaveText(
		'A certificate now needs at least 1 of the 3 sessions.'
	);
	await expect(desk.getByRole('link', { name: 'Certificate for Tom Partial' })).toBeVisible();

	await tom.goto('/account/bookings');
	await tom.getByRole('link', { name: 'Certificate of attendance for Health and safety' }).click();
	await expect(tom.locator('.certificate')).toContainText('1 of 3 sessions');
	const tomVerify = new URL(await tom.locator('.certificate .url').innerText()).pathname;
	expect(await certificateAnswers(request, course, course.tom, tomVerify)).toEqual(ok);

	// Back to every session: Tom's certificate, and its public address, are gone again.
	await rule.fill('3');
	await desk.getByRole('button', { name: 'Save the attendance rule' }).click();
	await expect(desk.locator('.confirmation')).toHaveText(
		'A certificate now needs every session (3 of 3).'
	);
	expect(await certificateAnswers(request, course, course.tom, tomVerify)).toEqual(none);

	// The audit log says it in words.
	const { client } = openE2eDatabase();
	try {
		const logged = await client.execute({
			sql: `select count(*) as n from audit_log where action = 'event.attendance-rule-set' and subject_id = ?`,
			args: [String(course.eventId)]
		});
		expect(Number(logged.rows[0].n)).toBe(2);

		// Were the last day still to come, even Sam's full attendance so far earns nothing yet.
		const lastEndsAt = Date.now() + DAY;
		await client.execute({
			sql: 'update event_sessions set starts_at = ?, ends_at = ? where id = ?',
			args: [lastEndsAt - 6 * 3_600_000, lastEndsAt, course.sessions[2]]
		});
		await client.execute({
			sql: 'update events set ends_at = ? where id = ?',
			args: [lastEndsAt, course.eventId]
		});
	} finally {
		client.close();
	}
	expect(await certificateAnswers(request, course, course.sam, samVerify)).toEqual(none);
	await sam.goto('/account/bookings');
	await expect(sam.getByRole('link', { name: /Certificate of attendance/ })).toHaveCount(0);
	await expect(sam.getByText(/will be ready after the last session ends/)).toContainText(
		'if you attend every session (all 3)'
	);
	await expectAccessibleAtBothWidths(sam);
	for (const device of [samDevice, tomDevice, deskDevice]) await device.close();
});
