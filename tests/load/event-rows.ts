// An event written straight into a test database together with its sessions (and organiser), in
// one write transaction as the app writes them: no reader, such as the invariant checks another
// spec runs at the same moment, ever sees an event without its sessions.
import type { Client, InStatement } from '@libsql/client';

export async function insertEventWithSessions(
	client: Client,
	event: InStatement,
	sessions: [startsAt: number, endsAt: number][],
	organiserId?: number
) {
	const tx = await client.transaction('write');
	try {
		const inserted = await tx.execute(event);
		const id = Number(inserted.rows[0].id);
		const sessionIds: number[] = [];
		for (const [startsAt, endsAt] of sessions) {
			const session = await tx.execute({
				sql: 'insert into event_sessions (event_id, starts_at, ends_at) values (?, ?, ?) returning id',
				args: [id, startsAt, endsAt]
			});
			sessionIds.push(Number(session.rows[0].id));
		}
		if (organiserId !== undefined) {
			await tx.execute({
				sql: 'insert into event_organisers (event_id, user_id, added_at) values (?, ?, ?)',
				args: [id, organiserId, Date.now()]
			});
		}
		await tx.commit();
		return { id, sessionIds };
	} finally {
		tx.close();
	}
}
