// The shape of an email from the moment a domain module renders it to the moment a transport
// hands it over.
import type { CalendarMethod } from '../db/schema/index.ts';

export type RenderedEmail = {
	subject: string;
	text: string;
	html: string;
	calendar?: { method: CalendarMethod; ics: string };
};

export type OutgoingEmail = RenderedEmail & {
	/** Unique for this message forever: a retried state change must produce the same key. */
	idempotencyKey: string;
	to: { email: string; name?: string | null };
	template: string;
};

/** What a transport needs to send one stored outbox message. */
export type Envelope = {
	idempotencyKey: string;
	from: { email: string; name: string };
	to: { email: string; name?: string | null };
	subject: string;
	text: string;
	html: string;
	calendar?: { method: CalendarMethod; ics: string };
};
