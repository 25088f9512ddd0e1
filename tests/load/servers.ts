// Production servers (`node build`) started for a load test, all on one database file.
import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Ports for one test file's servers: TEST_PORT_BASE (4700 unless set; fetch refuses some ports,
 * 4190 among them) plus the file's own offset, so test files running side by side never ask for
 * the same port.
 */
export function testPorts(offset: number, count: number) {
	const base = Number(process.env.TEST_PORT_BASE ?? 4700);
	return Array.from({ length: count }, (_, i) => base + offset + i);
}

export async function startServers(
	ports: number[],
	databaseUrl: string,
	extraEnv: Record<string, string> = {}
) {
	const children: ChildProcess[] = ports.map((port) =>
		spawn(process.execPath, ['build'], {
			env: {
				...process.env,
				PORT: String(port),
				ORIGIN: `http://localhost:${port}`,
				DATABASE_URL: databaseUrl,
				NODE_ENV: 'production',
				ALLOW_DEV_MAIL: 'true',
				ALLOW_DEV_GRANT_KEY: 'true',
				WORKERS: 'off',
				...extraEnv
			},
			stdio: 'ignore'
		})
	);
	const origins = ports.map((port) => `http://localhost:${port}`);
	for (const origin of origins) {
		for (let i = 0; ; i++) {
			try {
				if ((await fetch(`${origin}/healthz`)).ok) break;
			} catch {
				// not listening yet
			}
			if (i > 900) {
				children.forEach((c) => c.kill());
				throw new Error(`${origin} did not start`);
			}
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	return { origins, children, stop: () => children.forEach((c) => c.kill()) };
}
