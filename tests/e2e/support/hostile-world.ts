// The people and records that hostile form posts act as and on: members, staff, an event with
// bookings and a waiting list, grant applications in each state a form can reach. Everything
// is the spec's own, so random posts never touch the demo data other specs rely on, and the
// welfare officer decides applications in a closed round of its own, whose small budget no
// other spec spends.
import type { APIRequestContext } from '@playwright/test';
import { addSessionNextDay, createTestEvent } from './events.ts';
import { createMemberInGoodStanding, uniqueEmail } from './members.ts';
import { postForm } from './form-body.ts';
import { openE2eDatabase } from './server.ts';
import { sessionFor } from './sessions.ts';
import { createAccount } from './staff.ts';

const DAY = 24 * 3_600_000;

export const PERSONAS = [
	'anonymous',
	'member',
	'applicant',
	'organiser',
	'welfare',
	'admin',
	'staff-signing-in',
	'staff-enrolling',
	'throwaway-member'
] as const;
export type Persona = (typeof PERSONAS)[number];

type Person = { id: number; email: string; membershipNumber?: string | null };

export type World = Awaited<ReturnType<typeof buildWorld>>;

const referenceIn = (location: string) => /WFG-[A-Z0-9]+/.exec(location)?.[0] ?? '';

export async function buildWorld(request: APIRequestContext) {
	const member = await createMemberInGoodStanding('Hostile Member');
	const applicant = await createMemberInGoodStanding('Hostile Applicant');
	const assisted = await createMemberInGoodStanding('Hostile Assisted');
	const organiser = await createAccount({
		name: 'Hostile Organiser',
		roles: ['organiser'],
		twoFactor: true
	});
	const welfare = await createAccount({
		name: 'Hostile Welfare',
		roles: ['welfare'],
		twoFactor: true
	});
	const admin = await createAccount({ name: 'Hostile Admin', roles: ['admin'], twoFactor: true });
	const signingIn = await createAccount({
		name: 'Hostile Signing In',
		roles: ['organiser'],
		twoFactor: true
	});
	const enrolling = await createAccount({ name: 'Hostile Enrolling', roles: ['welfare'] });
	const bystander = await createAccount({ name: 'Hostile Bystander', label: 'bystander' });

	// Two places, a guest allowed a booking: the three bookings below fill it and start a
	// waiting list.
	const event = await createTestEvent({
		title: 'Hostile input social',
		capacity: 2,
		guestsAllowed: 1,
		category: 'celebration',
		organiserId: organiser.id
	});
	const doomed = await createTestEvent({
		title: 'Hostile input rally',
		capacity: null,
		category: 'day-of-action',
		organiserId: organiser.id
	});
	// A two-day course, so the certificate attendance rule has something to be set on.
	const course = await createTestEvent({
		title: 'Hostile input course',
		capacity: 10,
		category: 'course',
		organiserId: organiser.id
	});
	await addSessionNextDay(course.id);
	for (const name of ['Hostile Booker One', 'Hostile Booker Two', 'Hostile Booker Three']) {
		const booker = await createMemberInGoodStanding(name);
		await postForm(
			request,
			`/events/${event.slug}/book`,
			{ eventId: String(event.id) },
			await sessionFor(booker.email)
		);
	}

	// The member's own draft, and one a welfare officer started with another member.
	const started = await postForm(
		request,
		'/grants/winter-fuel?/start',
		{},
		await sessionFor(member.email)
	);
	if (!started.headers()['location']?.includes('/grants/winter-fuel/apply/')) {
		throw new Error(`The member could not start an application: ${started.status()}`);
	}
	const assist = await postForm(
		request,
		'/organiser/grants/assist?/start',
		{ member: assisted.membershipNumber! },
		await sessionFor(welfare.email)
	);
	const assistedReference = referenceIn(assist.headers()['location'] ?? '');
	if (!assistedReference) throw new Error(`No assisted application: ${assist.status()}`);

	const { round, application } = await submittedApplicationInOwnRound(applicant.id);
	const { client } = openE2eDatabase();
	const uids = await client.execute({
		sql: 'select uid from bookings where event_id = ? order by id',
		args: [event.id]
	});
	client.close();

	const people: Record<Exclude<Persona, 'anonymous' | 'throwaway-member'>, Person> = {
		member,
		applicant,
		organiser,
		welfare,
		admin,
		'staff-signing-in': signingIn,
		'staff-enrolling': enrolling
	};
	return {
		people,
		bystander,
		event,
		doomed,
		course,
		bookingUids: uids.rows.map((r) => String(r.uid)),
		round,
		application,
		assistedReference
	};
}

/**
 * A submitted application in a round that has closed, as the member's submission would have
 * left it: the answers, the history line and the time it was sent. Its budget is £300.
 */
async function submittedApplicationInOwnRound(userId: number) {
	const { client } = openE2eDatabase();
	const now = Date.now();
	const round = await client.execute({
		sql: `insert into grant_rounds (name, opens_at, closes_at, budget_pence, standard_award_pence,
			income_threshold_pence, savings_limit_pence, created_at)
			values ('Hostile input round', ?, ?, 30000, 10000, 200000, 150000, ?) returning id`,
		args: [now - 60 * DAY, now - DAY, now]
	});
	const roundId = Number(round.rows[0].id);
	const reference = `WFG-H${String(now).slice(-5)}`;
	const answers = {
		addressLine1: '1 Test Street',
		town: 'Birmingham',
		postcode: 'B15 2TT',
		adults: 1,
		children: 0,
		paysFuelBills: true,
		supplier: 'Octopus Energy',
		paymentType: 'prepayment',
		meansTestedBenefit: 'Universal Credit',
		savingsUnderLimit: true,
		previousAward: false,
		circumstances: 'Hours cut.',
		payoutMethod: 'supplier',
		supplierAccountReference: 'A-1',
		declaration: true
	};
	const inserted = await client.execute({
		sql: `insert into grant_applications (reference, round_id, user_id, status, answers, submitted_at, created_at, updated_at)
			values (?, ?, ?, 'submitted', ?, ?, ?, ?) returning id`,
		args: [reference, roundId, userId, JSON.stringify(answers), now, now, now]
	});
	const id = Number(inserted.rows[0].id);
	await client.execute({
		sql: `insert into grant_application_history (application_id, kind, from_status, to_status, actor_user_id, created_at)
			values (?, 'status', 'draft', 'submitted', ?, ?)`,
		args: [id, userId, now]
	});
	client.close();
	return { round: roundId, application: { id, reference } };
}

/** A fresh session for a persona; the throwaway member is a new account each time. */
export async function signInAs(world: World, persona: Persona) {
	if (persona === 'anonymous') return { token: null, person: null };
	if (persona === 'throwaway-member') {
		const person = await createThrowawayMember();
		return { token: await sessionFor(person.email), person };
	}
	const person = world.people[persona];
	const token = await sessionFor(person.email, { twoFactorDone: persona !== 'staff-signing-in' });
	return { token, person };
}

async function createThrowawayMember() {
	const { client } = openE2eDatabase();
	const email = uniqueEmail('throwaway');
	const row = await client.execute({
		sql: `insert into users (email, name, email_verified_at, roles, created_at) values (?, 'Hostile Throwaway', ?, '[]', ?) returning id`,
		args: [email, Date.now(), Date.now()]
	});
	client.close();
	return { id: Number(row.rows[0].id), email };
}

/**
 * Forgets the sign-in throttle and every counter these people's attempts ran up, so one
 * run's wrong passwords and codes never decide the next run's answer.
 */
export async function clearThrottles(world: World) {
	const people = [...Object.values(world.people), world.bystander];
	const { client } = openE2eDatabase();
	await client.execute({
		sql: `delete from rate_limits where key like 'login-ip:%' or key like 'code-check:request:%'
			or key like 'code-check-ip:%'
			or key in (select value from json_each(?))`,
		args: [
			JSON.stringify(
				people.flatMap((p) => [
					`email-send:${p.email}`,
					`login-account:${p.email}`,
					`login-wait:${p.email}`,
					...['code-check', 'account-password', 'membership-check'].map(
						(prefix) => `${prefix}:${p.id}`
					)
				])
			)
		]
	});
	client.close();
}
