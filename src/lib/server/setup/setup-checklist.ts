// The admin home's checklist: what a branch must set up before it runs the desk for members,
// each item read live from the database, the environment or the backup folder.
import { and, isNull, sql } from 'drizzle-orm';
import { config } from '../config.ts';
import { databaseFilePath } from '../db/client.ts';
import { findLatestBackup } from '../db/backup.ts';
import { db, table } from '../db/index.ts';
import { readMembershipListSummary } from '../members/membership-list.ts';
import { readBranchSettings } from '../settings/branch-settings.ts';
import { branchSettingLabels, missingBranchSettings } from '../settings/branch-settings-form.ts';
import { readLastTestEmail } from './test-email.ts';

async function countStaffWith(role: 'organiser' | 'welfare') {
	const u = table.users;
	const [row] = await db
		.select({ n: sql<number>`count(*)` })
		.from(u)
		.where(
			and(
				isNull(u.deletedAt),
				sql`exists (select 1 from json_each(${u.roles}) where value = ${role})`
			)
		);
	return Number(row.n);
}

/** A branch that backs up nightly has a copy younger than this. */
const BACKUP_FRESH_MS = 2 * 24 * 3_600_000;

function lastBackup(now: Date) {
	if (!databaseFilePath(config.databaseUrl)) return { kind: 'remote' as const, done: true };
	const at = findLatestBackup(config.backupDir)?.at ?? null;
	const done = at !== null && now.getTime() - at.getTime() < BACKUP_FRESH_MS;
	return { kind: 'file' as const, done, at, folder: config.backupDir };
}

export async function readSetupChecklist(now = new Date()) {
	const [settings, membershipList, organisers, welfareOfficers, testEmail] = await Promise.all([
		readBranchSettings(),
		readMembershipListSummary(),
		countStaffWith('organiser'),
		countStaffWith('welfare'),
		readLastTestEmail()
	]);
	const missing = missingBranchSettings(settings);
	return {
		branch: { done: missing.length === 0, missing: missing.map((k) => branchSettingLabels[k]) },
		email: {
			done: config.email.transport !== 'dev' && testEmail?.status === 'sent',
			transport: config.email.transport,
			from: config.email.fromAddress,
			testEmail
		},
		grantKey: { done: !config.grantDataKey.isDevelopmentKey },
		membershipList: {
			done: membershipList.size > 0,
			size: membershipList.size,
			importedAt: membershipList.lastImport?.at ?? null
		},
		staff: { done: organisers > 0 && welfareOfficers > 0, organisers, welfareOfficers },
		backup: lastBackup(now)
	};
}

export type SetupChecklist = Awaited<ReturnType<typeof readSetupChecklist>>;
