import { beforeEach, describe, expect, it } from 'vitest';
import { createEmailVerificationRequest } from '../auth/email-verification.ts';
import { db, table } from '../db/index.ts';
import { createMember, emptyDatabase } from '../testing/fixtures.ts';
import { accountOverview } from './overview.ts';

const now = new Date('2026-11-22T10:00:00Z');

beforeEach(async () => {
	await emptyDatabase();
	await db.delete(table.membersRegister);
	await db.insert(table.membersRegister).values({
		membershipNumber: 'B1',
		surname: 'Okafor',
		postcode: 'B15 2TT',
		joinedOn: '2026-11-08',
		subsPaidTo: '2026-12-31',
		importedAt: now
	});
});

describe('the account page overview', () => {
	it('tells someone who has not confirmed their membership what each kind of booking needs', async () => {
		const user = await createMember({ emailVerifiedAt: now });
		const { membership } = await accountOverview(user, now);
		expect(membership.headline).toBe('You have not confirmed your membership yet.');
		expect(membership.entitlements.map((e) => [e.label, e.allowed])).toEqual([
			['Celebrations and days of action', true],
			['Training courses', false],
			['Winter fuel grant help sessions', false],
			['Applying for the winter fuel grant', false]
		]);
		expect(membership.explanation).toBe(
			'Confirm it below with your membership number, surname and postcode.'
		);
		expect(membership.entitlements.map((e) => e.reason)).toEqual([
			null,
			'For members in good standing.',
			'For members in good standing.',
			'For members in good standing who joined at least 4 weeks ago.'
		]);
	});

	it('shows a new member in good standing who must wait a little for the grant', async () => {
		const user = await createMember({
			emailVerifiedAt: now,
			membershipNumber: 'B1',
			memberVerifiedAt: now
		});
		const { membership } = await accountOverview(user, now);
		expect(membership).toMatchObject({
			headline: 'You are a verified member in good standing.',
			membershipNumber: 'B1',
			joinedOn: '8 November 2026',
			subsPaidTo: '31 December 2026',
			goodStandingUntil: '28 January 2027'
		});
		expect(membership.explanation).toBeNull();
		expect(membership.entitlements.map((e) => e.allowed)).toEqual([true, true, true, false]);
		expect(membership.entitlements[3].reason).toBe(
			'You joined on 8 November 2026. You can apply once you have been a member for 4 weeks, from 6 December 2026.'
		);
	});

	it('says once why a member whose subs have lapsed is not in good standing', async () => {
		await db.update(table.membersRegister).set({ subsPaidTo: '2026-09-30' });
		const user = await createMember({
			emailVerifiedAt: now,
			membershipNumber: 'B1',
			memberVerifiedAt: now
		});
		const { membership } = await accountOverview(user, now);
		expect(membership.headline).toBe(
			'You are a verified member, but not in good standing at the moment.'
		);
		expect(membership.explanation).toBe(
			'The membership list shows your subs paid up to 30 September 2026, more than 4 weeks ago. Contact the branch office to bring them up to date.'
		);
		expect(membership.entitlements.map((e) => e.allowed)).toEqual([true, false, false, false]);
	});

	it('mentions an email change waiting for its code', async () => {
		const user = await createMember({ email: 'old@example.org', emailVerifiedAt: now });
		expect((await accountOverview(user, now)).pendingEmail).toBeNull();
		await createEmailVerificationRequest(user, 'new@example.org', now);
		expect((await accountOverview(user, now)).pendingEmail).toBe('new@example.org');
		const later = new Date(now.getTime() + 20 * 60_000);
		expect((await accountOverview(user, later)).pendingEmail).toBeNull();
	});
});
