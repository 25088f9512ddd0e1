// How an evidence file leaves the server: always as a download, never rendered in the page's
// origin, with the type it was checked to be and no sniffing by the browser.
export function evidenceResponse(file: { filename: string; contentType: string; data: Buffer }) {
	return new Response(new Uint8Array(file.data), {
		headers: {
			'Content-Type': file.contentType,
			'Content-Disposition': `attachment; filename="${file.filename}"`,
			'X-Content-Type-Options': 'nosniff',
			'Cache-Control': 'private, no-store',
			'Content-Security-Policy': "default-src 'none'; sandbox"
		}
	});
}
