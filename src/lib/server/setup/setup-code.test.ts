import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { emptyDatabase, createMember } from '../testing/fixtures.ts';
import { verifyPassword } from '../auth/password.ts';
import { readDatabaseKind } from '../deployment/database-kind.ts';
import { issueSetupCode, setupCodeMatches } from './setup-code.ts';
import { createFirstAdmin, setupIsOpen } from './first-admin.ts';

const now = new Date('2026-11-22T10:00:00Z');
const admin = {
	name: 'Ruth Adeyemi',
	email: 'Ruth@Branch.example',
	password: 'copper kettle lantern 47'
};

beforeEach(async () => {
	await db.delete(table.auditLog);
	await db.delete(table.setupCodes);
	await db.delete(table.databaseKind);
	await emptyDatabase();
});

describe('the setup code', () => {
	it('is issued while no admin exists, stored only as a hash, and printed in groups', async () => {
		const code = await issueSetupCode(db, now);
		expect(code).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){4}$/);
		const rows = await db.select().from(table.setupCodes);
		expect(rows).toHaveLength(1);
		expect(JSON.stringify(rows)).not.toContain(code!.replaceAll('-', ''));
		expect(await setupCodeMatches(db, code!.toUpperCase().replaceAll('-', ' '))).toBe(true);
	});

	it('makes the first admin once, and is then used up', async () => {
		const code = (await issueSetupCode(db, now))!;
		const made = await createFirstAdmin({ ...admin, code }, now);
		expect(made.ok).toBe(true);
		if (!made.ok) return;
		expect(made.user).toMatchObject({ email: 'ruth@branch.example', roles: ['admin'] });
		expect(made.user.emailVerifiedAt).toEqual(now);
		expect(await verifyPassword(made.user.passwordHash!, admin.password)).toBe(true);
		expect(await setupCodeMatches(db, code)).toBe(false);
		expect(await setupIsOpen()).toBe(false);
		expect((await readDatabaseKind(db)).kind).toBe('real');

		const again = await createFirstAdmin({ ...admin, email: 'second@branch.example', code }, now);
		expect(again).toMatchObject({ ok: false, status: 404 });
		expect(await issueSetupCode(db, now)).toBeNull();
		const audit = await db.select().from(table.auditLog);
		expect(audit.map((a) => [a.action, a.subjectId])).toEqual([
			['first-admin-created', String(made.user.id)]
		]);
	});

	it('refuses a wrong code, and an old code once a new one is issued', async () => {
		const old = (await issueSetupCode(db, now))!;
		const fresh = (await issueSetupCode(db, now))!;
		for (const code of ['', 'abcd-efgh-ijkm-npqr-stuv', old]) {
			const refused = await createFirstAdmin({ ...admin, code }, now);
			expect(refused).toMatchObject({ ok: false, status: 400 });
			expect(refused.ok || refused.errors.code).toBeTruthy();
		}
		expect(await setupIsOpen()).toBe(true);
		expect((await createFirstAdmin({ ...admin, code: fresh }, now)).ok).toBe(true);
	});

	it('checks the account fields like sign-up, keeping the code unused', async () => {
		const code = (await issueSetupCode(db, now))!;
		const refused = await createFirstAdmin(
			{ code, name: '', email: 'nope', password: 'short' },
			now
		);
		expect(refused.ok).toBe(false);
		if (refused.ok) return;
		expect(Object.keys(refused.errors).sort()).toEqual(['email', 'name', 'password']);
		expect(await setupCodeMatches(db, code)).toBe(true);
	});

	it('is not issued where an admin already exists (a database made by create-admin)', async () => {
		await createMember({ roles: ['organiser', 'admin'] });
		expect(await issueSetupCode(db, now)).toBeNull();
	});
});
