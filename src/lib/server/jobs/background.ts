// The background jobs a process runs: in the web server unless WORKERS=off, or alone in
// `npm run worker`. Jobs claim their work atomically, so any number of processes may run them.
import { eraseExpiredAnswers } from '../bookings/retention.ts';
import { eraseExpiredGrantData } from '../grants/retention.ts';
import { expireOffers, offerFreePlacesEverywhere } from '../bookings/offers.ts';
import { queueDueReminders } from '../bookings/reminders.ts';
import type { Config } from '../config.ts';
import { createTransport } from '../email/transports/index.ts';
import { startEmailWorker } from '../email/worker.ts';

let lastBeat: Date | null = null;

/** When this process's jobs last completed a pass (null when it runs none). */
export function jobHeartbeat() {
	return lastBeat;
}

export function startBackgroundJobs(config: Config) {
	const email = startEmailWorker({
		transport: createTransport(config.email),
		from: { email: config.email.fromAddress, name: config.email.fromName },
		ratePerSecond: config.email.ratePerSecond,
		pollMs: config.email.pollMs,
		retryBaseMs: config.email.retryBaseMs,
		retryMaxMs: config.email.retryMaxMs,
		giveUpAfterMs: config.email.giveUpAfterMs,
		leaseMs: config.email.leaseMs,
		onPass: () => (lastBeat = new Date()),
		onError: (error) =>
			console.error(
				JSON.stringify({
					job: 'email',
					error: error instanceof Error ? error.message : String(error)
				})
			)
	});
	const bookings = startPeriodicJobs(config.jobsIntervalMs, [
		['offer-expiry', () => expireOffers()],
		['waiting-list', () => offerFreePlacesEverywhere()],
		['reminders', () => queueDueReminders()],
		['retention', () => eraseExpiredAnswers()],
		['grant-retention', () => eraseExpiredGrantData()]
	]);
	return {
		stop: async () => {
			bookings.stop();
			await email.stop();
		}
	};
}

/** Runs each job in turn every `intervalMs`, one pass at a time, logging one line a run. */
function startPeriodicJobs(intervalMs: number, jobs: [name: string, run: () => Promise<number>][]) {
	let timer: ReturnType<typeof setTimeout> | null = null;
	let stopped = false;
	const pass = async () => {
		for (const [name, run] of jobs) {
			const started = performance.now();
			try {
				const handled = await run();
				if (handled)
					console.log(
						JSON.stringify({ job: name, handled, ms: Math.round(performance.now() - started) })
					);
			} catch (error) {
				console.error(
					JSON.stringify({
						job: name,
						error: error instanceof Error ? error.message : String(error)
					})
				);
			}
		}
		lastBeat = new Date();
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
