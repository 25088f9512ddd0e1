// Who holds which staff role, and how that changes: by an admin on /admin/users, or from the
// shell for the first admin. Every change is audit-logged and ends the person's sessions, so
// their next sign-in starts a fresh session with the new rights.
import { and, asc, count, eq, isNull, ne, or, sql } from 'drizzle-orm';
import * as v from 'valibot';
import { db, table } from '../db/index.ts';
import { staffRoles, type StaffRole, type User } from '../db/schema/index.ts';
import { auditInsert } from '../audit.ts';
import { checkForm } from '../form-schema.ts';
import { emailProblem, findUserByEmail, nameProblem, normaliseEmail } from './sign-up.ts';
import { hashPassword } from './password.ts';
import { generateSecret } from './secrets.ts';

export const ROLE_NAMES: Record<StaffRole, string> = {
	organiser: 'Organiser',
	welfare: 'Welfare officer',
	admin: 'Admin'
};

export type AccountRow = {
	id: number;
	name: string;
	email: string;
	roles: StaffRole[];
	twoFactorOn: boolean;
	memberVerified: boolean;
};

/** Accounts for the admin's table: staff first, then by name; search matches name, email or number. */
export async function listAccounts(
	options: { search?: string; staffOnly?: boolean; limit?: number } = {}
) {
	const words = options.search?.trim().toLowerCase();
	const u = table.users;
	const where = and(
		isNull(u.deletedAt),
		options.staffOnly ? ne(u.roles, sql`'[]'`) : undefined,
		words
			? or(
					sql`instr(lower(${u.name}), ${words}) > 0`,
					sql`instr(${u.email}, ${words}) > 0`,
					sql`instr(lower(coalesce(${u.membershipNumber}, '')), ${words}) > 0`
				)
			: undefined
	);
	const [rows, [{ total }]] = await db.batch([
		db
			.select({
				id: u.id,
				name: u.name,
				email: u.email,
				roles: u.roles,
				totpEnrolledAt: u.totpEnrolledAt,
				memberVerifiedAt: u.memberVerifiedAt
			})
			.from(u)
			.where(where)
			.orderBy(sql`${u.roles} = '[]'`, asc(sql`lower(${u.name})`), asc(u.id))
			.limit(options.limit ?? 50),
		db.select({ total: count() }).from(u).where(where)
	]);
	const accounts: AccountRow[] = rows.map((row) => ({
		id: row.id,
		name: row.name,
		email: row.email,
		roles: sortRoles(row.roles),
		twoFactorOn: row.totpEnrolledAt !== null,
		memberVerified: row.memberVerifiedAt !== null
	}));
	return { accounts, total };
}

/** For the admin's landing page: how many staff there are, and how many lack two-factor. */
export async function summariseStaff() {
	const u = table.users;
	const [row] = await db
		.select({ staff: count(), withoutTwoFactor: sql<number>`sum(${u.totpEnrolledAt} is null)` })
		.from(u)
		.where(and(isNull(u.deletedAt), ne(u.roles, sql`'[]'`)));
	return { staff: row.staff, withoutTwoFactor: Number(row.withoutTwoFactor ?? 0) };
}

function sortRoles(roles: readonly StaffRole[]) {
	return staffRoles.filter((role) => roles.includes(role));
}

/** The roles ticked on the users page, each one of the staff roles. */
const ROLE_CHOICE = v.object({
	roles: v.array(v.picklist(staffRoles, 'Choose roles from organiser, welfare officer and admin'))
});
export const checkRoleChoice = (input: { roles: string[] }) =>
	checkForm(ROLE_CHOICE, input, { fieldName: () => 'roles' });

export type RoleChange =
	| { ok: true; name: string; roles: StaffRole[]; changed: boolean }
	| { ok: false; status: 400 | 404; error: string };

/**
 * Gives a person exactly `roles` (any combination). An admin cannot take away their own admin
 * role, so the branch is never left without one.
 */
export async function setUserRoles(
	input: { actorUserId: number; userId: number; roles: string[] },
	now = new Date()
): Promise<RoleChange> {
	const chosen = checkRoleChoice({ roles: input.roles });
	if (!chosen.ok) return { ok: false, status: 400, error: chosen.errors.roles };
	const roles = sortRoles(chosen.data.roles);
	const [user] = await db
		.select()
		.from(table.users)
		.where(and(eq(table.users.id, input.userId), isNull(table.users.deletedAt)));
	if (!user) return { ok: false, status: 404, error: 'That account no longer exists.' };
	const before = sortRoles(user.roles);
	if (user.id === input.actorUserId && before.includes('admin') && !roles.includes('admin')) {
		return {
			ok: false,
			status: 400,
			error:
				'You cannot remove your own admin role. Ask another admin to do it, so the branch always has one.'
		};
	}
	const granted = roles.filter((role) => !before.includes(role));
	const revoked = before.filter((role) => !roles.includes(role));
	// Staff sign-ins, two-factor resets and desk emails all go to this address: it must be theirs.
	if (granted.length && !user.emailVerifiedAt) {
		return {
			ok: false,
			status: 400,
			error: `${user.name} has not confirmed their email address yet. Staff roles need a confirmed address: ask them to confirm it first.`
		};
	}
	if (granted.length === 0 && revoked.length === 0) {
		return { ok: true, name: user.name, roles, changed: false };
	}
	const audit = (action: string, role: StaffRole) =>
		auditInsert(
			db,
			{
				actorUserId: input.actorUserId,
				action,
				subjectType: 'user',
				subjectId: user.id,
				detail: { role }
			},
			now
		);
	await db.batch([
		db.update(table.users).set({ roles }).where(eq(table.users.id, user.id)),
		db.delete(table.sessions).where(eq(table.sessions.userId, user.id)),
		...granted.map((role) => audit('role-granted', role)),
		...revoked.map((role) => audit('role-revoked', role))
	]);
	return { ok: true, name: user.name, roles, changed: true };
}

export type FirstAdmin =
	| { ok: true; outcome: 'created'; user: User; password: string }
	| { ok: true; outcome: 'promoted' | 'already-admin'; user: User }
	| { ok: false; error: string };

/** A long random password for a shell-made account, in groups of four: about 100 bits. */
function generateStartingPassword() {
	return generateSecret(20).match(/.{4}/g)!.join('-');
}

/** "jane.doe@example.org" → "Jane Doe", when no name is given for a new account. */
function nameFromEmail(email: string) {
	return email
		.split('@')[0]
		.split(/[._+-]+/)
		.filter(Boolean)
		.map((part) => part[0].toUpperCase() + part.slice(1))
		.join(' ');
}

/**
 * `npm run create-admin`: makes a new account with the admin role (email counted as verified,
 * a random password to be shown once), or gives an existing account the admin role. The shell
 * is the actor, so the audit log records no user.
 */
export async function createOrPromoteAdmin(
	input: { email: string; name?: string },
	now = new Date()
): Promise<FirstAdmin> {
	const email = normaliseEmail(input.email);
	const emailError = emailProblem(email);
	if (emailError) return { ok: false, error: emailError };
	const existing = await findUserByEmail(email);
	if (existing) {
		if (existing.roles.includes('admin')) {
			return { ok: true, outcome: 'already-admin', user: existing };
		}
		const roles = sortRoles([...existing.roles, 'admin']);
		const [[user]] = await db.batch([
			db.update(table.users).set({ roles }).where(eq(table.users.id, existing.id)).returning(),
			db.delete(table.sessions).where(eq(table.sessions.userId, existing.id)),
			auditInsert(
				db,
				{
					actorUserId: null,
					action: 'role-granted',
					subjectType: 'user',
					subjectId: existing.id,
					detail: { role: 'admin', by: 'shell' }
				},
				now
			)
		]);
		return { ok: true, outcome: 'promoted', user };
	}
	const name = input.name?.trim() || nameFromEmail(email);
	const nameError = nameProblem(name);
	if (nameError) return { ok: false, error: nameError.replace('your full name', 'a full name') };
	const password = generateStartingPassword();
	const [user] = await db
		.insert(table.users)
		.values({
			email,
			name,
			passwordHash: await hashPassword(password),
			emailVerifiedAt: now,
			roles: ['admin'],
			createdAt: now
		})
		.onConflictDoNothing({ target: table.users.email })
		.returning();
	if (!user) return { ok: false, error: `The address ${email} belongs to a deleted account.` };
	await auditInsert(
		db,
		{
			actorUserId: null,
			action: 'admin-created',
			subjectType: 'user',
			subjectId: user.id,
			detail: { by: 'shell' }
		},
		now
	);
	return { ok: true, outcome: 'created', user, password };
}
