// Someone who turns up without a booking: a place made at the door (an account too, if they
// have none), checked in at once, their membership checked against the branch list, and an
// email inviting them to set a password to see it. A full event takes them only when the
// organiser confirmed "over capacity", and the audit record says so.
import { eq } from 'drizzle-orm';
import * as v from 'valibot';
import { db, table } from '../db/index.ts';
import type { Event } from '../db/schema/index.ts';
import { bookPlace } from '../bookings/book.ts';
import { membershipKey, surnameKey, tidy } from '../members/matching-keys.ts';
import { findListedMember } from '../members/membership-list.ts';
import { assessStanding } from '../members/standing.ts';
import { queueSetPasswordInvite } from './walk-in-invite.ts';

export type WalkIn = {
	clientId: string;
	name: string;
	email: string;
	membershipNumber: string;
	overCapacity: boolean;
	checkedInAt: Date;
	deviceId: string;
};

export type WalkInResult =
	| { clientId: string; ok: true; bookingUid: string; message: string }
	| { clientId: string; ok: false; reason: string; full?: true };

const EMAIL = /^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$/;

/** Text as a device sends it: no longer than `most` as sent, then tidied. */
const sentText = (most: number) => v.pipe(v.string(), v.maxLength(most), v.transform(tidy));

const SENT_WALK_IN = v.object({
	clientId: v.pipe(sentText(80), v.nonEmpty()),
	name: sentText(100),
	email: v.pipe(
		sentText(254),
		v.transform((email) => email.toLowerCase())
	),
	membershipNumber: v.nullish(sentText(30), ''),
	// Only a plain `true` says the organiser confirmed taking them over capacity.
	overCapacity: v.pipe(
		v.optional(v.unknown(), false),
		v.transform((confirmed) => confirmed === true)
	),
	checkedInAt: v.pipe(
		v.number(),
		v.safeInteger(),
		v.transform((ms) => new Date(ms))
	),
	deviceId: v.pipe(sentText(60), v.nonEmpty())
});

/** The walk-ins a device sends, up to 200 at once, or null when any of them is malformed. */
const SENT_WALK_INS = v.pipe(v.array(v.unknown()), v.maxLength(200), v.array(SENT_WALK_IN));

export function readSentWalkIns(body: unknown): WalkIn[] | null {
	const sent = v.safeParse(SENT_WALK_INS, (body as { walkIns?: unknown } | null)?.walkIns ?? []);
	return sent.success ? sent.output : null;
}

/** The person's account: theirs if the address has one, else a new one with no password yet. */
async function accountFor(walkIn: WalkIn, now: Date) {
	const [existing] = await db.select().from(table.users).where(eq(table.users.email, walkIn.email));
	if (existing) return existing.deletedAt ? null : { user: existing, created: false };
	const [user] = await db
		.insert(table.users)
		.values({ email: walkIn.email, name: walkIn.name, createdAt: now })
		.onConflictDoNothing()
		.returning();
	return user ? { user, created: true } : null;
}

/**
 * The membership number typed at the door is taken as theirs when the list has it under the
 * surname they gave and no other account holds it. Says why not otherwise.
 */
async function confirmMembership(userId: number, walkIn: WalkIn, now: Date) {
	const number = membershipKey(walkIn.membershipNumber);
	const entry = await findListedMember(number);
	const surname = walkIn.name.split(' ').at(-1) ?? '';
	if (!entry || surnameKey(entry.surname) !== surnameKey(surname))
		return 'That membership number and surname are not on the branch membership list.';
	const [holder] = await db
		.select({ id: table.users.id })
		.from(table.users)
		.where(eq(table.users.membershipNumber, number));
	if (holder && holder.id !== userId)
		return 'That membership number belongs to another account: add them by that account’s email address.';
	const standing = assessStanding({ membershipNumber: number, memberVerifiedAt: now }, entry, now);
	if (!standing.inGoodStanding) return standing.standingProblem;
	await db
		.update(table.users)
		.set({ membershipNumber: number, memberVerifiedAt: now })
		.where(eq(table.users.id, userId));
	return null;
}

async function addWalkIn(
	event: Event,
	walkIn: WalkIn,
	actor: { actorUserId: number | null; doorLinkId: number | null },
	now: Date
): Promise<WalkInResult> {
	const refuse = (reason: string, full?: true) => ({
		clientId: walkIn.clientId,
		ok: false as const,
		reason,
		...(full ? { full } : {})
	});
	if (!walkIn.name) return refuse('Enter their name');
	if (!EMAIL.test(walkIn.email)) return refuse('Enter an email address, like name@example.com');
	if (event.membersOnly && !walkIn.membershipNumber)
		return refuse('This event is for members: enter their membership number');
	const account = await accountFor(walkIn, now);
	if (!account) return refuse('That email address cannot be used for a booking.');
	if (
		walkIn.membershipNumber &&
		account.user.membershipNumber !== membershipKey(walkIn.membershipNumber)
	) {
		const problem = await confirmMembership(account.user.id, walkIn, now);
		if (problem && event.membersOnly) return refuse(problem);
	}
	const booked = await bookPlace(
		{
			eventId: event.id,
			userId: account.user.id,
			answers: {},
			guests: 0,
			desk: {
				actorUserId: actor.actorUserId,
				atTheDoor: true,
				overCapacity: walkIn.overCapacity,
				device: { deviceId: walkIn.deviceId, clientId: walkIn.clientId },
				auditDetail: actor.doorLinkId ? { doorLink: actor.doorLinkId } : undefined
			}
		},
		now
	);
	if (!booked.ok) {
		if (booked.existing)
			return refuse(`${account.user.name} already has a booking: check them in instead.`);
		if (booked.full)
			return refuse('Every place is taken. Add them only if you agree to go over capacity.', true);
		return refuse(booked.reason);
	}
	if (account.created || !account.user.passwordHash)
		await queueSetPasswordInvite(account.user, event, now);
	return {
		clientId: walkIn.clientId,
		ok: true,
		bookingUid: booked.booking.uid,
		message: `${account.user.name} has a place and is checked in.`
	};
}

export async function addWalkIns(
	event: Event,
	walkIns: WalkIn[],
	actor: { actorUserId: number | null; doorLinkId: number | null },
	now = new Date()
) {
	const results: WalkInResult[] = [];
	for (const walkIn of walkIns) results.push(await addWalkIn(event, walkIn, actor, now));
	return results;
}
