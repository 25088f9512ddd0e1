import { defineConfig } from 'vitest/config';
import { sveltekit } from '@sveltejs/kit/vite';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		expect: { requireAssertions: true },
		environment: 'node',
		include: ['src/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		setupFiles: ['src/lib/server/db/test-database.ts'],
		// The fault tests in tests/integration run the production build.
		globalSetup: ['tests/load/build-once.ts'],
		// Those tests spend seconds waiting on timers (a rate-limited provider, an outage), so
		// three files run at once even on two cores.
		maxWorkers: 3,
		// Each file migrates its own database before its first test; on two busy cores that can
		// outlast the default ten seconds.
		hookTimeout: 30_000,
		// Drizzle is 450 small modules, loaded again by every test file's own process (half a
		// second each); bundled once into one module, the unit tests take half the time. The
		// native libSQL driver stays as it is.
		deps: {
			optimizer: {
				ssr: {
					enabled: true,
					include: [
						'drizzle-orm',
						'drizzle-orm/libsql',
						'drizzle-orm/sqlite-core',
						'drizzle-orm/migrator'
					],
					exclude: ['@libsql/client', 'libsql']
				}
			}
		}
	}
});
