// Serves a calendar file the way calendar clients and browsers expect.
export function calendarResponse(body: string, filename: string) {
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`
		}
	});
}
