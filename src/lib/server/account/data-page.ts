// The readable page in the data download: what the branch holds about the member in words (dates
// in London time, money in pounds, plain names instead of codes), opened in any browser from the
// unzipped folder. The JSON beside it holds the same data for another program.
import { describeAuditAction } from '../audit-words.ts';
import type { OutboxStatus } from '../db/schema/index.ts';
import type { EvidenceFileCopy } from '../grants/account-data.ts';
import { escapeHtml } from '../email/templates/layout.ts';
import type { AccountData } from './data-export.ts';
import { bookingsSection } from './data-page-bookings.ts';
import { grantsSection } from './data-page-grants.ts';
import { dayInWords, facts, inWords, list, PAGE_STYLE, section } from './data-page-html.ts';
import { DATA_JSON_NAME } from './data-zip-names.ts';

const ROLE_NAMES: Record<string, string> = {
	organiser: 'Organiser',
	welfare: 'Welfare officer',
	admin: 'Admin'
};

const EMAIL_STATUSES: Record<OutboxStatus, string> = {
	pending: 'waiting to be sent',
	sending: 'being sent',
	sent: 'sent',
	failed: 'not sent yet: it will be tried again',
	dead: 'could not be delivered',
	suppressed: 'not sent: the address had refused our emails'
};

const WHO: Record<string, string> = {
	you: 'You',
	'branch staff': 'Branch staff',
	'nobody signed in': 'Someone not signed in'
};

function accountSection(data: AccountData) {
	const a = data.account;
	const m = data.membershipList;
	const account = facts([
		['Name', a.name],
		['Email address', a.email],
		['Email address confirmed on', inWords(a.emailVerifiedAt)],
		['Account opened on', inWords(a.createdAt)],
		['Membership number', a.membershipNumber ?? ''],
		['Membership confirmed on', inWords(a.memberVerifiedAt)],
		['Staff roles', a.staffRoles.map((r) => ROLE_NAMES[r] ?? r).join(', ')],
		['Two-factor sign-in turned on', inWords(a.twoFactorEnrolledAt)],
		['Calendar feed', a.calendarFeedSet ? 'Set up (its private address is left out)' : '']
	]);
	const list = m
		? `<h3>On the branch membership list</h3>${facts([
				['Membership number', m.membershipNumber],
				['Surname', m.surname],
				['Postcode', m.postcode],
				['Joined on', dayInWords(m.joinedOn)],
				['Subs paid up to', dayInWords(m.subsPaidTo)],
				['List updated on', inWords(m.importedAt)]
			])}`
		: '';
	return section('account', 'Your account', account + list, '');
}

function emailsSection(data: AccountData) {
	const lines = data.emails.map(
		(e) =>
			`${escapeHtml(inWords(e.createdAt))}: “${escapeHtml(e.subject)}”, ${escapeHtml(EMAIL_STATUSES[e.status])}`
	);
	return section('emails', 'Emails we sent you', list(lines), 'We have not sent you any email.');
}

function signInsSection(data: AccountData) {
	const lines = data.sessions.map(
		(s) =>
			`Signed in on ${escapeHtml(inWords(s.createdAt))}, last used on ${escapeHtml(inWords(s.lastUsedAt))}`
	);
	return section('signed-in', 'Where you are signed in now', list(lines), 'Nowhere.');
}

function activitySection(data: AccountData) {
	const lines = data.activity.map((entry) => {
		const subject = entry.subjectType === 'user' ? 'your account' : 'a record';
		const detail = (entry.detail ?? null) as Record<string, unknown> | null;
		const did = describeAuditAction(entry.action, { subject, detail });
		return `${escapeHtml(inWords(entry.createdAt))}: ${escapeHtml(WHO[entry.by] ?? entry.by)} ${escapeHtml(did)}`;
	});
	return section('activity', 'What happened on your account', list(lines), 'Nothing yet.');
}

export function renderDataPage(data: AccountData, evidence: EvidenceFileCopy[], branch: string) {
	const title = `Your data from ${branch}`;
	const intro = `<p>${escapeHtml(data.about)} Made on ${escapeHtml(inWords(data.exportedAt))}.</p>
<p>The same data is in <code>${DATA_JSON_NAME}</code> beside this page, for another program to read.${
		evidence.length
			? ' The evidence files you uploaded are in the <code>evidence</code> folder.'
			: ''
	}</p>`;
	return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${PAGE_STYLE}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>${intro}${[
		accountSection(data),
		bookingsSection(data.bookings),
		grantsSection(data.grantApplications, evidence),
		emailsSection(data),
		signInsSection(data),
		activitySection(data)
	].join('\n')}</main></body></html>
`;
}
