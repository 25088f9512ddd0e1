// The outbox invariant after the booking burst: two `npm run worker` processes drain every
// queued message of the shared database file into the fake Resend API at once, and each
// message must reach it exactly once.
import { FakeResend } from '../../tests/fakes/fake-resend.ts';
import {
	compareDeliveries,
	countUnsent,
	readQueuedKeys,
	startWorkerProcess,
	waitUntil
} from '../../tests/load/workers.ts';
import { watchPeakMemory } from './processes.ts';

export type TwoWorkerDrain = ReturnType<typeof compareDeliveries> & {
	/** Reminders the workers' own jobs queued while draining, delivered with the rest. */
	queuedByJobs: number;
	seconds: number;
	/** Messages each worker had accepted, told apart by the API key each one was given. */
	perWorker: number[];
	peakMemoryMb: number[];
};

export async function drainWithTwoWorkers(databaseUrl: string): Promise<TwoWorkerDrain> {
	const waiting = await readQueuedKeys(databaseUrl);
	const started = Date.now();
	const fake = await new FakeResend().start();
	const keys = ['re_worker_one', 're_worker_two'];
	const workers = keys.map((key) =>
		startWorkerProcess(databaseUrl, fake, {
			RESEND_API_KEY: key,
			EMAIL_RATE_PER_SECOND: '400',
			EMAIL_POLL_MS: '20',
			EMAIL_LEASE_MS: '30000'
		})
	);
	const memory = workers.map(watchPeakMemory);
	const drained = async () => (await countUnsent(databaseUrl)) === 0;
	let seconds: number;
	try {
		await waitUntil(drained, 180_000);
		seconds = (Date.now() - started) / 1000;
		// The workers' first job pass may queue reminders just after the queue empties.
		await new Promise((r) => setTimeout(r, 3000));
		await waitUntil(drained, 60_000);
	} finally {
		workers.forEach((worker) => worker.kill());
	}
	await fake.stop();
	const queued = [...new Set([...waiting, ...(await readQueuedKeys(databaseUrl, started))])];
	const accepted = fake.requests.filter((r) => r.answeredWith === 200);
	return {
		...compareDeliveries(queued, fake),
		queuedByJobs: queued.length - waiting.length,
		seconds: Number(seconds.toFixed(1)),
		perWorker: keys.map(
			(key) => accepted.filter((r) => r.authorization === `Bearer ${key}`).length
		),
		peakMemoryMb: memory.map((peak) => peak())
	};
}
