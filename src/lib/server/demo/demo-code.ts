// The current two-factor code of a demo staff member, so someone trying the demo without an
// authenticator app can still sign in as staff. Real accounts are never answered.
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import * as table from '../db/schema/index.ts';
import { currentTotpCode, secondsUntilNextCode } from '../auth/totp.ts';

export type DemoCode =
	{ ok: true; code: string; secondsLeft: number } | { ok: false; error: string };

export async function demoStaffCode(
	db: Database,
	email: string,
	now = new Date()
): Promise<DemoCode> {
	const address = email.trim().toLowerCase();
	if (!address) return { ok: false, error: 'Give the email address of a demo staff member.' };
	const [user] = await db
		.select()
		.from(table.users)
		.where(and(eq(table.users.email, address), isNull(table.users.deletedAt)));
	if (!user) return { ok: false, error: `There is no account for ${address}.` };
	if (!user.isDemo) {
		return {
			ok: false,
			error: `${address} is a real account, not demo data: use its own authenticator app.`
		};
	}
	if (!user.totpSecret) {
		return { ok: false, error: `${address} has no two-factor key: only demo staff have one.` };
	}
	return {
		ok: true,
		code: currentTotpCode(user.totpSecret, now),
		secondsLeft: secondsUntilNextCode(now)
	};
}
