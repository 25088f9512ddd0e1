import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/kit/guards';
import { searchAuditLog } from '$lib/server/audit-search';
import { auditCsv } from '$lib/server/audit-view';
import { readAuditFilter } from '$lib/server/kit/audit-filter';

export const GET = async (event) => {
	requireRole(event, 'admin');
	const found = await searchAuditLog(readAuditFilter(event.url.searchParams));
	if (!found.ok) error(400, Object.values(found.errors).join('. '));
	return new Response(auditCsv(found.rows), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="audit-log.csv"',
			'cache-control': 'private, no-store'
		}
	});
};
