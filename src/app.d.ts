import type { Viewer } from '$lib/server/auth/authorization';

declare global {
	namespace App {
		interface Locals {
			/** The signed-in person and their session, or null. */
			viewer: Viewer;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
