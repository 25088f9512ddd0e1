import { describe, expect, it } from 'vitest';
import { readConfig } from '../config.ts';
import { developmentStandIns, missingRealBranchSettings } from './real-branch-settings.ts';

const KEY = Buffer.alloc(32, 7).toString('base64');

describe('what a real branch must set', () => {
	it('names the email transport and the grant key when neither is set, one line each', () => {
		const missing = missingRealBranchSettings(readConfig({}));
		expect(missing).toHaveLength(2);
		expect(missing[0]).toMatch(
			/^EMAIL_TRANSPORT is not set: set EMAIL_TRANSPORT=smtp with SMTP_URL/
		);
		expect(missing[1]).toMatch(/^GRANT_DATA_KEY is not set: 32 random bytes/);
	});

	it('asks for the sending address once a real transport is chosen', () => {
		const missing = missingRealBranchSettings(
			readConfig({
				EMAIL_TRANSPORT: 'smtp',
				SMTP_URL: 'smtp://mail.example.org',
				GRANT_DATA_KEY: KEY
			})
		);
		expect(missing).toEqual([
			'EMAIL_FROM is not set: the branch mailbox that sends every email and receives the replies'
		]);
	});

	it('is satisfied by real settings, or by the stand-ins allowed by name', () => {
		const real = {
			EMAIL_TRANSPORT: 'resend',
			RESEND_API_KEY: 're_x',
			EMAIL_FROM: 'office@branch.example.org',
			GRANT_DATA_KEY: KEY
		};
		expect(missingRealBranchSettings(readConfig(real))).toEqual([]);
		expect(developmentStandIns(readConfig(real), 'real')).toEqual([]);
		const allowed = readConfig({ ALLOW_DEV_MAIL: 'true', ALLOW_DEV_GRANT_KEY: 'true' });
		expect(missingRealBranchSettings(allowed)).toEqual([]);
		const warnings = developmentStandIns(allowed, 'real');
		expect(warnings[0]).toMatch(
			/^Email is not sent \(ALLOW_DEV_MAIL=true\).*for signed-in admins only/
		);
		expect(warnings[1]).toMatch(/published development key/);
	});
});
