import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, table } from '../db/index.ts';
import { createMember, emptyDatabase } from '../testing/fixtures.ts';
import { createSession, MAX_SESSIONS_PER_USER, validateSessionToken } from './session.ts';
import { listSignedInDevices, signOutOtherDevices } from './signed-in-devices.ts';

const FIREFOX = 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const IPHONE =
	'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const t0 = new Date('2026-11-22T10:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

beforeEach(emptyDatabase);

async function sessionsOf(userId: number) {
	return db.select().from(table.sessions).where(eq(table.sessions.userId, userId));
}

describe('sessions per account', () => {
	it('stop at ten: the eleventh sign-in ends the longest unused', async () => {
		const member = await createMember();
		const tokens: string[] = [];
		for (let i = 0; i < 11; i++) {
			tokens.push((await createSession(member.id, { now: at(i) })).token);
		}
		expect(await sessionsOf(member.id)).toHaveLength(MAX_SESSIONS_PER_USER);
		expect(await validateSessionToken(tokens[0], at(11))).toBeNull();
		for (const token of tokens.slice(1)) {
			expect(await validateSessionToken(token, at(11))).not.toBeNull();
		}
	});

	it('stay at ten after a hundred sign-ins, some at the same instant, keeping the newest', async () => {
		const member = await createMember();
		const other = await createMember();
		await createSession(other.id, { now: t0 });
		for (let i = 0; i < 100; i++) {
			await createSession(member.id, { now: at(Math.floor(i / 7)) });
		}
		await Promise.all(Array.from({ length: 10 }, () => createSession(member.id, { now: at(20) })));
		expect(await sessionsOf(member.id)).toHaveLength(MAX_SESSIONS_PER_USER);
		expect(await sessionsOf(other.id)).toHaveLength(1);
		const newest = (await createSession(member.id, { now: at(21) })).token;
		expect(await validateSessionToken(newest, at(21))).not.toBeNull();
	});
});

describe('the list of signed-in devices', () => {
	it('names each device and when it signed in and was last seen, this one first', async () => {
		const member = await createMember();
		await createSession(member.id, { now: at(0), userAgent: IPHONE });
		const { session: here } = await createSession(member.id, { now: at(5), userAgent: FIREFOX });
		await createSession(member.id, { now: at(10), userAgent: null });
		const devices = await listSignedInDevices(member, here.id, at(30));
		expect(devices).toEqual([
			{ name: 'Firefox on Linux', signedInAt: at(5), lastSeenAt: at(30), current: true },
			{
				name: 'Unknown browser on unknown system',
				signedInAt: at(10),
				lastSeenAt: at(10),
				current: false
			},
			{ name: 'Safari on iPhone', signedInAt: at(0), lastSeenAt: at(0), current: false }
		]);
	});

	it('leaves out sessions that have ended by themselves', async () => {
		const member = await createMember();
		const { session: here } = await createSession(member.id, { now: at(0), userAgent: FIREFOX });
		await createSession(member.id, { now: at(-15 * 24 * 60), userAgent: IPHONE });
		expect((await listSignedInDevices(member, here.id, at(1))).map((d) => d.name)).toEqual([
			'Firefox on Linux'
		]);
	});

	it('signs out everywhere else and keeps this device signed in', async () => {
		const member = await createMember();
		const other = await createMember();
		const elsewhere = await createSession(member.id, { userAgent: IPHONE });
		const here = await createSession(member.id, { userAgent: FIREFOX });
		const theirs = await createSession(other.id);
		expect(await signOutOtherDevices(member.id, here.session.id)).toBe(1);
		expect(await validateSessionToken(elsewhere.token)).toBeNull();
		expect(await validateSessionToken(here.token)).not.toBeNull();
		expect(await validateSessionToken(theirs.token)).not.toBeNull();
	});
});
