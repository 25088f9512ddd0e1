// An audit record as the admin reads it: who acted (linked to their account), what they did in
// words, and what it was done to, linked where the reader may open it. Also as spreadsheet rows.
import { toLondonIso } from '../london-time.ts';
import { describeAuditAction } from './audit-words.ts';
import type { searchAuditLog } from './audit-search.ts';
import { csvCell } from './organiser/attendees-csv.ts';

type Found = Extract<Awaited<ReturnType<typeof searchAuditLog>>, { ok: true }>;
type AuditRow = Found['rows'][number];

function subjectHref(row: AuditRow, canSeeGrants: boolean) {
	if (!row.subjectKey) return null;
	switch (row.subjectType) {
		case 'user':
			return `/admin/users?q=${encodeURIComponent(row.subjectKey)}`;
		case 'event':
			return `/organiser/events/${row.subjectKey}`;
		case 'booking':
			return `/organiser/events/${row.subjectKey}/attendees`;
		case 'grant_application':
			return canSeeGrants ? `/organiser/grants/${row.subjectKey}` : null;
		default:
			return null;
	}
}

export function viewAuditEntry(row: AuditRow, canSeeGrants: boolean) {
	const subject =
		row.subjectName ??
		(row.subjectType ? `${row.subjectType.replace(/_/g, ' ')} ${row.subjectId ?? ''}`.trim() : '');
	return {
		id: row.id,
		at: row.at,
		who: row.actorName ?? 'Nobody signed in',
		whoHref: row.actorEmail ? `/admin/users?q=${encodeURIComponent(row.actorEmail)}` : null,
		did: describeAuditAction(row.action, { subject: subject || 'the desk', detail: row.detail }),
		what: subject,
		whatHref: subjectHref(row, canSeeGrants)
	};
}

export function auditCsv(rows: AuditRow[]) {
	const header = ['When', 'Who', 'What they did', 'About', 'Action code'];
	const lines = rows.map((row) => {
		const view = viewAuditEntry(row, false);
		return [toLondonIso(row.at), view.who, view.did, view.what, row.action];
	});
	return '\uFEFF' + [header, ...lines].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
