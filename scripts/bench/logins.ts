// The cost of signing in: argon2id hashing and checking in this process, and how many
// password sign-ins a second the server sustains.
import { hashPassword, verifyPassword } from '../../src/lib/server/auth/password.ts';

export async function measurePasswordWork(rounds = 10) {
	const hashed = await hashPassword('tangerine lighthouse gravel orbit');
	let started = performance.now();
	for (let i = 0; i < rounds; i++) await hashPassword('tangerine lighthouse gravel orbit');
	const hashMs = (performance.now() - started) / rounds;
	started = performance.now();
	for (let i = 0; i < rounds; i++)
		await verifyPassword(hashed, 'tangerine lighthouse gravel orbit');
	const verifyMs = (performance.now() - started) / rounds;
	return { hashMs: Number(hashMs.toFixed(1)), verifyMs: Number(verifyMs.toFixed(1)) };
}

/** `count` sign-ins through the login form, `concurrency` at a time. */
export async function measureSignIns(
	origin: string,
	email: string,
	password: string,
	count = 200,
	concurrency = 16
) {
	let next = 0;
	let failures = 0;
	const latencies: number[] = [];
	const started = performance.now();
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < count) {
				next++;
				const sent = performance.now();
				const response = await fetch(`${origin}/login`, {
					method: 'POST',
					redirect: 'manual',
					headers: {
						origin,
						accept: 'text/html',
						'content-type': 'application/x-www-form-urlencoded'
					},
					body: new URLSearchParams({ email, password })
				});
				await response.arrayBuffer();
				latencies.push(performance.now() - sent);
				if (response.status !== 303 || !response.headers.get('set-cookie')?.includes('session='))
					failures++;
			}
		})
	);
	const seconds = (performance.now() - started) / 1000;
	latencies.sort((a, b) => a - b);
	return {
		perSecond: Number((count / seconds).toFixed(1)),
		p50Ms: Math.round(latencies[Math.floor(latencies.length / 2)]),
		p99Ms: Math.round(latencies[Math.floor(latencies.length * 0.99)]),
		failures
	};
}
