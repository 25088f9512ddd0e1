// The audit page's filters from its address, bounded, for the page and its spreadsheet.
export function readAuditFilter(q: URLSearchParams) {
	return {
		person: q.get('person')?.slice(0, 200) ?? '',
		subject: q.get('subject')?.slice(0, 200) ?? '',
		event: q.get('event')?.slice(0, 200) ?? '',
		from: q.get('from')?.slice(0, 20) ?? '',
		to: q.get('to')?.slice(0, 20) ?? ''
	};
}
