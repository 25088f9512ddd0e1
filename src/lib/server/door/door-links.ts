// Door links: an organiser lets a volunteer check people in at one event, without an account.
// The link holds a random secret and a PIN said aloud or texted separately; both are stored
// only as digests. A link ends after the event's last session or when revoked, five wrong PINs
// revoke it, and every use is written to the audit log.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import * as v from 'valibot';
import { auditInsert, recordAudit } from '../audit.ts';
import {
	digestSecret,
	generateNumericCode,
	generateSecret,
	secretMatches
} from '../auth/secrets.ts';
import { derivedKey } from '../derived-keys.ts';
import { db, table } from '../db/index.ts';
import type { DoorLink, Event } from '../db/schema/index.ts';
import { checkForm, requiredText } from '../form-schema.ts';

const MOST_WRONG_PINS = 5;
const l = table.doorLinks;

const passKey = derivedKey('branchdesk door pass');

/** What the volunteer's browser keeps once the PIN was right: bound to the link, not reusable elsewhere. */
export function doorPassFor(link: Pick<DoorLink, 'id' | 'tokenDigest'>) {
	return createHmac('sha256', passKey).update(`${link.id}:${link.tokenDigest}`).digest('base64url');
}

export function doorPassMatches(link: Pick<DoorLink, 'id' | 'tokenDigest'>, pass: string) {
	const expected = Buffer.from(doorPassFor(link));
	const given = Buffer.from(pass);
	return expected.length === given.length && timingSafeEqual(expected, given);
}

const DOOR_LINK_LABEL = v.object({
	label: requiredText(
		'Enter who the link is for, like “Front door, Priya”',
		60,
		'Keep it to 60 characters or fewer',
		{ trim: true }
	)
});

/** Who a new link is for, as the organiser typed it, or a message to fix it. */
export const checkDoorLinkLabel = (input: { label: string }) => checkForm(DOOR_LINK_LABEL, input);

export async function createDoorLink(
	event: Event,
	label: string,
	actorUserId: number,
	now = new Date()
) {
	const token = generateSecret(32);
	const pin = generateNumericCode(6);
	const [link] = await db
		.insert(l)
		.values({
			eventId: event.id,
			tokenDigest: digestSecret(token),
			pinDigest: digestSecret(pin),
			label,
			createdBy: actorUserId,
			createdAt: now,
			expiresAt: event.endsAt
		})
		.returning();
	await recordAudit(
		{
			actorUserId,
			action: 'door-link.created',
			subjectType: 'door-link',
			subjectId: link.id,
			detail: { eventId: event.id, label }
		},
		now
	);
	return { path: `/door/${token}`, pin, link };
}

export function listDoorLinks(eventId: number) {
	return db.select().from(l).where(eq(l.eventId, eventId)).orderBy(desc(l.createdAt));
}

export async function revokeDoorLink(
	eventId: number,
	linkId: number,
	actorUserId: number,
	now = new Date()
) {
	const [revoked] = await db
		.update(l)
		.set({ revokedAt: now })
		.where(and(eq(l.id, linkId), eq(l.eventId, eventId), isNull(l.revokedAt)))
		.returning();
	if (revoked)
		await recordAudit(
			{ actorUserId, action: 'door-link.revoked', subjectType: 'door-link', subjectId: linkId },
			now
		);
	return Boolean(revoked);
}

/** The link and its event while it may be used; null when unknown, revoked or past its end. */
export async function findUsableDoorLink(token: string, now = new Date()) {
	if (!/^[a-z2-9]{32}$/.test(token)) return null;
	const [row] = await db
		.select({ link: l, event: table.events })
		.from(l)
		.innerJoin(table.events, eq(table.events.id, l.eventId))
		.where(eq(l.tokenDigest, digestSecret(token)));
	if (!row || row.link.revokedAt || row.link.expiresAt.getTime() <= now.getTime()) return null;
	return row;
}

export type PinOutcome = { ok: true; pass: string } | { ok: false; reason: string };

export async function enterDoorPin(
	link: DoorLink,
	pin: string,
	now = new Date()
): Promise<PinOutcome> {
	const audit = (action: string) =>
		auditInsert(
			db,
			{ actorUserId: null, action, subjectType: 'door-link', subjectId: link.id },
			now
		);
	if (/^\d{6}$/.test(pin.trim()) && secretMatches(pin.trim(), link.pinDigest)) {
		await audit('door-link.opened');
		return { ok: true, pass: doorPassFor(link) };
	}
	const wrong = link.failedPins + 1;
	await db.batch([
		db
			.update(l)
			.set({
				failedPins: sql`${l.failedPins} + 1`,
				revokedAt: wrong >= MOST_WRONG_PINS ? now : link.revokedAt
			})
			.where(eq(l.id, link.id)),
		audit(wrong >= MOST_WRONG_PINS ? 'door-link.locked' : 'door-link.pin-refused')
	]);
	return {
		ok: false,
		reason:
			wrong >= MOST_WRONG_PINS
				? 'That PIN was wrong too many times, so this link no longer works. Ask the organiser for a new one.'
				: 'That PIN is not right. Check it with the organiser and try again.'
	};
}

export async function recordDoorLinkUse(linkId: number, action: string, now = new Date()) {
	await recordAudit(
		{ actorUserId: null, action, subjectType: 'door-link', subjectId: linkId },
		now
	);
}
