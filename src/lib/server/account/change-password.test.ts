import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { createSession } from '../auth/session.ts';
import { db, table } from '../db/index.ts';
import type { User } from '../db/schema/index.ts';
import { createMember, emptyDatabase } from '../testing/fixtures.ts';
import { changePassword } from './change-password.ts';

const now = new Date('2026-11-22T10:00:00Z');
const CURRENT = 'copper kettle winter lantern';
const NEW = 'harbour violin saffron meadow';
let currentHash: string;

beforeAll(async () => {
	currentHash = await hashPassword(CURRENT);
});

beforeEach(async () => {
	await emptyDatabase();
	await db.delete(table.rateLimits);
	await db.delete(table.auditLog);
	await db.delete(table.outbox);
});

async function signedIn() {
	const user = await createMember({ name: 'Amara Okafor', passwordHash: currentHash });
	const here = await createSession(user.id, { now });
	const elsewhere = await createSession(user.id, { now });
	return { user, session: here.session, elsewhere: elsewhere.session };
}

async function reload(user: User) {
	const [row] = await db.select().from(table.users).where(eq(table.users.id, user.id));
	return row;
}

describe('changing the password from the account page', () => {
	it('sets the new password, ends every other session and keeps this one', async () => {
		const { user, session, elsewhere } = await signedIn();
		const result = await changePassword(
			{ user, session },
			{ currentPassword: CURRENT, newPassword: NEW },
			now
		);
		expect(result).toEqual({ ok: true });
		const updated = await reload(user);
		expect(await verifyPassword(updated.passwordHash!, NEW)).toBe(true);
		expect(await verifyPassword(updated.passwordHash!, CURRENT)).toBe(false);
		const sessions = await db
			.select({ id: table.sessions.id })
			.from(table.sessions)
			.where(eq(table.sessions.userId, user.id));
		expect(sessions.map((s) => s.id)).toEqual([session.id]);
		expect(sessions.map((s) => s.id)).not.toContain(elsewhere.id);
		const audit = await db.select().from(table.auditLog);
		expect(audit.map((a) => a.action)).toEqual(['password-changed']);
		const [email] = await db
			.select()
			.from(table.outbox)
			.where(eq(table.outbox.recipient, user.email));
		expect(email).toMatchObject({ template: 'password-changed' });
		expect(email.textBody).toContain('The password for your account was changed on');
		expect(email.textBody).toContain('/forgot-password');
		expect(email.textBody).not.toContain(NEW);
	});

	it('needs the current password, and changes nothing when it is wrong', async () => {
		const { user, session } = await signedIn();
		expect(
			await changePassword({ user, session }, { currentPassword: '', newPassword: '' }, now)
		).toEqual({
			ok: false,
			status: 400,
			errors: {
				currentPassword: 'Enter your current password',
				newPassword: 'Enter a new password'
			}
		});
		expect(
			await changePassword(
				{ user, session },
				{ currentPassword: 'not it at all', newPassword: NEW },
				now
			)
		).toEqual({
			ok: false,
			status: 400,
			errors: { currentPassword: 'Your current password is not right' }
		});
		expect((await reload(user)).passwordHash).toBe(currentHash);
	});

	it('refuses a weak new password, or the same one again, saying why', async () => {
		const { user, session } = await signedIn();
		const weak = await changePassword(
			{ user, session },
			{ currentPassword: CURRENT, newPassword: 'password1' },
			now
		);
		expect(weak).toMatchObject({ ok: false, status: 400 });
		expect(!weak.ok && weak.errors.newPassword).toMatch(
			/^Choose a password that is harder to guess/
		);
		const same = await changePassword(
			{ user, session },
			{ currentPassword: CURRENT, newPassword: CURRENT },
			now
		);
		expect(!same.ok && same.errors.newPassword).toBe(
			'Choose a new password that is different from your current one'
		);
	});

	it('stops guessing the current password after 10 wrong tries in an hour', async () => {
		const { user, session } = await signedIn();
		for (let i = 0; i < 10; i++) {
			await changePassword(
				{ user, session },
				{ currentPassword: `wrong ${i}`, newPassword: NEW },
				now
			);
		}
		const blocked = await changePassword(
			{ user, session },
			{ currentPassword: CURRENT, newPassword: NEW },
			now
		);
		expect(blocked).toMatchObject({ ok: false, status: 429 });
		expect(!blocked.ok && blocked.errors.currentPassword).toMatch(/^Too many wrong passwords/);
	});
});
