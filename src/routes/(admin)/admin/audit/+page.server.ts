import { requireRole } from '$lib/server/kit/guards';
import { searchAuditLog } from '$lib/server/audit-search';
import { viewAuditEntry } from '$lib/server/audit-view';
import { readAuditFilter } from '$lib/server/kit/audit-filter';

export const load = async (event) => {
	const { user } = requireRole(event, 'admin');
	const filter = readAuditFilter(event.url.searchParams);
	const found = await searchAuditLog(filter);
	const canSeeGrants = user.roles.includes('welfare');
	return {
		filter,
		csvSearch: event.url.search,
		rows: found.ok ? found.rows.map((row) => viewAuditEntry(row, canSeeGrants)) : [],
		limit: found.ok ? found.limit : 0,
		errors: found.ok ? {} : found.errors
	};
};
