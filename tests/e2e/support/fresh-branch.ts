// A real branch's first start, for the setup story: the README's start command on a new,
// empty database with DEMO_DATA=off, on its own port, and the setup code read from its output.
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { openDatabase } from '../../../src/lib/server/db/client.ts';
import { insertEventWithSessions } from '../../load/event-rows.ts';

export type FreshBranch = {
	origin: string;
	databaseUrl: string;
	setupCode: string;
	output: () => string;
	stop: () => void;
};

/** TEST_PORT_BASE + 60, so it never meets the main e2e server or another suite's servers. */
const freshPort = () => Number(process.env.TEST_PORT_BASE ?? 4700) + 60;

export async function startFreshBranch(): Promise<FreshBranch> {
	const port = freshPort();
	const folder = `.e2e-data/fresh-${port}`;
	rmSync(folder, { recursive: true, force: true });
	const databaseUrl = `file:${folder}/branchdesk.db`;
	const child: ChildProcess = spawn(process.execPath, ['scripts/start.ts'], {
		env: {
			...process.env,
			PORT: String(port),
			ORIGIN: `http://localhost:${port}`,
			DATABASE_URL: databaseUrl,
			DEMO_DATA: 'off',
			// Email stays in the dev mailbox, which on a real database only a two-factor admin reads.
			EMAIL_TRANSPORT: 'dev',
			ALLOW_DEV_MAIL: 'true',
			ALLOW_DEV_GRANT_KEY: 'true',
			LOG_LEVEL: 'warn'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.on('data', (chunk) => (output += String(chunk)));
	child.stderr!.on('data', (chunk) => (output += String(chunk)));
	const setupCode = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`no setup code printed:\n${output}`)), 90_000);
		const look = () => {
			const match = /enter the setup code (\S+)/.exec(output);
			if (match) {
				clearTimeout(timer);
				resolve(match[1]);
			}
		};
		child.stdout!.on('data', look);
		child.once('exit', (code) => reject(new Error(`start exited (${code}):\n${output}`)));
	});
	return {
		origin: `http://localhost:${port}`,
		databaseUrl,
		setupCode,
		output: () => output,
		stop: () => child.kill()
	};
}

/** A course and a celebration on the fresh branch, the course with a place for `userId`. */
export async function addEventsFor(databaseUrl: string, userId: number) {
	const { client } = openDatabase({ url: databaseUrl, busyTimeoutMs: 5000 });
	const start = Date.now() + 30 * 24 * 3_600_000;
	const ids: Record<string, { id: number; slug: string }> = {};
	try {
		for (const [category, title] of [
			['course', 'Health and safety reps stage 1'],
			['celebration', 'Branch summer social']
		]) {
			const slug = `${category}-${Date.now()}`;
			const { id } = await insertEventWithSessions(
				client,
				{
					sql: `insert into events (slug, title, category, summary, description, venue_name, venue_address,
					venue_postcode, capacity, guests_allowed, status, starts_at, ends_at, created_at, updated_at,
					booking_questions) values (?, ?, ?, 'Two days on the law and on inspections.', 'All about it.',
					'Civic Hall', '1 Park Row, Leeds', 'LS1 5AB', 20, 0, 'published', ?, ?, ?, ?,
					'{"accessNeeds":false,"dietary":false,"employer":false}') returning id`,
					args: [slug, title, category, start, start + 3 * 3_600_000, Date.now(), Date.now()]
				},
				[[start, start + 3 * 3_600_000]]
			);
			ids[category] = { id, slug };
		}
		const uid = `setup${Date.now()}`;
		await client.execute({
			sql: `insert into bookings (uid, event_id, user_id, status, answers, created_at, status_changed_at)
				values (?, ?, ?, 'confirmed', '{"employer":"Leeds City Council"}', ?, ?)`,
			args: [uid, ids.course.id, userId, Date.now(), Date.now()]
		});
		return { courseBookingUid: uid, celebration: ids.celebration };
	} finally {
		client.close();
	}
}

export async function userIdOf(databaseUrl: string, email: string) {
	const { client } = openDatabase({ url: databaseUrl, busyTimeoutMs: 5000 });
	try {
		const result = await client.execute({
			sql: 'select id from users where email = ?',
			args: [email]
		});
		return Number(result.rows[0].id);
	} finally {
		client.close();
	}
}
