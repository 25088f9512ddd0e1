// A web server running its background jobs stops when asked (SIGTERM, as systemd, Docker or a
// deploy sends it) instead of carrying on sending email after it stopped serving.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startServers, testPorts } from '../load/servers.ts';

let server: ChildProcess | null = null;

const folder = mkdtempSync(join(tmpdir(), 'branchdesk-shutdown-'));
const url = `file:${join(folder, 'shutdown.db')}`;

afterAll(() => {
	server?.kill('SIGKILL');
	rmSync(folder, { recursive: true, force: true });
});

it('a server with its background jobs exits on SIGTERM', async () => {
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
