import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assertSafeToServe, ConfigError, readConfig } from './config.ts';

describe('configuration', () => {
	it('defaults to the embedded database and a plain-http localhost origin', () => {
		const config = readConfig({});
		expect(config.databaseUrl).toBe('file:data/branchdesk.db');
		expect(config.origin).toBe('http://localhost:3000');
		expect(config.calendarDomain).toBe('localhost');
	});

	it('follows PORT into the default origin', () => {
		expect(readConfig({ PORT: '8080' }).origin).toBe('http://localhost:8080');
	});

	it('names the variable and what it accepts when a value is wrong', () => {
		expect(() => readConfig({ PORT: 'eighty' })).toThrow(
			new ConfigError('PORT must be a whole number from 1 to 65535 (got "eighty")')
		);
		expect(() => readConfig({ DATABASE_URL: 'postgres://x' })).toThrow(
			/DATABASE_URL must start with/
		);
	});

	it('refuses the forwarded-protocol and host headers, asking for ORIGIN instead', () => {
		expect(() => readConfig({ PROTOCOL_HEADER: 'x-forwarded-proto' })).toThrow(
			/^PROTOCOL_HEADER is not supported: set ORIGIN to the public address instead/
		);
		expect(() => readConfig({ HOST_HEADER: 'x-forwarded-host' })).toThrow(
			/^HOST_HEADER is not supported/
		);
	});

	it('accepts a libSQL server with its token', () => {
		const config = readConfig({
			DATABASE_URL: 'libsql://branch.turso.io',
			DATABASE_AUTH_TOKEN: 't'
		});
		expect(config.databaseUrl).toBe('libsql://branch.turso.io');
		expect(config.databaseAuthToken).toBe('t');
	});

	const realKey = Buffer.alloc(32, 7).toString('base64');

	it('refuses the dev mailbox in production unless a demo allows it', () => {
		expect(() => assertSafeToServe(readConfig({ NODE_ENV: 'production' }))).toThrow(
			/ALLOW_DEV_MAIL/
		);
		expect(() =>
			assertSafeToServe(
				readConfig({ NODE_ENV: 'production', ALLOW_DEV_MAIL: 'true', GRANT_DATA_KEY: realKey })
			)
		).not.toThrow();
		expect(() =>
			assertSafeToServe(
				readConfig({
					NODE_ENV: 'production',
					EMAIL_TRANSPORT: 'resend',
					RESEND_API_KEY: 're_x',
					GRANT_DATA_KEY: realKey
				})
			)
		).not.toThrow();
	});

	it('refuses the development grant data key in production unless a demo allows it', () => {
		const production = { NODE_ENV: 'production', ALLOW_DEV_MAIL: 'true' };
		expect(() => assertSafeToServe(readConfig(production))).toThrow(/GRANT_DATA_KEY is missing/);
		expect(() =>
			assertSafeToServe(readConfig({ ...production, ALLOW_DEV_GRANT_KEY: 'true' }))
		).not.toThrow();
		expect(readConfig({}).grantDataKey).toMatchObject({ isDevelopmentKey: true });
		expect(readConfig({ GRANT_DATA_KEY: realKey }).grantDataKey.key).toHaveLength(32);
		expect(() => readConfig({ GRANT_DATA_KEY: 'c2hvcnQ=' })).toThrow(/32 random bytes/);
	});

	it('reads the request body limit as adapter-node does', () => {
		expect(readConfig({}).bodySizeLimit).toBe(512 * 1024);
		expect(readConfig({ BODY_SIZE_LIMIT: '11M' }).bodySizeLimit).toBe(11 * 1024 * 1024);
		expect(readConfig({ BODY_SIZE_LIMIT: '2000' }).bodySizeLimit).toBe(2000);
		expect(readConfig({ BODY_SIZE_LIMIT: 'Infinity' }).bodySizeLimit).toBe(Infinity);
		expect(() => readConfig({ BODY_SIZE_LIMIT: 'big' })).toThrow(/BODY_SIZE_LIMIT must be a size/);
	});

	it('keeps every email send shorter than the lease that reserves its message', () => {
		expect(readConfig({}).email).toMatchObject({ leaseMs: 60_000, sendTimeoutMs: 15_000 });
		expect(readConfig({ EMAIL_LEASE_MS: '3000' }).email.sendTimeoutMs).toBe(1000);
		expect(() => readConfig({ EMAIL_LEASE_MS: '10000', EMAIL_SEND_TIMEOUT_MS: '10000' })).toThrow(
			'EMAIL_SEND_TIMEOUT_MS (10000) must be shorter than EMAIL_LEASE_MS (10000)'
		);
	});

	it('asks for the settings a real transport needs', () => {
		expect(() => readConfig({ EMAIL_TRANSPORT: 'resend' })).toThrow(
			'EMAIL_TRANSPORT=resend needs RESEND_API_KEY'
		);
		expect(() => readConfig({ EMAIL_TRANSPORT: 'smtp' })).toThrow(/needs SMTP_URL/);
		expect(() => readConfig({ EMAIL_TRANSPORT: 'pigeon' })).toThrow(
			/must be one of dev, resend, smtp/
		);
	});

	it('stops the start command and the worker with one line naming the bad setting', () => {
		for (const script of ['scripts/start.ts', 'scripts/worker.ts']) {
			const run = spawnSync(process.execPath, [script], {
				env: { ...process.env, PORT: 'eighty' },
				encoding: 'utf8',
				timeout: 30_000
			});
			expect(run.status, script).toBe(1);
			expect(run.stderr.trim()).toBe(
				'Branchdesk cannot start: PORT must be a whole number from 1 to 65535 (got "eighty"). Every setting is described in .env.example.'
			);
		}
	}, 30_000);

	it('has every setting it reads described in .env.example', () => {
		const source = ['config.ts', 'config-email.ts']
			.map((file) => readFileSync(`src/lib/server/${file}`, 'utf8'))
			.join('\n');
		const names = new Set([
			...[...source.matchAll(/env\.([A-Z][A-Z0-9_]+)/g)].map((m) => m[1]),
			...[...source.matchAll(/\(env, '([A-Z][A-Z0-9_]+)'/g)].map((m) => m[1])
		]);
		expect(names.size).toBeGreaterThan(20);
		const example = readFileSync('.env.example', 'utf8');
		const documented = new Set(
			[...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1])
		);
		expect([...names].filter((name) => !documented.has(name))).toEqual([]);
	});
});
