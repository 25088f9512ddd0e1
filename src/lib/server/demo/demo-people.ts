// The demo's people and branch: staff with their shared passwords and two-factor key, members
// and their membership list, the branch office, and the grant round it opens. Demo data only.
import { addDays, londonDate } from '../../plain-date.ts';
import type { BranchSettings } from '../settings/branch-setting-rows.ts';

/** Fixed demo passwords, printed by the start command: demo data only. */
export const DEMO_PASSWORDS = { staff: 'Branch-Staff-Demo-26', member: 'Branch-Member-Demo-26' };

/**
 * The demo staff's shared two-factor key, printed by the start command; `npm run demo:code`
 * shows its current code for anyone without an authenticator app. Demo data only.
 */
export const DEMO_TOTP_SECRET = 'IJZGC3TDNBSGK43LEBSGK3LPEAZEMQJB';

export const demoStaff = [
	{ email: 'admin@branchdesk.example', name: 'Grace Mensah', roles: ['admin'] as const },
	{ email: 'organiser@branchdesk.example', name: 'Tom Gallagher', roles: ['organiser'] as const },
	{ email: 'welfare@branchdesk.example', name: 'Priya Sharma', roles: ['welfare'] as const }
];

const demoMemberNames = [
	'Amara Okafor',
	'Daniel Hughes',
	'Shazia Begum',
	'Kevin Doyle',
	'Leanne Price',
	'Marcus Campbell',
	'Nasreen Akhtar',
	'Paul Whitehouse',
	'Rosa Fernandes',
	'Sean McCarthy',
	'Tanisha Brown',
	'Usman Rafiq',
	'Wendy Clarke',
	'Yusuf Ali',
	'Zoe Patel',
	'Bernadette Kelly',
	'Chidi Eze',
	'Hannah Roberts'
];

export const demoMembers = demoMemberNames.map((name, i) => ({
	email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@branchdesk.example`,
	name,
	membershipNumber: `B${String(100201 + i)}`
}));

/** An account whose email address was never confirmed. */
export const DEMO_UNVERIFIED_EMAIL = 'jordan.ellis@branchdesk.example';

/** On the membership list but with no account yet: for trying the membership check. */
export const DEMO_UNCLAIMED_MEMBER = {
	membershipNumber: 'B300001',
	surname: 'Walker',
	postcode: 'B15 2TT'
};

/** The demo branch's office and people: settings like any branch's, written by the seed. */
export const demoBranchSettings: BranchSettings = {
	name: 'Birmingham City Branch',
	address: 'Bank House\n8 Cherry Street\nBirmingham\nB2 5AL',
	phone: '0121 496 0000',
	email: 'office@branchdesk.example',
	openingHours: 'Monday to Friday, 9am to 5pm',
	website: 'https://branchdesk.example',
	dataProtectionContact: 'The branch secretary, office@branchdesk.example',
	signatoryName: 'Joan Whitfield',
	signatoryRole: 'Branch Education Officer',
	welfareContact: 'Priya Sharma, welfare officer: welfare@branchdesk.example, 0121 496 0001'
};

const isoDay = (now: Date, daysAgo: number) => addDays(londonDate(now), -daysAgo);

/** The membership list: every demo member paid up, except the last, whose subs have lapsed. */
export function demoRegister(now: Date) {
	const postcodes = ['B16 8DN', 'B12 9QH', 'B11 1AA', 'B23 6TT', 'B30 2PL', 'B21 9NH'];
	return [
		...demoMembers.map((m, i) => ({
			membershipNumber: m.membershipNumber,
			surname: m.name.split(' ').at(-1)!,
			postcode: postcodes[i % postcodes.length],
			joinedOn: isoDay(now, 400 + i * 180),
			subsPaidTo: isoDay(now, i === demoMembers.length - 1 ? 90 : 10),
			importedAt: now
		})),
		{
			...DEMO_UNCLAIMED_MEMBER,
			joinedOn: isoDay(now, 900),
			subsPaidTo: isoDay(now, 5),
			importedAt: now
		}
	];
}

const DAY = 86_400_000;

/** The round the demo opens today: eight weeks, £15,000, a standard award of £100. */
export function demoGrantRound(now: Date) {
	return {
		name: 'Winter Fuel Grant 2026/27',
		opensAt: now,
		closesAt: new Date(now.getTime() + 56 * DAY),
		budgetPence: 1_500_000,
		standardAwardPence: 10_000,
		incomeThresholdPence: 200_000,
		savingsLimitPence: 150_000,
		coolDownMonths: 6,
		retentionMonths: 6,
		createdAt: now
	};
}
