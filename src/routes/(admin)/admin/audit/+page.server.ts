import { requireRole } from '$lib/server/kit/guards';
import { searchAuditLog } from '$lib/server/audit-search';

export const load = async (event) => {
	requireRole(event, 'admin');
	const q = event.url.searchParams;
	const filter = {
		person: q.get('person')?.slice(0, 200) ?? '',
		event: q.get('event')?.slice(0, 200) ?? '',
		from: q.get('from')?.slice(0, 20) ?? '',
		to: q.get('to')?.slice(0, 20) ?? ''
	};
	const found = await searchAuditLog(filter);
	return {
		filter,
		rows: found.ok ? found.rows : [],
		limit: found.ok ? found.limit : 0,
		errors: found.ok ? {} : found.errors
	};
};
