import type { Viewer } from '$lib/server/auth/authorization';

declare global {
	namespace App {
		interface Locals {
			/** The signed-in person and their session, or null. */
			viewer: Viewer;
			/** Carried by this request's log lines, its error page and its X-Request-Id header. */
			requestId: string;
			/** Set when the request failed because another process held the database's lock. */
			databaseBusy?: boolean;
		}
		interface Error {
			message: string;
			/** Shown on error pages so a person can quote it to the branch office. */
			requestId?: string;
			/** The database was busy: nothing was saved, and sending it again will work. */
			busy?: boolean;
		}
	}
}

export {};
