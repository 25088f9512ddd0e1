// "Download my data": everything held about an account. The download is a zip holding a page to
// read (data-page.ts), the same data as JSON for another program, and the evidence files the
// member uploaded. Secrets are left out: password hash, two-factor secret, calendar feed token,
// session and code hashes.
import { eq } from 'drizzle-orm';
import { config } from '../config.ts';
import { db, table } from '../db/index.ts';
import { exportEvidenceFiles, exportGrantApplications } from '../grants/account-data.ts';
import { londonDate } from '../../plain-date.ts';
import { readAccountRecords } from './account-records.ts';
import { buildDataZip } from './data-zip.ts';

/** Emails whose subject carries a one-time code. */
const SUBJECT_HOLDS_A_CODE = new Set(['verification-code']);

export async function exportAccountData(userId: number, now = new Date()) {
	const [user] = await db.select().from(table.users).where(eq(table.users.id, userId));
	if (!user) return null;
	const records = await readAccountRecords(user);
	const entry = records.membershipList;
	return {
		about: `Everything ${config.branchName} holds about your account on its events and grants website.`,
		exportedAt: now,
		account: {
			name: user.name,
			email: user.email,
			emailVerifiedAt: user.emailVerifiedAt,
			membershipNumber: user.membershipNumber,
			memberVerifiedAt: user.memberVerifiedAt,
			staffRoles: user.roles,
			twoFactorEnrolledAt: user.totpEnrolledAt,
			calendarFeedSet: user.calendarFeedToken !== null,
			createdAt: user.createdAt
		},
		membershipList: entry && {
			membershipNumber: entry.membershipNumber,
			surname: entry.surname,
			postcode: entry.postcode,
			joinedOn: entry.joinedOn,
			subsPaidTo: entry.subsPaidTo,
			importedAt: entry.importedAt
		},
		sessions: records.sessions,
		bookings: records.bookings,
		grantApplications: await exportGrantApplications(userId, config.grantDataKey.key),
		emails: records.emails.map((email) => ({
			...email,
			subject: SUBJECT_HOLDS_A_CODE.has(email.template)
				? 'Your verification code (the code itself is left out)'
				: email.subject
		})),
		activity: records.activity.map(({ actorUserId, ...entry }) => ({
			...entry,
			by:
				actorUserId === userId ? 'you' : actorUserId === null ? 'nobody signed in' : 'branch staff'
		}))
	};
}

export type AccountData = NonNullable<Awaited<ReturnType<typeof exportAccountData>>>;

/** The zip to download, and the name to save it under; null when the account has gone. */
export async function exportAccountArchive(userId: number, now = new Date()) {
	const data = await exportAccountData(userId, now);
	if (!data) return null;
	const evidence = await exportEvidenceFiles(userId);
	const folder = `my-branch-data-${londonDate(now)}`;
	return {
		filename: `${folder}.zip`,
		bytes: buildDataZip(folder, data, evidence, { branchName: config.branchName, now })
	};
}
