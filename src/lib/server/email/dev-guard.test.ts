import { beforeEach, describe, expect, it } from 'vitest';
import { createSession, validateSessionToken } from '../auth/session.ts';
import { db } from '../db/index.ts';
import { markDatabase } from '../deployment/database-kind.ts';
import { createMember, emptyDatabase } from '../testing/fixtures.ts';
import { devMailOpenTo } from './dev-guard.ts';

beforeEach(emptyDatabase);

async function viewerFor(fields: Parameters<typeof createMember>[0], twoFactorVerified: boolean) {
	const user = await createMember({ emailVerifiedAt: new Date(), ...fields });
	const { token } = await createSession(user.id, { twoFactorVerified });
	const validated = await validateSessionToken(token);
	return { user: validated!.user, session: validated!.session };
}

const enrolledAdmin = {
	roles: ['admin' as const],
	totpSecret: 'JBSWY3DPEHPK3PXP',
	totpEnrolledAt: new Date()
};

describe('the dev mailbox', () => {
	it('is open to anyone on the demo', async () => {
		await markDatabase(db, 'demo', 'the demo seed');
		expect(await devMailOpenTo(null)).toBe(true);
	});

	it('on a real branch, is shut to everyone but an admin who has passed two-factor', async () => {
		await markDatabase(db, 'real', 'create-admin');
		expect(await devMailOpenTo(null)).toBe(false);
		expect(await devMailOpenTo(await viewerFor({}, false))).toBe(false);
		expect(
			await devMailOpenTo(
				await viewerFor(
					{ roles: ['organiser'], totpSecret: 'JBSWY3DPEHPK3PXP', totpEnrolledAt: new Date() },
					true
				)
			)
		).toBe(false);
		expect(await devMailOpenTo(await viewerFor(enrolledAdmin, false))).toBe(false);
		expect(await devMailOpenTo(await viewerFor(enrolledAdmin, true))).toBe(true);
	});

	it('is shut on a database nothing has marked yet', async () => {
		expect(await devMailOpenTo(null)).toBe(false);
	});
});
