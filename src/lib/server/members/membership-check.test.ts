import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { createMember, emptyDatabase } from '../testing/fixtures.ts';
import { checkMembership } from './membership-check.ts';

const now = new Date('2026-11-22T10:00:00Z');
const right = { membershipNumber: 'B100201', surname: 'Okafor', postcode: 'B15 2TT' };

beforeEach(async () => {
	await emptyDatabase();
	await db.delete(table.membersRegister);
	await db.delete(table.rateLimits);
	await db.delete(table.auditLog);
	await db.insert(table.membersRegister).values({
		...right,
		joinedOn: '2015-03-01',
		subsPaidTo: '2026-12-31',
		importedAt: now
	});
});

async function reload(id: number) {
	const [user] = await db.select().from(table.users).where(eq(table.users.id, id));
	return user;
}

describe('a member confirms their membership', () => {
	it('becomes a verified member when number, surname and postcode all match, however typed', async () => {
		const user = await createMember();
		const outcome = await checkMembership(
			user.id,
			{ membershipNumber: ' b100 201 ', surname: 'OKAFOR', postcode: 'b152tt' },
			now
		);
		expect(outcome).toEqual({ ok: true });
		expect(await reload(user.id)).toMatchObject({
			membershipNumber: 'B100201',
			memberVerifiedAt: now
		});
		const audit = await db.select().from(table.auditLog);
		expect(audit.map((a) => [a.action, a.actorUserId])).toEqual([['membership-verified', user.id]]);
	});

	it('asks for each missing detail', async () => {
		const user = await createMember();
		expect(
			await checkMembership(user.id, { membershipNumber: '', surname: ' ', postcode: '' }, now)
		).toEqual({
			ok: false,
			status: 400,
			errors: {
				membershipNumber: 'Enter your membership number',
				surname: 'Enter your surname',
				postcode: 'Enter your postcode'
			}
		});
	});

	it('refuses a wrong postcode without saying which detail was wrong', async () => {
		const user = await createMember();
		const outcome = await checkMembership(user.id, { ...right, postcode: 'B15 2TU' }, now);
		expect(outcome).toMatchObject({ ok: false, status: 400 });
		expect(!outcome.ok && outcome.errors.membershipNumber).toMatch(
			/^These details do not match the branch membership list/
		);
		const unknownNumber = await checkMembership(
			user.id,
			{ ...right, membershipNumber: 'B999' },
			now
		);
		expect(unknownNumber).toEqual(outcome);
		expect((await reload(user.id)).memberVerifiedAt).toBeNull();
	});

	it('links one account per membership number', async () => {
		const first = await createMember();
		const second = await createMember();
		expect(await checkMembership(first.id, right, now)).toEqual({ ok: true });
		const outcome = await checkMembership(second.id, right, now);
		expect(outcome).toMatchObject({ ok: false, status: 409 });
		expect(!outcome.ok && outcome.errors.membershipNumber).toMatch(
			/already linked to another account/
		);
		expect((await reload(second.id)).membershipNumber).toBeNull();
	});

	it('frees the number again when the account that held it is deleted', async () => {
		const first = await createMember();
		const second = await createMember();
		await checkMembership(first.id, right, now);
		await db
			.update(table.users)
			.set({ membershipNumber: null, deletedAt: now })
			.where(eq(table.users.id, first.id));
		expect(await checkMembership(second.id, right, now)).toEqual({ ok: true });
	});

	it('accepts a second check of the number the member already holds', async () => {
		const user = await createMember();
		await checkMembership(user.id, right, now);
		expect(await checkMembership(user.id, right, now)).toEqual({ ok: true });
	});

	it('stops checking after 10 wrong attempts in an hour, with a 429 and when to try again', async () => {
		const user = await createMember();
		for (let i = 0; i < 10; i++) {
			const attempt = await checkMembership(user.id, { ...right, surname: 'Wrong' }, now);
			expect(attempt).toMatchObject({ status: 400 });
		}
		const blocked = await checkMembership(user.id, right, now);
		expect(blocked).toMatchObject({ ok: false, status: 429 });
		expect(!blocked.ok && blocked.errors.membershipNumber).toMatch(
			/tried too many times\. Try again in 60 minutes/
		);
		expect((await reload(user.id)).memberVerifiedAt).toBeNull();
		const halfAnHourLater = await checkMembership(
			user.id,
			right,
			new Date(now.getTime() + 30 * 60_000)
		);
		expect(!halfAnHourLater.ok && halfAnHourLater.errors.membershipNumber).toMatch(
			/Try again in 30 minutes/
		);

		const nextHour = new Date(now.getTime() + 3_600_001);
		expect(await checkMembership(user.id, right, nextHour)).toEqual({ ok: true });
	});
});
