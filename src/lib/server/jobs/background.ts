// The background jobs a process runs: in the web server unless WORKERS=off, or alone in
// `npm run worker`. Jobs claim their work atomically, so any number of processes may run them.
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
	return { stop: () => email.stop() };
}
