// A member's standing is asked again at every question page, every save and at submit, for the
// member applying and for a welfare officer applying with them: subs that lapse (or a membership
// that stops being confirmed) after the draft was started stop it going further, with a message
// that says why, and what was typed comes back.
import { isActionFailure, isRedirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { NOT_SAVED, NOT_SENT } from '$lib/server/kit/grant-application-pages';
import { db, table } from '$lib/server/db';
import type { User } from '$lib/server/db/schema';
import { saveAnswers, startApplication } from '$lib/server/grants/applications';
import {
	completeGrantAnswers,
	createGrantRound,
	createMember,
	createMemberInGoodStanding,
	emptyDatabase
} from '$lib/server/testing/fixtures';
import { testViewer } from '$lib/server/testing/viewers';
import * as memberCheck from './(account)/grants/winter-fuel/apply/check/+page.server';
import * as memberStep from './(account)/grants/winter-fuel/apply/[step]/+page.server';
import * as assistedCheck from './(organiser)/organiser/grants/assist/[reference]/check/+page.server';
import * as assistedStep from './(organiser)/organiser/grants/assist/[reference]/[step]/+page.server';

type Handler = (event: never) => unknown;

const answers = completeGrantAnswers;

const household = {
	addressLine1: '14 Acacia Road',
	town: 'Birmingham',
	postcode: 'B15 2TT',
	adults: '2',
	children: '0'
};

function eventAs(
	user: Pick<User, 'id' | 'email' | 'name'>,
	roles: 'member' | 'welfare',
	path: string,
	params: Record<string, string>,
	fields: Record<string, string> = {}
) {
	const viewer = testViewer(roles === 'welfare' ? ['welfare'] : [], { id: user.id });
	Object.assign(viewer!.user, { email: user.email, name: user.name });
	const url = new URL(`http://localhost${path}`);
	const body = new FormData();
	for (const [name, value] of Object.entries(fields)) body.set(name, value);
	return {
		locals: { viewer },
		url,
		params,
		request: new Request(url, { method: 'POST', body }),
		cookies: { get: () => undefined, set() {}, delete() {} }
	} as never;
}

async function run(handler: Handler, event: never) {
	try {
		return await handler(event);
	} catch (thrown) {
		if (isRedirect(thrown)) return { redirect: thrown.location };
		throw thrown;
	}
}

async function statusOf(id: number) {
	const [row] = await db
		.select({ status: table.grantApplications.status })
		.from(table.grantApplications)
		.where(eq(table.grantApplications.id, id));
	return row.status;
}

let member: User;
let application: Awaited<ReturnType<typeof startApplication>>;

beforeEach(async () => {
	await emptyDatabase();
	const round = await createGrantRound();
	member = await createMemberInGoodStanding();
	application = await startApplication(member.id, round.id);
	await saveAnswers(application, answers);
});

const lapseSubs = () =>
	db
		.update(table.membersRegister)
		.set({ subsPaidTo: '2020-01-01' })
		.where(eq(table.membersRegister.membershipNumber, member.membershipNumber!));

/** The check-answers page shows `blocked` and its send button sends nothing. */
async function expectCheckPageRefuses(blocked: string) {
	const check = (await run(
		memberCheck.load as Handler,
		eventAs(member, 'member', '/grants/winter-fuel/apply/check', {})
	)) as { blocked: string | null };
	expect(check.blocked).toContain(blocked);
	const submitted = await run(
		memberCheck.actions.submit as Handler,
		eventAs(member, 'member', '/grants/winter-fuel/apply/check', {}, { declaration: 'yes' })
	);
	expect(submitted).toMatchObject({
		status: 403,
		data: { errors: { declaration: NOT_SENT } }
	});
	expect(await statusOf(application.id)).toBe('draft');
}

describe('a member whose subs lapse in the middle of a draft', () => {
	const stepPath = '/grants/winter-fuel/apply/household';
	const params = { step: 'household' };

	it('may carry on while their standing holds', async () => {
		const page = (await run(
			memberStep.load as Handler,
			eventAs(member, 'member', stepPath, params)
		)) as { blocked: string | null };
		expect(page.blocked).toBeNull();
		expect(
			await run(
				memberStep.actions.save as Handler,
				eventAs(member, 'member', stepPath, params, household)
			)
		).toEqual({ redirect: '/grants/winter-fuel/apply/fuel-bills' });
	});

	it('is told why on the question page, and cannot save a step, upload or submit', async () => {
		await lapseSubs();
		const page = (await run(
			memberStep.load as Handler,
			eventAs(member, 'member', stepPath, params)
		)) as { blocked: string | null };
		expect(page.blocked).toMatch(/^You cannot carry on with this application at the moment/);
		expect(page.blocked).toContain('subs paid up to 1 January 2020');

		const saved = await run(
			memberStep.actions.save as Handler,
			eventAs(member, 'member', stepPath, params, household)
		);
		expect(isActionFailure(saved)).toBe(true);
		expect(saved).toMatchObject({
			status: 403,
			data: {
				errors: { standing: NOT_SAVED },
				values: { addressLine1: '14 Acacia Road' }
			}
		});
		const upload = await run(
			memberStep.actions.upload as Handler,
			eventAs(member, 'member', '/grants/winter-fuel/apply/evidence', { step: 'evidence' })
		);
		expect(upload).toMatchObject({ status: 403, data: { errors: { standing: NOT_SAVED } } });

		await expectCheckPageRefuses(page.blocked!);
	});

	it('is stopped too when their membership is no longer confirmed', async () => {
		await db
			.update(table.users)
			.set({ memberVerifiedAt: null })
			.where(eq(table.users.id, member.id));
		await expectCheckPageRefuses('You have not confirmed your membership yet');
	});
});

describe('a welfare officer applying with a member whose subs lapse', () => {
	it('is told, naming the member, and cannot save a step or submit', async () => {
		const officer = await createMember({ roles: ['welfare'] });
		const reference = application.reference;
		await lapseSubs();
		const stepPath = `/organiser/grants/assist/${reference}/household`;
		const page = (await run(
			assistedStep.load as Handler,
			eventAs(officer, 'welfare', stepPath, { reference, step: 'household' })
		)) as { blocked: string | null };
		expect(page.blocked).toMatch(
			new RegExp(`^${member.name} cannot carry on with this application at the moment`)
		);
		const saved = await run(
			assistedStep.actions.save as Handler,
			eventAs(officer, 'welfare', stepPath, { reference, step: 'household' }, household)
		);
		expect(saved).toMatchObject({ status: 403, data: { errors: { standing: NOT_SAVED } } });
		const submitted = await run(
			assistedCheck.actions.submit as Handler,
			eventAs(
				officer,
				'welfare',
				`/organiser/grants/assist/${reference}/check`,
				{ reference },
				{ declaration: 'yes' }
			)
		);
		expect(submitted).toMatchObject({
			status: 403,
			data: { errors: { declaration: NOT_SENT } }
		});
		expect(await statusOf(application.id)).toBe('draft');
	});
});
