// The server the end-to-end tests start: its port and its own database file, so specs can
// also reach into that database (to queue a message, or to clear the sign-in throttle).
import { openDatabase } from '../../../src/lib/server/db/client.ts';

export const port = Number(process.env.E2E_PORT ?? 4173);
export const e2eDatabaseUrl = `file:.e2e-data/${port}/branchdesk.db`;

export function openE2eDatabase() {
	return openDatabase({ url: e2eDatabaseUrl, busyTimeoutMs: 5000 });
}
