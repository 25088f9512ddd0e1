// The welfare queue at a winter's volume: 2,000 submitted applications in the demo round (a few
// of them rule breakers), and a welfare officer's signed-in session to load the queue page with.
import { desc } from 'drizzle-orm';
import { openDatabase } from '../../src/lib/server/db/client.ts';
import * as table from '../../src/lib/server/db/schema/index.ts';
import { insertSignedInSession } from '../../src/lib/server/testing/signed-in-session.ts';
import { seedWelfareQueue } from '../../src/lib/server/testing/welfare-queue-seed.ts';
import { measureLoad, type LoadFigures } from './http-load.ts';

export const QUEUE_APPLICATIONS = 2000;

export async function prepareWelfareQueue(databaseUrl: string) {
	const { db, client } = openDatabase({ url: databaseUrl, busyTimeoutMs: 10_000 });
	try {
		const [round] = await db
			.select()
			.from(table.grantRounds)
			.orderBy(desc(table.grantRounds.opensAt))
			.limit(1);
		await seedWelfareQueue(db, round.id, QUEUE_APPLICATIONS, new Date(), 'bench');
		const now = new Date();
		const [officer] = await db
			.insert(table.users)
			.values({
				email: 'bench-welfare@branchdesk.example',
				name: 'Bench Welfare Officer',
				roles: ['welfare'],
				emailVerifiedAt: now,
				totpSecret: 'JBSWY3DPEHPK3PXP',
				totpEnrolledAt: now
			})
			.returning();
		return { cookie: `session=${await insertSignedInSession(db, officer.id, now)}` };
	} finally {
		client.close();
	}
}

/** The queue's first page, and a filtered, re-sorted later page, under steady load. */
export async function measureWelfareQueue(
	origin: string,
	cookie: string,
	options: { connections: number; durationSeconds: number }
): Promise<LoadFigures[]> {
	const pages = [
		['/organiser/grants', '/organiser/grants'],
		['/organiser/grants, most flags first, page 2', '/organiser/grants?sort=flags&page=2'],
		['/organiser/grants, page 40', '/organiser/grants?page=40']
	] as const;
	const figures: LoadFigures[] = [];
	for (const [name, path] of pages) {
		await measureLoad(name, `${origin}${path}`, {
			...options,
			durationSeconds: 1,
			headers: { cookie }
		});
		figures.push(await measureLoad(name, `${origin}${path}`, { ...options, headers: { cookie } }));
	}
	return figures;
}
