// Sign-in state: sessions, one-time codes and links, staff recovery codes, DB-backed rate
// limits shared by every process, and the audit log.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { memberColumn } from './users.ts';

export const sessions = sqliteTable(
	'sessions',
	{
		/** The public half of the `id.secret` token. */
		id: text('id').primaryKey(),
		/** SHA-256 of the secret half; the secret itself is never stored. */
		secretHash: text('secret_hash').notNull(),
		userId: memberColumn(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }).notNull(),
		/** When a staff member last proved their second factor in this session. */
		twoFactorVerifiedAt: integer('two_factor_verified_at', { mode: 'timestamp_ms' }),
		/** The browser's User-Agent at sign-in, cut short: how the member tells their devices apart. */
		userAgent: text('user_agent')
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

export const authTokenKinds = ['email-verification', 'password-reset'] as const;
export type AuthTokenKind = (typeof authTokenKinds)[number];

export const authTokens = sqliteTable(
	'auth_tokens',
	{
		id: text('id').primaryKey(),
		userId: memberColumn(),
		kind: text('kind', { enum: authTokenKinds }).notNull(),
		/** SHA-256 of the code or link secret. */
		secretHash: text('secret_hash').notNull(),
		/** The address being verified (a new one, for an email change). */
		email: text('email').notNull(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('auth_tokens_user_idx').on(t.userId, t.kind)]
);

export const recoveryCodes = sqliteTable(
	'recovery_codes',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: memberColumn(),
		codeHash: text('code_hash').notNull(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('recovery_codes_user_idx').on(t.userId)]
);

export const rateLimits = sqliteTable('rate_limits', {
	/** e.g. login-ip:203.0.113.7, login-account:a@b.org, code-check:42, email-send:a@b.org */
	key: text('key').primaryKey(),
	count: integer('count').notNull(),
	windowStartsAt: integer('window_starts_at', { mode: 'timestamp_ms' }).notNull(),
	blockedUntil: integer('blocked_until', { mode: 'timestamp_ms' })
});

export const auditLog = sqliteTable(
	'audit_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		actorUserId: integer('actor_user_id'),
		action: text('action').notNull(),
		subjectType: text('subject_type'),
		subjectId: text('subject_id'),
		detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('audit_log_actor_idx').on(t.actorUserId, t.createdAt),
		index('audit_log_subject_idx').on(t.subjectType, t.subjectId)
	]
);

export type Session = typeof sessions.$inferSelect;
export type AuthToken = typeof authTokens.$inferSelect;
