import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { createMember } from '../testing/fixtures.ts';
import {
	BRANCH_SETTING_CHANGED,
	branchSettingsNow,
	forgetBranchSettings,
	readBranchSettings,
	saveBranchSettings
} from './branch-settings.ts';

const now = new Date('2026-11-22T10:00:00Z');

beforeEach(async () => {
	await db.delete(table.branchSettings);
	await db.delete(table.auditLog);
	forgetBranchSettings();
});

describe('branch settings', () => {
	it('start from the environment: the branch name, and nothing else invented', async () => {
		const settings = await readBranchSettings();
		expect(settings.name).toBe('Branchdesk');
		expect(settings.address).toBe('');
		expect(settings.signatoryName).toBe('');
	});

	it('saves what an admin changes, and every change is in the audit log with old and new value', async () => {
		const admin = await createMember({ roles: ['admin'] });
		const changed = await saveBranchSettings(
			admin,
			{ name: 'Leeds Branch', address: '1 Park Row\nLeeds\nLS1 5AB', phone: '' },
			now
		);
		expect(changed).toEqual(['name', 'address']);
		expect((await readBranchSettings()).address).toBe('1 Park Row\nLeeds\nLS1 5AB');
		const audit = await db
			.select()
			.from(table.auditLog)
			.where(eq(table.auditLog.action, BRANCH_SETTING_CHANGED));
		expect(audit.map((a) => [a.actorUserId, a.subjectId, a.detail])).toEqual([
			[admin.id, 'name', { from: 'Branchdesk', to: 'Leeds Branch' }],
			[admin.id, 'address', { from: '', to: '1 Park Row\nLeeds\nLS1 5AB' }]
		]);
	});

	it('writes nothing and logs nothing when nothing changed', async () => {
		const admin = await createMember({ roles: ['admin'] });
		await saveBranchSettings(admin, { phone: '0113 496 0000' }, now);
		expect(await saveBranchSettings(admin, { phone: '0113 496 0000' }, now)).toEqual([]);
		expect(await db.select().from(table.auditLog)).toHaveLength(1);
	});

	it('shows a save at once to synchronous readers in this process, and survives a fresh read', async () => {
		await saveBranchSettings(null, { email: 'office@leeds.example' }, now);
		expect(branchSettingsNow().email).toBe('office@leeds.example');
		forgetBranchSettings();
		expect(branchSettingsNow().email).toBe('');
		expect((await readBranchSettings()).email).toBe('office@leeds.example');
	});
});
