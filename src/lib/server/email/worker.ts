// The email worker loop: claims due messages, hands them to the transport no faster than the
// provider's rate, and sleeps when the queue is empty until the poll interval passes or this
// process queues something new (wakeEmailWorker). Each pass is reported to `onRun`, which
// logs it and keeps the job's heartbeat.
import {
	claimDueMessages,
	deliverMessage,
	type DeliveryResult,
	type DeliverySettings,
	type Transport
} from './delivery.ts';

/** One claim-and-send pass: how long it took, how many messages it claimed, how each ended. */
export type EmailWorkerRun = {
	ms: number;
	items: number;
	counts: Partial<Record<DeliveryResult['state'], number>>;
	error?: unknown;
};

export type WorkerOptions = DeliverySettings & {
	transport: Transport;
	ratePerSecond: number;
	pollMs: number;
	batchSize?: number;
	onRun?: (run: EmailWorkerRun) => void;
};

let wake: (() => void) | null = null;

/** Lets a worker in this process start on a just-queued message without waiting for its poll. */
export function wakeEmailWorker() {
	wake?.();
}

let workersHere = 0;

/** Whether this process runs an email worker now (the web server does, unless WORKERS=off). */
export function emailWorkerRunsHere() {
	return workersHere > 0;
}

/**
 * A claimed batch must be sent well inside its lease, or another process would take the
 * unsent rest over and send them again: claim about a tenth of what the lease allows.
 */
function claimBatchSize(options: WorkerOptions) {
	return (
		options.batchSize ??
		Math.max(1, Math.min(20, Math.floor(((options.leaseMs / 1000) * options.ratePerSecond) / 10)))
	);
}

/** Waits `ms`, or less if wakeEmailWorker is called meanwhile. */
function sleep(ms: number) {
	return new Promise<void>((resolve) => {
		const timer = setTimeout(done, ms);
		function done() {
			clearTimeout(timer);
			if (wake === done) wake = null;
			resolve();
		}
		wake = done;
	});
}

export function startEmailWorker(options: WorkerOptions) {
	let running = true;
	workersHere += 1;
	// 3% under the provider's rate, so network jitter does not push two requests into one slot.
	const interval = (1000 / options.ratePerSecond) * 1.03;
	let nextSendAt = 0;
	const batchSize = claimBatchSize(options);

	const pace = async () => {
		const wait = nextSendAt - Date.now();
		if (wait > 0) await new Promise((r) => setTimeout(r, wait));
		nextSendAt = Math.max(Date.now(), nextSendAt) + interval;
	};

	const loop = async () => {
		while (running) {
			// Claim only once the provider may be asked again, so a pause it asked for is not
			// spent out of the leases of messages already claimed.
			const pause = nextSendAt - Date.now();
			if (pause > 0) await new Promise((r) => setTimeout(r, pause));
			const started = performance.now();
			const counts: EmailWorkerRun['counts'] = {};
			let claimed: unknown[] = [];
			const report = (error?: unknown) =>
				options.onRun?.({ ms: performance.now() - started, items: claimed.length, counts, error });
			try {
				const due = await claimDueMessages(batchSize, options.leaseMs);
				claimed = due;
				for (const message of due) {
					if (!running) break;
					await pace();
					const result = await deliverMessage(message, options.transport, options);
					counts[result.state] = (counts[result.state] ?? 0) + 1;
					if (result.pauseUntil) nextSendAt = result.pauseUntil;
				}
				report();
				if (due.length < batchSize && running) await sleep(options.pollMs);
			} catch (error) {
				report(error);
				if (running) await sleep(options.pollMs);
			}
		}
	};
	const finished = loop();

	return {
		async stop() {
			if (running) workersHere -= 1;
			running = false;
			wakeEmailWorker();
			await finished;
		}
	};
}
