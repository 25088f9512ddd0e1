import { asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { createMember, emptyDatabase } from '../testing/fixtures.ts';
import {
	findListedMember,
	importMembershipListFile,
	readMembershipListSummary,
	MEMBERSHIP_LIST_IMPORTED
} from './membership-list.ts';

const now = new Date('2026-11-22T10:00:00Z');
const later = new Date('2026-12-22T10:00:00Z');
const HEADER = 'Membership number,Surname,Postcode,Joined on,Subs paid to';
const csv = (...lines: string[]) => new TextEncoder().encode([HEADER, ...lines].join('\n'));

let admin: { id: number };

beforeEach(async () => {
	await emptyDatabase();
	await db.delete(table.membersRegister);
	await db.delete(table.auditLog);
	admin = await createMember({ name: 'Grace Mensah', roles: ['admin'] });
});

describe('importing the membership list', () => {
	it('adds every member of a good file and reports the counts', async () => {
		const outcome = await importMembershipListFile(
			csv('B1,Okafor,B15 2TT,2015-03-01,2026-12-31', 'B2,Hughes,B2 5AL,01/09/2020,30/11/2026'),
			admin.id,
			now
		);
		expect(outcome).toEqual({ ok: true, counts: { rows: 2, added: 2, updated: 0, unchanged: 0 } });
		expect(await findListedMember('B2')).toEqual({
			membershipNumber: 'B2',
			surname: 'Hughes',
			postcode: 'B2 5AL',
			joinedOn: '2020-09-01',
			subsPaidTo: '2026-11-30',
			importedAt: now
		});
	});

	it('updates known members by membership number, adds new ones and keeps those not in the file', async () => {
		await importMembershipListFile(
			csv('B1,Okafor,B15 2TT,2015-03-01,2026-10-31', 'B2,Hughes,B2 5AL,2020-09-01,2026-11-30'),
			admin.id,
			now
		);
		const outcome = await importMembershipListFile(
			csv('b1,Okafor,B15 2TT,2015-03-01,2027-01-31', 'B3,Begum,B9 4AA,2026-11-01,2026-12-31'),
			admin.id,
			later
		);
		expect(outcome).toEqual({ ok: true, counts: { rows: 2, added: 1, updated: 1, unchanged: 0 } });
		const rows = await db
			.select({
				number: table.membersRegister.membershipNumber,
				paidTo: table.membersRegister.subsPaidTo
			})
			.from(table.membersRegister)
			.orderBy(asc(table.membersRegister.membershipNumber));
		expect(rows).toEqual([
			{ number: 'B1', paidTo: '2027-01-31' },
			{ number: 'B2', paidTo: '2026-11-30' },
			{ number: 'B3', paidTo: '2026-12-31' }
		]);
	});

	it('imports nothing at all when any row is bad, and says which lines are wrong', async () => {
		await importMembershipListFile(csv('B1,Okafor,B15 2TT,2015-03-01,2026-10-31'), admin.id, now);
		const outcome = await importMembershipListFile(
			csv('B1,Okafor,B15 2TT,2015-03-01,2027-10-31', 'B2,Hughes,B2 5AL,31/02/2020,2026-11-30'),
			admin.id,
			later
		);
		expect(outcome).toEqual({
			ok: false,
			problems: ["Line 3: joined on '31/02/2020' is not a real date"]
		});
		expect((await findListedMember('B1'))?.subsPaidTo).toBe('2026-10-31');
		expect(await findListedMember('B2')).toBeNull();
	});

	it('imports 50,000 members in one write', async () => {
		const lines = Array.from(
			{ length: 50_000 },
			(_, i) => `B${300000 + i},Surname${i},B15 2TT,2015-03-01,2026-12-31`
		);
		const outcome = await importMembershipListFile(csv(...lines), admin.id, now);
		expect(outcome).toEqual({
			ok: true,
			counts: { rows: 50_000, added: 50_000, updated: 0, unchanged: 0 }
		});
		expect((await readMembershipListSummary()).size).toBe(50_000);
	}, 60_000);

	it('reports an unchanged list as unchanged, and changes nothing', async () => {
		const file = csv(
			'B1,Okafor,B15 2TT,2015-03-01,2026-12-31',
			'B2,Hughes,B2 5AL,2020-09-01,2026-11-30'
		);
		await importMembershipListFile(file, admin.id, now);
		expect(await importMembershipListFile(file, admin.id, later)).toEqual({
			ok: true,
			counts: { rows: 2, added: 0, updated: 0, unchanged: 2 }
		});
		expect((await findListedMember('B1'))?.importedAt).toEqual(now);
	});

	it('writes an audit entry with the admin and the counts, and no personal data', async () => {
		await importMembershipListFile(csv('B1,Okafor,B15 2TT,2015-03-01,2026-12-31'), admin.id, now);
		const entries = await db
			.select()
			.from(table.auditLog)
			.where(eq(table.auditLog.action, MEMBERSHIP_LIST_IMPORTED));
		expect(entries).toHaveLength(1);
		expect(entries[0]).toMatchObject({
			actorUserId: admin.id,
			detail: { rows: 1, added: 1, updated: 0, unchanged: 0 },
			createdAt: now
		});
		expect(JSON.stringify(entries[0])).not.toMatch(/Okafor|B15|B1\b/);
	});
});

describe('the membership list summary', () => {
	it('is empty before the first import', async () => {
		expect(await readMembershipListSummary()).toEqual({ size: 0, lastImport: null });
	});

	it('gives the size, and when and by whom the list was last imported, with its counts', async () => {
		await importMembershipListFile(csv('B1,Okafor,B15 2TT,2015-03-01,2026-12-31'), admin.id, now);
		await importMembershipListFile(
			csv('B1,Okafor,B15 2TT,2015-03-01,2026-12-31', 'B2,Hughes,B2 5AL,2020-09-01,2026-11-30'),
			admin.id,
			later
		);
		expect(await readMembershipListSummary()).toEqual({
			size: 2,
			lastImport: {
				at: later,
				by: 'Grace Mensah',
				counts: { rows: 2, added: 1, updated: 0, unchanged: 1 }
			}
		});
	});
});
