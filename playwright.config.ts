import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';
import { e2eDatabaseUrl, port } from './tests/e2e/support/server.ts';

// Debian's Chromium where it is installed (CI and this project's machines): its headless shell
// first, the same lean browser Playwright itself runs headless (about 40% less processor time
// than full Chromium in headless mode), then full Chromium; otherwise Playwright's own browser,
// so the suite also runs on a laptop.
const executablePath =
	process.env.CHROMIUM_PATH ??
	['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((path) => existsSync(path));

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results/e2e',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	timeout: 60_000,
	reporter: 'list',
	use: {
		baseURL: `http://localhost:${port}`,
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	},
	projects: [
		{
			name: 'chromium',
			use: { ...devices['Desktop Chrome'] },
			testIgnore: ['grant-round-states.spec.ts', 'grant-drawn-order.spec.ts']
		},
		// Changes the grant round every other spec uses, so it runs once they have all finished.
		{
			name: 'after-all',
			use: { ...devices['Desktop Chrome'] },
			testMatch: 'grant-round-states.spec.ts',
			dependencies: ['chromium']
		},
		// Adds a round that opens after the demo's (the one every grant spec applies to): last of all.
		{
			name: 'drawn-round',
			use: { ...devices['Desktop Chrome'] },
			testMatch: 'grant-drawn-order.spec.ts',
			dependencies: ['after-all']
		}
	],
	// The README's start command on an empty database, served at the plain-http URL it prints:
	// no forwarded-protocol header is added anywhere, exactly as a newcomer's browser would do it.
	webServer: {
		command: `rm -rf .e2e-data/${port} && npm start`,
		url: `http://localhost:${port}/healthz`,
		// Request lines would drown the test report; warnings and errors still show.
		env: { PORT: String(port), DATABASE_URL: e2eDatabaseUrl, LOG_LEVEL: 'warn' },
		reuseExistingServer: false,
		timeout: 180_000,
		stdout: 'pipe'
	}
});
