import { decodeBase32 } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db/index.ts';
import { createMember, emptyDatabase } from '../testing/fixtures.ts';
import { demoStaffCode } from './demo-code.ts';
import { DEMO_TOTP_SECRET, demoStaff, seedDemoData } from './seed-demo.ts';

const now = new Date('2026-11-22T10:00:20Z');

beforeEach(emptyDatabase);

describe('the demo staff code', () => {
	it('is the code an app holding the demo key shows now, with the seconds it has left', async () => {
		await seedDemoData(db, { now });
		const step = BigInt(Math.floor(now.getTime() / 30_000));
		const expected = generateHOTP(decodeBase32(DEMO_TOTP_SECRET), step, 6);
		for (const staff of demoStaff) {
			expect(await demoStaffCode(db, staff.email.toUpperCase(), now)).toEqual({
				ok: true,
				code: expected,
				secondsLeft: 10
			});
		}
	});

	it('is refused for a demo member, a real account and an unknown address', async () => {
		await seedDemoData(db, { now });
		expect(await demoStaffCode(db, 'amara.okafor@branchdesk.example', now)).toMatchObject({
			ok: false,
			error: /no two-factor key/
		});
		await emptyDatabase();
		await createMember({ email: 'real@example.org', totpSecret: DEMO_TOTP_SECRET });
		expect(await demoStaffCode(db, 'real@example.org', now)).toMatchObject({
			ok: false,
			error: /real account/
		});
		expect(await demoStaffCode(db, 'nobody@example.org', now)).toMatchObject({
			ok: false,
			error: 'There is no account for nobody@example.org.'
		});
	});
});
