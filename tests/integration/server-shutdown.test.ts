// A web server running its background jobs stops when asked (SIGTERM, as systemd, Docker or a
// deploy sends it) instead of carrying on sending email after it stopped serving.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startServers, testPorts } from '../load/servers.ts';

let server: ChildProcess | null = null;

afterAll(() => {
	server?.kill('SIGKILL');
});

it('a server with its background jobs exits on SIGTERM', async () => {
	const url = `file:${join(mkdtempSync(join(tmpdir(), 'branchdesk-shutdown-')), 'shutdown.db')}`;
	const started = await startServers(testPorts(3, 1), url, {
		WORKERS: 'on',
		JOBS_INTERVAL_MS: '200',
		EMAIL_POLL_MS: '100'
	});
	[server] = started.children;
	// Let the jobs run a pass or two, so their timers are set when the signal comes.
	await new Promise((r) => setTimeout(r, 1500));
	const exited = new Promise<number | null>((resolve) => server!.once('exit', resolve));
	server.kill('SIGTERM');
	const outcome = await Promise.race([
		exited.then(() => 'exited'),
		new Promise((r) => setTimeout(() => r('still running'), 10_000))
	]);
	expect(outcome).toBe('exited');
}, 60_000);
