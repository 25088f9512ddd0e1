import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { createMember, emptyDatabase } from '../testing/fixtures.ts';
import { signInWithPassword } from './password-sign-in.ts';
import { passwordProblem } from './password.ts';
import { createOrPromoteAdmin, listAccounts, setUserRoles } from './roles.ts';
import { createSession } from './session.ts';

async function readUser(id: number) {
	const [user] = await db.select().from(table.users).where(eq(table.users.id, id));
	return user;
}

async function sessionsOf(userId: number) {
	return db.select().from(table.sessions).where(eq(table.sessions.userId, userId));
}

async function auditFor(userId: number) {
	const rows = await db
		.select()
		.from(table.auditLog)
		.where(eq(table.auditLog.subjectId, String(userId)));
	return rows.map((row) => ({ action: row.action, actor: row.actorUserId, detail: row.detail }));
}

beforeEach(async () => {
	await db.delete(table.auditLog);
	await db.delete(table.rateLimits);
	await emptyDatabase();
});

describe('the admin’s list of accounts', () => {
	it('puts staff first, then everyone by name, with two-factor and membership shown', async () => {
		await createMember({ name: 'Zoe Patel', memberVerifiedAt: new Date() });
		await createMember({ name: 'amara Okafor' });
		await createMember({
			name: 'Tom Gallagher',
			roles: ['welfare', 'organiser'],
			totpSecret: 'A'.repeat(32),
			totpEnrolledAt: new Date()
		});
		const { accounts, total } = await listAccounts();
		expect(total).toBe(3);
		expect(accounts.map((a) => [a.name, a.roles, a.twoFactorOn, a.memberVerified])).toEqual([
			['Tom Gallagher', ['organiser', 'welfare'], true, false],
			['amara Okafor', [], false, false],
			['Zoe Patel', [], false, true]
		]);
	});

	it('finds people by part of their name, email or membership number, in any case', async () => {
		await createMember({ name: 'Shazia Begum', email: 'shazia@example.org' });
		await createMember({
			name: 'Kevin Doyle',
			email: 'kd@example.org',
			membershipNumber: 'B100204'
		});
		await createMember({ name: 'Leanne Price', email: 'leanne@example.org', roles: ['organiser'] });
		const names = async (search: string, staffOnly = false) =>
			(await listAccounts({ search, staffOnly })).accounts.map((a) => a.name);
		expect(await names('BEGUM')).toEqual(['Shazia Begum']);
		expect(await names('kd@')).toEqual(['Kevin Doyle']);
		expect(await names('b100204')).toEqual(['Kevin Doyle']);
		expect(await names('%')).toEqual([]);
		expect(await names('', true)).toEqual(['Leanne Price']);
	});

	it('shows a page at a time and says how many match', async () => {
		for (let i = 0; i < 5; i++) await createMember();
		const page = await listAccounts({ limit: 2 });
		expect(page.accounts).toHaveLength(2);
		expect(page.total).toBe(5);
	});
});

describe('an admin setting someone’s roles', () => {
	it('gives no staff role to an account whose email is not confirmed', async () => {
		const admin = await createMember({ roles: ['admin'] });
		const member = await createMember({ name: 'Una Confirmed' });
		expect(
			await setUserRoles({ actorUserId: admin.id, userId: member.id, roles: ['organiser'] })
		).toEqual({
			ok: false,
			status: 400,
			error:
				'Una Confirmed has not confirmed their email address yet. Staff roles need a confirmed address: ask them to confirm it first.'
		});
		expect((await readUser(member.id)).roles).toEqual([]);
	});

	it('gives any combination of roles, records each change and ends their sessions', async () => {
		const admin = await createMember({ roles: ['admin'] });
		const member = await createMember({ roles: ['welfare'], emailVerifiedAt: new Date() });
		await createSession(member.id);

		const result = await setUserRoles({
			actorUserId: admin.id,
			userId: member.id,
			roles: ['admin', 'organiser']
		});
		expect(result).toEqual({
			ok: true,
			name: member.name,
			roles: ['organiser', 'admin'],
			changed: true
		});
		expect((await readUser(member.id)).roles).toEqual(['organiser', 'admin']);
		expect(await sessionsOf(member.id)).toEqual([]);
		expect(await auditFor(member.id)).toEqual(
			expect.arrayContaining([
				{ action: 'role-granted', actor: admin.id, detail: { role: 'organiser' } },
				{ action: 'role-granted', actor: admin.id, detail: { role: 'admin' } },
				{ action: 'role-revoked', actor: admin.id, detail: { role: 'welfare' } }
			])
		);
	});

	it('leaves sessions alone when nothing changes', async () => {
		const admin = await createMember({ roles: ['admin'] });
		const member = await createMember({ roles: ['organiser'], emailVerifiedAt: new Date() });
		await createSession(member.id);
		const result = await setUserRoles({
			actorUserId: admin.id,
			userId: member.id,
			roles: ['organiser']
		});
		expect(result).toMatchObject({ ok: true, changed: false });
		expect(await sessionsOf(member.id)).toHaveLength(1);
		expect(await auditFor(member.id)).toEqual([]);
	});

	it('takes every role away, making a staff member an ordinary member again', async () => {
		const admin = await createMember({ roles: ['admin'] });
		const member = await createMember({ roles: ['organiser', 'welfare'] });
		expect(
			await setUserRoles({ actorUserId: admin.id, userId: member.id, roles: [] })
		).toMatchObject({ ok: true, roles: [] });
		expect((await readUser(member.id)).roles).toEqual([]);
	});

	it('will not let an admin remove their own admin role', async () => {
		const admin = await createMember({ roles: ['admin', 'organiser'] });
		await createSession(admin.id);
		const result = await setUserRoles({
			actorUserId: admin.id,
			userId: admin.id,
			roles: ['organiser']
		});
		expect(result).toEqual({
			ok: false,
			status: 400,
			error:
				'You cannot remove your own admin role. Ask another admin to do it, so the branch always has one.'
		});
		expect((await readUser(admin.id)).roles).toEqual(['admin', 'organiser']);
		expect(await sessionsOf(admin.id)).toHaveLength(1);
	});

	it('refuses made-up roles and unknown people', async () => {
		const admin = await createMember({ roles: ['admin'] });
		const member = await createMember();
		expect(
			await setUserRoles({ actorUserId: admin.id, userId: member.id, roles: ['superuser'] })
		).toMatchObject({ ok: false, status: 400 });
		expect(await setUserRoles({ actorUserId: admin.id, userId: 999_999, roles: [] })).toMatchObject(
			{
				ok: false,
				status: 404
			}
		);
		expect((await readUser(member.id)).roles).toEqual([]);
	});
});

describe('making the first admin from the shell', () => {
	it('creates a verified account with a strong random password that signs in', async () => {
		const result = await createOrPromoteAdmin({
			email: ' Jane.Doe@Example.org ',
			name: 'Jane Doe'
		});
		expect(result).toMatchObject({ ok: true, outcome: 'created' });
		if (!result.ok || result.outcome !== 'created') return;
		expect(result.password).toMatch(/^([a-z2-9]{4}-){4}[a-z2-9]{4}$/);
		expect(passwordProblem(result.password)).toBeNull();
		const user = await readUser(result.user.id);
		expect(user).toMatchObject({
			email: 'jane.doe@example.org',
			name: 'Jane Doe',
			roles: ['admin']
		});
		expect(user.emailVerifiedAt).toBeInstanceOf(Date);
		expect(user.totpSecret).toBeNull();
		const signIn = await signInWithPassword({
			email: 'jane.doe@example.org',
			password: result.password,
			ip: '203.0.113.9'
		});
		expect(signIn.ok).toBe(true);
		expect(await auditFor(user.id)).toContainEqual({
			action: 'admin-created',
			actor: null,
			detail: { by: 'shell' }
		});
	});

	it('names a new account from its address when no name is given', async () => {
		const result = await createOrPromoteAdmin({ email: 'sam.o-neill@example.org' });
		expect(result).toMatchObject({ ok: true, user: { name: 'Sam O Neill' } });
	});

	it('gives an existing account the admin role, keeping its others, and ends its sessions', async () => {
		const member = await createMember({ email: 'tom@example.org', roles: ['organiser'] });
		await createSession(member.id);
		const result = await createOrPromoteAdmin({ email: 'tom@example.org' });
		expect(result).toMatchObject({ ok: true, outcome: 'promoted' });
		expect((await readUser(member.id)).roles).toEqual(['organiser', 'admin']);
		expect(await sessionsOf(member.id)).toEqual([]);
		expect(await auditFor(member.id)).toEqual([
			{ action: 'role-granted', actor: null, detail: { role: 'admin', by: 'shell' } }
		]);
		expect(await createOrPromoteAdmin({ email: 'tom@example.org' })).toMatchObject({
			ok: true,
			outcome: 'already-admin'
		});
	});

	it('refuses an address that is not an email address', async () => {
		expect(await createOrPromoteAdmin({ email: 'not an email' })).toEqual({
			ok: false,
			error: 'Enter an email address in the correct format, like name@example.com'
		});
	});
});
