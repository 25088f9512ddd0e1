import { error } from '@sveltejs/kit';
import { exportAccountArchive } from '$lib/server/account/data-export';
import { requireUser } from '$lib/server/kit/guards';

export const GET = async (event) => {
	const { user } = requireUser(event);
	const archive = await exportAccountArchive(user.id, new Date());
	if (!archive) error(404, 'Not found');
	return new Response(Buffer.from(archive.bytes), {
		headers: {
			'content-type': 'application/zip',
			'content-disposition': `attachment; filename="${archive.filename}"`,
			'cache-control': 'no-store'
		}
	});
};
