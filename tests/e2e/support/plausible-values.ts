// What a person might really type or pick in each field, by the field's name, so random
// submissions also get past the first check and reach the rules behind it. Ids and references
// point only at the hostile-input spec's own records (or at nothing), never at demo data.
import fc from 'fast-check';
import { ACCESS_NEEDS } from '../../../src/lib/server/bookings/answers.ts';
import {
	APPLICATION_STEPS,
	MEANS_TESTED_BENEFITS,
	PAYMENT_TYPES
} from '../../../src/lib/server/grants/application-steps.ts';
import { eventCategories } from '../../../src/lib/event-categories.ts';
import { MEMBER_PASSWORD, uniqueEmail } from './members.ts';
import { OPEN_REDIRECT_CORPUS, randomTargets } from './open-redirects.ts';
import type { World } from './hostile-world.ts';

const DAY = 24 * 3_600_000;
const isoDay = (offsetDays: number) =>
	new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

const sentence = fc.constantFrom(
	'Please bring a packed lunch.',
	'My hours were cut in October.',
	'Thanks for organising this.',
	'Ladywood Social Club',
	'Branch office'
);
const yesNo = fc.constantFrom('yes', 'no');
const smallNumber = fc.integer({ min: 0, max: 25 }).map(String);
const farId = fc.integer({ min: 10_000_000, max: 2_000_000_000 }).map(String);

export function plausibleValues(world: World) {
	const { member, bystander } = { member: world.people.member, bystander: world.bystander };
	const rules: [RegExp, fc.Arbitrary<string>][] = [
		[/^booking$/, fc.oneof(fc.constantFrom(...world.bookingUids), fc.uuid())],
		[/^eventId$/, fc.oneof(fc.constant(String(world.event.id)), farId)],
		[/^(userId|evidenceId)$/, fc.oneof(fc.constant(String(bystander.id)), farId)],
		[/^outboxId$/, farId],
		[
			/^member$/,
			fc.constantFrom(member.email, member.membershipNumber ?? '', 'nobody@example.org')
		],
		[/^organiserEmail$/, fc.constantFrom(bystander.email, 'nobody@example.org')],
		[
			/^(email|newEmail)$/,
			fc.oneof(
				fc.constant(member.email),
				fc.constant('').map(() => uniqueEmail('hostile'))
			)
		],
		[/[pP]assword$/, fc.constantFrom(MEMBER_PASSWORD, 'Correct-Horse-Staple-26', 'password')],
		[/^code$/, fc.stringMatching(/^\d{6}$|^\d{8}$/)],
		[/^recoveryCode$/, fc.stringMatching(/^[a-z0-9]{5}-[a-z0-9]{5}$/)],
		[/^token$/, fc.stringMatching(/^[a-z0-9]{32}$/)],
		[
			/^redirectTo$/,
			fc.oneof(fc.constant('/account'), fc.constantFrom(...OPEN_REDIRECT_CORPUS), randomTargets)
		],
		[/^audience$/, fc.constantFrom('confirmed', 'waiting', 'all')],
		[/^category$/, fc.constantFrom(...eventCategories)],
		[/^accessNeeds$/, fc.constantFrom(...Object.keys(ACCESS_NEEDS))],
		[/^roles$/, fc.constantFrom('organiser', 'welfare', 'admin')],
		[
			/^(paysFuelBills|savingsUnderLimit|previousAward|declaration|confirm|membersOnly|ask\w+)$/,
			yesNo
		],
		[
			/^(memberFourWeeks|subsPaid|lowIncome|benefit|lowSavings|recentAward|householdApplied)$/,
			yesNo
		],
		[/^payoutMethod$/, fc.constantFrom('bank', 'supplier')],
		[/^paymentType$/, fc.constantFrom(...Object.keys(PAYMENT_TYPES))],
		[/^meansTestedBenefit$/, fc.constantFrom('none', ...MEANS_TESTED_BENEFITS)],
		// Far enough ahead that an event published here never comes before the demo events
		// in the listings other specs read.
		[/^session-\d+-date$/, fc.integer({ min: 300, max: 400 }).map(isoDay)],
		[/(Date|^paidOn)$/, fc.integer({ min: -30, max: 400 }).map(isoDay)],
		[/(Time|start|end)$/, fc.constantFrom('09:00', '18:30', '20:30', '23:59', '7.15')],
		[/^(adults|children|guests|guestsAllowed|capacity|sessionRows)$/, smallNumber],
		[/^(award|monthlyIncome)$/, fc.constantFrom('100', '0.01', '£1,450.50', '250')],
		[/[pP]ostcode$/, fc.constantFrom('B15 2TT', 'b152tt', 'B2 5AL')],
		[/^surname$/, fc.constantFrom('Member', 'O’Brien')],
		[/^membershipNumber$/, fc.constantFrom(member.membershipNumber ?? '', 'B100201')],
		[/^sortCode$/, fc.constantFrom('30-99-50', '309950')],
		[/^accountNumber$/, fc.constantFrom('00733445', '1234')],
		[/^onlineUrl$/, fc.constantFrom('https://meet.example.org/branch', 'http://x')],
		[/^messageId$/, fc.uuid()],
		[/^reason$/, fc.constantFrom('Household savings are over the limit', 'The venue has closed.')],
		[/^(title|name|summary|subject|supplier|paymentReference|venueName|town)$/, sentence],
		[/^/, sentence]
	];
	return (field: string) => rules.find(([pattern]) => pattern.test(field))![1];
}

/** The choices for each dynamic part of a route, all of them the spec's own records. */
export function routeValues(world: World, pattern: string): Record<string, string[]> {
	// A round's own id for the round pages: an application's id there would be some other spec's round.
	const id = pattern.startsWith('/organiser/grants/rounds/')
		? world.round
		: pattern.startsWith('/organiser/grants/')
			? world.application.id
			: pattern.endsWith('/cancel')
				? world.doomed.id
				: world.event.id;
	return {
		slug: [world.event.slug],
		// The attendees page's forms also meet a two-day course, which has an attendance rule.
		id: pattern.endsWith('/attendees') ? [String(id), String(world.course.id)] : [String(id)],
		reference: [
			pattern.startsWith('/organiser/grants/assist/')
				? world.assistedReference
				: world.application.reference
		],
		step: APPLICATION_STEPS.map((s) => s.slug)
	};
}
