import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.ts';

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

	it('accepts a libSQL server with its token', () => {
		const config = readConfig({
			DATABASE_URL: 'libsql://branch.turso.io',
			DATABASE_AUTH_TOKEN: 't'
		});
		expect(config.databaseUrl).toBe('libsql://branch.turso.io');
		expect(config.databaseAuthToken).toBe('t');
	});
});
