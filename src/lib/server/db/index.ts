// The process-wide database handle used by every domain module.
import { config } from '../config.ts';
import { openDatabase } from './client.ts';

const opened = openDatabase({
	url: config.databaseUrl,
	authToken: config.databaseAuthToken,
	busyTimeoutMs: config.databaseBusyTimeoutMs
});

export const client = opened.client;
export const db = opened.db;
export * as table from './schema/index.ts';
