// The background jobs a process runs: in the web server unless WORKERS=off, or alone in
// `npm run worker`. Jobs claim their work atomically, so any number of processes may run them;
// every run is logged and kept as the job's heartbeat (job-runs.ts) for /healthz.
import { drawDueBallots } from '../ballot/run-draw.ts';
import { config } from '../config.ts';
import { drawDueGrantRounds } from '../grants/drawn-order.ts';
import { fundReservesEverywhere } from '../grants/reserve-list.ts';
import { eraseExpiredAnswers } from '../bookings/retention.ts';
import { eraseExpiredGrantData } from '../grants/retention.ts';
import { expireOffers, offerFreePlacesEverywhere } from '../bookings/offers.ts';
import { queueDueReminders } from '../bookings/reminders.ts';
import { queueReadyCertificates } from '../door/certificate-ready.ts';
import type { Config } from '../config.ts';
import { createTransport } from '../email/transports/index.ts';
import { startEmailWorker } from '../email/worker.ts';
import { createJobRecorder, type JobSchedule } from './job-runs.ts';
import { readBranchSettings } from '../settings/branch-settings.ts';

const PERIODIC_JOBS: [name: string, run: () => Promise<number>][] = [
	['ballot-draws', () => drawDueBallots()],
	['grant-draws', () => drawDueGrantRounds(config)],
	['grant-reserves', () => fundReservesEverywhere(config)],
	['offer-expiry', () => expireOffers()],
	['waiting-list', () => offerFreePlacesEverywhere()],
	['reminders', () => queueDueReminders()],
	['certificates', () => queueReadyCertificates()],
	['retention', () => eraseExpiredAnswers()],
	['grant-retention', () => eraseExpiredGrantData()]
];

export function startBackgroundJobs(config: Config) {
	const recordJobRun = createJobRecorder();
	const emailSchedule: JobSchedule = {
		job: 'email',
		everyMs: config.email.pollMs,
		quietWhenIdle: true
	};
	const email = startEmailWorker({
		transport: createTransport(config.email),
		sendTimeoutMs: config.email.sendTimeoutMs,
		from: { email: config.email.fromAddress, name: config.email.fromName },
		ratePerSecond: config.email.ratePerSecond,
		pollMs: config.email.pollMs,
		retryBaseMs: config.email.retryBaseMs,
		retryMaxMs: config.email.retryMaxMs,
		giveUpAfterMs: config.email.giveUpAfterMs,
		leaseMs: config.email.leaseMs,
		onRun: (run) => void recordJobRun(emailSchedule, run)
	});
	const bookings = startPeriodicJobs(config.jobsIntervalMs, recordJobRun);
	return {
		stop: async () => {
			bookings.stop();
			await email.stop();
		}
	};
}

/** Runs each job in turn every `intervalMs`, one pass at a time. */
function startPeriodicJobs(intervalMs: number, recordJobRun: ReturnType<typeof createJobRecorder>) {
	let timer: ReturnType<typeof setTimeout> | null = null;
	let stopped = false;
	const pass = async () => {
		// Reminder emails carry the branch's details: an admin's change in another process shows.
		await readBranchSettings().catch(() => undefined);
		for (const [job, run] of PERIODIC_JOBS) {
			const started = performance.now();
			let items = 0;
			let error: unknown;
			try {
				items = await run();
			} catch (failure) {
				error = failure ?? new Error('job failed');
			}
			await recordJobRun(
				{ job, everyMs: intervalMs },
				{ ms: performance.now() - started, items, error }
			);
		}
		if (!stopped) timer = setTimeout(pass, intervalMs);
	};
	timer = setTimeout(pass, Math.min(intervalMs, 1000));
	return {
		stop() {
			stopped = true;
			if (timer) clearTimeout(timer);
		}
	};
}
